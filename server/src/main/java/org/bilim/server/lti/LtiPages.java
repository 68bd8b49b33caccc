package org.bilim.server.lti;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.stream.Collectors;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.Messages;

/**
 * The few pages the LTI endpoints answer with, rendered here because the person reading them came
 * from their LMS in a browser, not through Bilim's own UI: plain, translated, escaped, and with a
 * Content-Security-Policy that lets only the registered platform frame them.
 */
final class LtiPages {
    private LtiPages() {
    }

    /** A page that says what happened and what to do, in the person's language; framable by these origins. */
    static Response message(int status, Language language, String key, Set<String> frameAncestors, String reference) {
        String title = Messages.get(language, "lti.page." + key + ".title");
        String body = Messages.get(language, "lti.page." + key + ".body");
        String ref = reference == null ? "" : "<p class=\"reference\">" + escape(Messages.get(language, "lti.page.reference", reference))
                + "</p>";
        String html = "<!doctype html><html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + " — Bilim</title>"
                + "<link rel=\"stylesheet\" href=\"/css/base.css\"></head><body><main class=\"lti-message\"><h1>" + escape(title)
                + "</h1><p>" + escape(body) + "</p>" + ref + "</main></body></html>";
        return html(status, html, frameAncestors);
    }

    /**
     * Registration done: the page says so and its script (same origin, no inline code) tells the
     * LMS's window to close the registration dialog (Dynamic Registration 1.0, §3.6).
     */
    static Response registered(Language language, Set<String> frameAncestors) {
        String title = Messages.get(language, "lti.page.registered.title");
        String body = Messages.get(language, "lti.page.registered.body");
        String html = "<!doctype html><html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + " — Bilim</title>"
                + "<link rel=\"stylesheet\" href=\"/css/base.css\"><script src=\"/lti/registration-done.js\" defer></script></head>"
                + "<body><main class=\"lti-message\"><h1>" + escape(title) + "</h1><p>" + escape(body) + "</p></main></body></html>";
        return html(200, html, frameAncestors);
    }

    static Response html(int status, String html, Set<String> frameAncestors) {
        return html(status, html, frameAncestors, Set.of());
    }

    /** A page that may also post a form to these origins (the Deep Linking answer goes to the platform). */
    static Response html(int status, String html, Set<String> frameAncestors, Set<String> formTargets) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html)
                .header("Content-Security-Policy", policy(frameAncestors, formTargets))
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * Bilim's policy (nothing from another origin, no inline script), with the frame ancestors
     * widened to the platform that launched: in an LMS the page is shown in the LMS's frame.
     */
    static String policy(Set<String> frameAncestors, Set<String> formTargets) {
        String ancestors = frameAncestors.isEmpty() ? "'none'" : frameAncestors.stream().sorted().collect(Collectors.joining(" "));
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; media-src 'self'; "
                + "connect-src 'self'; object-src 'none'; frame-src 'none'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; "
                + "form-action 'self'" + formTargets.stream().sorted().map(t -> " " + t).collect(Collectors.joining())
                + "; frame-ancestors " + ancestors;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
