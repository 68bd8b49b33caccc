package org.bilim.server.platform;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;

/** Builds problem-detail responses in the language the request asked for. */
public final class Problems {
    private Problems() {
    }

    public static Language language(HttpHeaders headers) {
        List<Locale> acceptable = headers == null ? List.of() : headers.getAcceptableLanguages();
        return Language.firstSupported(acceptable).orElse(Language.EN);
    }

    public static Problem problem(ProblemCode code, Language language, String instance, Object[] args,
                                  List<BilimException.FieldError> fieldErrors) {
        List<Problem.FieldProblem> errors = fieldErrors.isEmpty() ? null : fieldErrors.stream()
                .map(f -> new Problem.FieldProblem(f.field(), f.code(), fieldMessage(language, f)))
                .toList();
        return new Problem("urn:bilim:problem:" + code.code(),
                Messages.get(language, "problem." + code.code() + ".title"),
                code.status(),
                Messages.get(language, "problem." + code.code() + ".detail", args),
                code.code(),
                instance,
                errors);
    }

    /**
     * A constraint's message ({@code field.NotBlank}); for a field that is refused for a reason of
     * Bilim's own (a learner number already in use), the problem's own detail.
     */
    private static String fieldMessage(Language language, BilimException.FieldError f) {
        String key = Messages.has(language, "field." + f.code()) ? "field." + f.code() : "problem." + f.code() + ".detail";
        return Messages.get(language, key, f.args().toArray());
    }

    public static Response response(Problem problem) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .cacheControl(noStore)
                .entity(problem)
                .build();
    }
}
