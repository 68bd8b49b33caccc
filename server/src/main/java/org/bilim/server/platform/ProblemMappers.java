package org.bilim.server.platform;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that leaves a resource into RFC 9457 problem details: Bilim's own
 * {@link BilimException}, Bean Validation failures, the JAX-RS exceptions for unknown paths,
 * wrong methods and media types, malformed JSON, and — as the last resort — anything else, which
 * is logged with an incident id and answered without a stack trace.
 */
public final class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    static Response respond(HttpHeaders headers, UriInfo uri, ProblemCode code, Object[] args,
                            List<BilimException.FieldError> fieldErrors) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        return Problems.response(Problems.problem(code, Problems.language(headers), instance, args, fieldErrors));
    }

    @Provider
    public static class BilimExceptionMapper implements ExceptionMapper<BilimException> {
        @Context
        HttpHeaders headers;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(BilimException e) {
            return respond(headers, uri, e.problem(), e.args(), e.fieldErrors());
        }
    }

    /**
     * Bean Validation: one field error per violated constraint, named after the JSON property and
     * coded after the constraint ({@code field.NotBlank}, {@code field.Size}, ...).
     */
    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Context
        HttpHeaders headers;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            return respond(headers, uri, ProblemCode.REQUEST_INVALID, new Object[0], fieldErrors(e));
        }

        static List<BilimException.FieldError> fieldErrors(ConstraintViolationException e) {
            // A record component's constraint is reported for the field and for the accessor:
            // keep one per field and constraint.
            Map<String, BilimException.FieldError> unique = new LinkedHashMap<>();
            List<ConstraintViolation<?>> sorted = new ArrayList<>(e.getConstraintViolations());
            sorted.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
            for (ConstraintViolation<?> v : sorted) {
                String field = fieldName(v);
                Annotation constraint = v.getConstraintDescriptor().getAnnotation();
                String code = constraint.annotationType().getSimpleName();
                Object[] args = constraintArgs(v.getConstraintDescriptor().getAttributes());
                unique.putIfAbsent(field + "|" + code, BilimException.FieldError.of(field, code, args));
            }
            return new ArrayList<>(unique.values());
        }

        /**
         * The name a person's form knows the field by: the property path inside a JSON body, or the
         * name of the query, path or header parameter that was wrong; "body" for the body as a whole.
         */
        private static String fieldName(ConstraintViolation<?> v) {
            String last = null;
            String method = null;
            int parameter = -1;
            for (Path.Node node : v.getPropertyPath()) {
                switch (node.getKind()) {
                    case PROPERTY, CONTAINER_ELEMENT -> last = last == null ? node.getName() : last + "." + node.getName();
                    case METHOD -> method = node.getName();
                    case PARAMETER -> parameter = node.as(Path.ParameterNode.class).getParameterIndex();
                    default -> { }
                }
            }
            if (last != null) {
                return last;
            }
            String named = method == null || parameter < 0 ? null : parameterName(v.getRootBeanClass(), method, parameter);
            return named == null ? "body" : named;
        }

        private static String parameterName(Class<?> type, String method, int index) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                    if (!m.getName().equals(method) || m.getParameterCount() <= index) {
                        continue;
                    }
                    for (Annotation a : m.getParameterAnnotations()[index]) {
                        if (a instanceof jakarta.ws.rs.QueryParam q) {
                            return q.value();
                        }
                        if (a instanceof jakarta.ws.rs.PathParam p) {
                            return p.value();
                        }
                        if (a instanceof jakarta.ws.rs.HeaderParam h) {
                            return h.value();
                        }
                    }
                }
            }
            return null;
        }

        private static Object[] constraintArgs(Map<String, Object> attributes) {
            List<Object> args = new ArrayList<>();
            for (String name : List.of("min", "max", "value")) {
                Object v = attributes.get(name);
                if (v instanceof Number || v instanceof String) {
                    args.add(v);
                }
            }
            return args.toArray();
        }
    }

    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpHeaders headers;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            if (causedByMalformedJson(e)) {
                return respond(headers, uri, ProblemCode.REQUEST_MALFORMED, new Object[0], List.of());
            }
            ProblemCode code = switch (e) {
                case NotFoundException ignored -> ProblemCode.RESOURCE_NOT_FOUND;
                case NotAllowedException ignored -> ProblemCode.REQUEST_METHOD_NOT_ALLOWED;
                case NotSupportedException ignored -> ProblemCode.REQUEST_UNSUPPORTED_MEDIA_TYPE;
                case NotAcceptableException ignored -> ProblemCode.REQUEST_NOT_ACCEPTABLE;
                default -> byStatus(e.getResponse() == null ? 500 : e.getResponse().getStatus());
            };
            if (code == ProblemCode.SERVER_ERROR) {
                return CatchAllMapper.incident(headers, uri, e);
            }
            Response problem = respond(headers, uri, code, new Object[0], List.of());
            if (e instanceof NotAllowedException && e.getResponse() != null
                    && e.getResponse().getHeaderString("Allow") != null) {
                return Response.fromResponse(problem).header("Allow", e.getResponse().getHeaderString("Allow")).build();
            }
            return problem;
        }

        private static ProblemCode byStatus(int status) {
            return switch (status) {
                case 400 -> ProblemCode.REQUEST_MALFORMED;
                case 401 -> ProblemCode.SESSION_REQUIRED;
                case 403 -> ProblemCode.ACCESS_ROLE_REQUIRED;
                case 404 -> ProblemCode.RESOURCE_NOT_FOUND;
                case 405 -> ProblemCode.REQUEST_METHOD_NOT_ALLOWED;
                case 406 -> ProblemCode.REQUEST_NOT_ACCEPTABLE;
                case 413 -> ProblemCode.REQUEST_TOO_LARGE;
                case 415 -> ProblemCode.REQUEST_UNSUPPORTED_MEDIA_TYPE;
                default -> ProblemCode.SERVER_ERROR;
            };
        }
    }

    /** JSON that does not parse, or does not fit the expected shape, is the client's mistake. */
    @Provider
    public static class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {
        @Context
        HttpHeaders headers;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BilimException b) {
                    return respond(headers, uri, b.problem(), b.args(), b.fieldErrors());
                }
            }
            if (causedByMalformedJson(e)) {
                return respond(headers, uri, ProblemCode.REQUEST_MALFORMED, new Object[0], List.of());
            }
            return CatchAllMapper.incident(headers, uri, e);
        }
    }

    @Provider
    public static class JsonbExceptionMapper implements ExceptionMapper<JsonbException> {
        @Context
        HttpHeaders headers;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonbException e) {
            return respond(headers, uri, ProblemCode.REQUEST_MALFORMED, new Object[0], List.of());
        }
    }

    /** The last resort: log the cause with an incident id, answer 500 without a stack trace. */
    @Provider
    public static class CatchAllMapper implements ExceptionMapper<Throwable> {
        @Context
        HttpHeaders headers;
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BilimException b) {
                    return respond(headers, uri, b.problem(), b.args(), b.fieldErrors());
                }
                if (t instanceof OptimisticLockException) {
                    return respond(headers, uri, ProblemCode.CONCURRENT_CHANGE, new Object[0], List.of());
                }
                if (t instanceof ConstraintViolationException cve) {
                    return respond(headers, uri, ProblemCode.REQUEST_INVALID, new Object[0],
                            ConstraintViolationMapper.fieldErrors(cve));
                }
            }
            return incident(headers, uri, e);
        }

        static Response incident(HttpHeaders headers, UriInfo uri, Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident + " on " + (uri == null ? "?" : uri.getRequestUri().getRawPath()), e);
            return respond(headers, uri, ProblemCode.SERVER_ERROR, new Object[] {incident}, List.of());
        }
    }

    static boolean causedByMalformedJson(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException
                    || t instanceof jakarta.json.JsonException) {
                return true;
            }
        }
        return false;
    }
}
