package org.bilim.lti.sim;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

import org.bilim.lti.http.Origin;

/**
 * The launch side: the OIDC authorization endpoint that answers a tool's authentication request
 * with an auto-posting form (LTI 1.3 §5.1.1), and the Deep Linking return URL.
 */
final class LaunchEndpoints {

    private static final String PARENT = "_parent";

    private final PlatformSimulator sim;
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final List<DeepLinkingReturn> returns = new CopyOnWriteArrayList<>();
    private volatile LaunchTemplate template;

    LaunchEndpoints(PlatformSimulator sim) {
        this.sim = sim;
        this.template = request -> sim.messageFor(request.nonce(), request.clientId(), request.deploymentId());
    }

    void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = Exchanges.parameters(exchange);
        requests.add(Map.copyOf(parameters));
        String problem = problem(parameters);
        if (problem != null) {
            rejections.add(problem);
            Exchanges.text(exchange, 400, problem);
            return;
        }
        ToolClient client = sim.client(parameters.get("client_id"));
        LaunchRequest request = new LaunchRequest(client.clientId(), client.deploymentId(), URI.create(parameters.get("redirect_uri")),
                parameters.get("nonce"), parameters.get("state"), parameters.get("login_hint"), parameters.get("lti_message_hint"));
        String idToken = sim.idToken(template.claims(request));
        Exchanges.html(exchange, 200, """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Launching</title></head>
                <body>
                <form method="post" action="%s">
                <input type="hidden" name="id_token" value="%s">
                <input type="hidden" name="state" value="%s">
                <noscript><button type="submit">Continue</button></noscript>
                </form>
                <script>document.forms[0].submit();</script>
                </body></html>
                """.formatted(Exchanges.escapeHtml(request.redirectUri().toString()), Exchanges.escapeHtml(idToken),
                Exchanges.escapeHtml(request.state())));
    }

    /** LTI 1.3 §5.1.1.2: what the authentication request must hold, or null if it does. */
    private String problem(Map<String, String> parameters) {
        if (!"openid".equals(parameters.get("scope"))) {
            return "scope must be openid";
        }
        if (!"id_token".equals(parameters.get("response_type"))) {
            return "response_type must be id_token";
        }
        if (!"form_post".equals(parameters.get("response_mode"))) {
            return "response_mode must be form_post";
        }
        if (!"none".equals(parameters.get("prompt"))) {
            return "prompt must be none";
        }
        ToolClient client = parameters.get("client_id") == null ? null : sim.client(parameters.get("client_id"));
        if (client == null) {
            return "unknown client_id";
        }
        String redirect = parameters.get("redirect_uri");
        if (redirect == null || (!client.redirectUris().isEmpty() && !client.redirectUris().contains(URI.create(redirect)))) {
            return "redirect_uri missing or not registered";
        }
        for (String required : List.of("login_hint", "state", "nonce")) {
            if (parameters.get(required) == null || parameters.get(required).isBlank()) {
                return required + " is required";
            }
        }
        return null;
    }

    void deepLinkingReturn(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "POST only");
            return;
        }
        String jwt = Exchanges.parameters(exchange).get("JWT");
        if (jwt == null) {
            Exchanges.text(exchange, 400, "the JWT form field is required");
            return;
        }
        returns.add(new DeepLinkingReturn(jwt));
        Exchanges.html(exchange, 200, "<!DOCTYPE html><html lang=\"en\"><head><title>Received</title></head><body><p>Content received.</p></body></html>");
    }

    /**
     * The LMS's course page: the tool framed and linked (see {@link PlatformSimulator#coursePageUri}).
     * Only an absolute http(s) login URL is framed, so the page never becomes a way to run script.
     */
    void coursePage(HttpExchange exchange) throws IOException {
        URI toolLogin;
        try {
            String login = Exchanges.query(exchange.getRequestURI()).get("login");
            toolLogin = login == null ? null : new URI(login);
        } catch (URISyntaxException malformed) {
            toolLogin = null;
        }
        if (toolLogin == null || !toolLogin.isAbsolute() || toolLogin.getHost() == null
                || !List.of("http", "https").contains(toolLogin.getScheme())) {
            Exchanges.text(exchange, 400, "login must be the tool's absolute http(s) login initiation URL");
            return;
        }
        String start = Exchanges.escapeHtml(sim.loginInitiationUri(toolLogin).toString());
        Optional<String> storage = sim.storageTarget();
        String toolOrigin = Origin.of(toolLogin).serialized();
        String storageFrame = storage.filter(name -> !name.equals(PARENT))
                .map(name -> "<iframe name=\"" + name + "\" title=\"LMS storage\" src=\"/storage?tool="
                        + Exchanges.escapeHtml(URLEncoder.encode(toolOrigin, StandardCharsets.UTF_8)) + "\" hidden data-storage-frame></iframe>\n")
                .orElse("");
        // With storage, the tool's frame starts once the storage frame listens, as a platform's page
        // that has its storage ready before it shows the tool.
        String script = storage.map(name -> "<script>" + storageScript(toolOrigin, name, name.equals(PARENT), sim.storageSilent())
                + "\nconst store = document.querySelector('iframe[data-storage-frame]');"
                + "\nconst tool = document.querySelector('iframe[data-tool-frame]');"
                + "\nif (store) { store.addEventListener('load', () => { tool.src = tool.dataset.src; }); } else { tool.src = tool.dataset.src; }"
                + "</script>\n").orElse("");
        Exchanges.html(exchange, 200, """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>C101: Introduction to the simulated course</title></head>
                <body>
                <h1>C101: Introduction to the simulated course</h1>
                <h2>Week 1: reading</h2>
                <p><a href="%1$s" target="_blank" rel="noopener" data-new-window>Open Bilim in a new window</a></p>
                %2$s<iframe title="Bilim" %3$s="%1$s" width="1100" height="800" data-tool-frame></iframe>
                %4$s</body></html>
                """.formatted(start, storageFrame, storage.isPresent() ? "data-src" : "src", script));
    }

    /**
     * The platform's storage frame (see {@link PlatformSimulator.Builder#platformStorage}), on the
     * authorization endpoint's origin, keeping values for the tool's origin only.
     */
    void storageFrame(HttpExchange exchange) throws IOException {
        String tool = Exchanges.query(exchange.getRequestURI()).get("tool");
        Optional<String> frame = sim.storageTarget();
        if (tool == null || frame.isEmpty() || !tool.matches("https?://[A-Za-z0-9.\\[\\]:-]+")) {
            Exchanges.text(exchange, 400, "the storage frame needs platform storage on and the tool's origin");
            return;
        }
        Exchanges.html(exchange, 200, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>LMS storage</title></head>"
                + "<body><script>" + storageScript(tool, frame.get(), true, sim.storageSilent()) + "</script></body></html>");
    }

    /**
     * The platform's side of LTI Client Side postMessages and LTI postMessage Storage (lti-cs-pm
     * and lti-pm-s v0.1): {@code lti.capabilities} names the storage frame; {@code lti.put_data}
     * and {@code lti.get_data} keep and give back values per sender origin, for the tool's origin
     * only ({@code wrong_origin} otherwise); each answer has the subject with {@code .response}, the
     * message's {@code message_id}, and an {@code error} with {@code code} and {@code message} when
     * it failed. {@code stores} is false for a course page whose storage lives in a frame.
     */
    private static String storageScript(String toolOrigin, String frame, boolean stores, boolean silent) {
        return """
                (function () {
                  const TOOL = '%s', FRAME = '%s', STORES = %b, SILENT = %b;
                  const kept = new Map();
                  window.addEventListener('message', (event) => {
                    const m = event.data;
                    if (!m || typeof m !== 'object' || typeof m.subject !== 'string' || m.subject.endsWith('.response')) {
                      return;
                    }
                    const reply = (body) => event.source.postMessage(
                        Object.assign({ subject: m.subject + '.response', message_id: m.message_id }, body), event.origin);
                    const error = (code, message) => reply({ error: { code, message } });
                    if (m.subject === 'lti.capabilities') {
                      reply({ supported_messages: [{ subject: 'lti.capabilities' },
                          { subject: 'lti.put_data', frame: FRAME }, { subject: 'lti.get_data', frame: FRAME }] });
                      return;
                    }
                    if (!STORES || (m.subject !== 'lti.put_data' && m.subject !== 'lti.get_data')) {
                      error('unsupported_subject', 'this window does not handle ' + m.subject);
                      return;
                    }
                    if (event.origin !== TOOL) {
                      error('wrong_origin', 'no tool of this platform has the origin ' + event.origin);
                      return;
                    }
                    if (SILENT) {
                      return;
                    }
                    if (!m.message_id || typeof m.key !== 'string' || m.key === '') {
                      error('bad_request', 'message_id and key are required');
                      return;
                    }
                    const at = event.origin + ' ' + m.key;
                    if (m.subject === 'lti.put_data') {
                      if (typeof m.value !== 'string') {
                        error('bad_request', 'value is required');
                        return;
                      }
                      kept.set(at, m.value);
                      reply({ key: m.key, value: m.value });
                    } else if (kept.has(at)) {
                      reply({ key: m.key, value: kept.get(at) });
                    } else {
                      error('bad_request', 'nothing is kept under this key');
                    }
                  });
                })();""".formatted(toolOrigin, frame, stores, silent);
    }

    void template(LaunchTemplate template) {
        this.template = template;
    }

    List<Map<String, String>> requests() {
        return List.copyOf(requests);
    }

    List<String> rejections() {
        return List.copyOf(rejections);
    }

    List<DeepLinkingReturn> returns() {
        return List.copyOf(returns);
    }
}
