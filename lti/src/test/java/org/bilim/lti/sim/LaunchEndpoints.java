package org.bilim.lti.sim;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

/**
 * The launch side: the OIDC authorization endpoint that answers a tool's authentication request
 * with an auto-posting form (LTI 1.3 §5.1.1), and the Deep Linking return URL.
 */
final class LaunchEndpoints {

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
        if (toolLogin == null || !toolLogin.isAbsolute() || !List.of("http", "https").contains(toolLogin.getScheme())) {
            Exchanges.text(exchange, 400, "login must be the tool's absolute http(s) login initiation URL");
            return;
        }
        String start = Exchanges.escapeHtml(sim.loginInitiationUri(toolLogin).toString());
        Exchanges.html(exchange, 200, """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>C101: Introduction to the simulated course</title></head>
                <body>
                <h1>C101: Introduction to the simulated course</h1>
                <h2>Week 1: reading</h2>
                <p><a href="%1$s" target="_blank" rel="noopener" data-new-window>Open Bilim in a new window</a></p>
                <iframe title="Bilim" src="%1$s" width="1100" height="800" data-tool-frame></iframe>
                </body></html>
                """.formatted(start));
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
