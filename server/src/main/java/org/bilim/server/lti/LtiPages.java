package org.bilim.server.lti;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.bilim.lti.launch.PlatformStorage;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.Messages;

/**
 * The few pages the LTI endpoints answer with, rendered here because the person reading them came
 * from their LMS in a browser, not through Bilim's own UI: plain, translated, escaped, and with a
 * Content-Security-Policy that lets only the registered platform frame them.
 */
final class LtiPages {
    /** How long the platform-storage script waits for the platform's answers before it goes on without them. */
    static final int STORAGE_TIMEOUT_MILLIS = 8_000;

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

    /**
     * The answer to a login whose platform offered its storage (OIDC Login with LTI Client Side
     * postMessages, lti-cs-oidc v0.1): Bilim's script keeps the state and nonce in the platform's
     * frame by {@code lti.put_data}, then goes on to the platform's authorization endpoint. Data
     * reach the script through {@code data-} attributes: the policy allows no inline script.
     */
    static Response storing(Language language, PlatformStorage.Entries entries, URI next, Set<String> frameAncestors) {
        String main = "<main class=\"lti-message\" data-lti-storage=\"put\"" + storageData(entries)
                + " data-next=\"" + escape(next.toString()) + "\">";
        return html(200, storagePage(language, "storing", main, ""), frameAncestors);
    }

    /**
     * The answer to a launch that came without the login's cookie, for a login made with the
     * platform's storage: Bilim's script reads the state and nonce back by {@code lti.get_data} and
     * posts them, with the launch, to Bilim's own {@code /api/lti/launch/storage}.
     */
    static Response checking(Language language, PlatformStorage.Entries entries, String idToken, String state, Set<String> frameAncestors) {
        String main = "<main class=\"lti-message\" data-lti-storage=\"get\"" + storageData(entries) + ">";
        String form = "<form method=\"post\" action=\"/api/lti/launch/storage\" data-launch hidden>"
                + hidden("id_token", idToken) + hidden("state", state) + hidden("lti_storage_state", "") + hidden("lti_storage_nonce", "")
                + "</form>";
        return html(200, storagePage(language, "checking", main, form), frameAncestors);
    }

    private static String storageData(PlatformStorage.Entries e) {
        return " data-platform-origin=\"" + escape(e.platformOrigin()) + "\" data-target=\"" + escape(e.target())
                + "\" data-state-key=\"" + escape(e.stateKey()) + "\" data-state=\"" + escape(e.state())
                + "\" data-nonce-key=\"" + escape(e.nonceKey()) + "\" data-nonce=\"" + escape(e.nonce())
                + "\" data-timeout=\"" + STORAGE_TIMEOUT_MILLIS + "\"";
    }

    private static String storagePage(Language language, String key, String main, String form) {
        String title = Messages.get(language, "lti.page." + key + ".title");
        String body = Messages.get(language, "lti.page." + key + ".body");
        String noScript = Messages.get(language, "lti.page.storage.noscript");
        return "<!doctype html><html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\">"
                // Bilim's Referrer-Policy (no-referrer) makes a browser send "Origin: null" with a form
                // post; the launch page's post must show its origin, and it goes to Bilim only.
                + "<meta name=\"referrer\" content=\"same-origin\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + escape(title) + " — Bilim</title>"
                + "<link rel=\"stylesheet\" href=\"/css/base.css\"><script src=\"/lti/platform-storage.js\" defer></script></head>"
                + "<body>" + main + "<h1>" + escape(title) + "</h1><p role=\"status\">" + escape(body) + "</p>"
                + "<noscript><p>" + escape(noScript) + "</p></noscript>" + form + "</main></body></html>";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value == null ? "" : value) + "\">";
    }

    static Response html(int status, String html, Set<String> frameAncestors) {
        return html(status, html, frameAncestors, Set.of());
    }

    /** A page that may also post a form to these origins (the Deep Linking answer goes to the platform). */
    static Response html(int status, String html, Set<String> frameAncestors, Set<String> formTargets) {
        // Bytes, not a String: RESTEasy escapes a String text/html entity of an error status (its
        // HTML sanitiser), and the refusal pages reached browsers as escaped markup.
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html.getBytes(StandardCharsets.UTF_8))
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
