package org.bilim.server.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page of the API's web application (see web.xml): an error the container itself
 * answers, before or outside JAX-RS, is still problem details and never an HTML page or a stack
 * trace.
 */
@WebServlet("/problem")
public class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // Reached directly rather than as the error page: there is nothing here.
        int code = status instanceof Integer i ? i : 404;
        ProblemCode problemCode = switch (code) {
            case 400 -> ProblemCode.REQUEST_MALFORMED;
            case 401, 403 -> ProblemCode.ACCESS_ROLE_REQUIRED;
            case 404 -> ProblemCode.RESOURCE_NOT_FOUND;
            case 405 -> ProblemCode.REQUEST_METHOD_NOT_ALLOWED;
            case 413 -> ProblemCode.REQUEST_TOO_LARGE;
            case 415 -> ProblemCode.REQUEST_UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemCode.SERVER_ERROR;
        };
        Object[] args = new Object[0];
        if (problemCode == ProblemCode.SERVER_ERROR) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Incident " + incident + " on " + uri, error instanceof Throwable t ? t : null);
            args = new Object[] {incident};
        } else if (problemCode == ProblemCode.REQUEST_TOO_LARGE) {
            args = new Object[] {ApiFilter.MAX_BODY / 1024};
        }
        Language language = Language.firstSupported(Collections.list(request.getLocales())).orElse(Language.EN);
        Problem problem = Problems.problem(problemCode, language, uri == null ? null : uri.toString(), args, List.of());
        response.setStatus(problem.status());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSONB.toJson(problem));
    }
}
