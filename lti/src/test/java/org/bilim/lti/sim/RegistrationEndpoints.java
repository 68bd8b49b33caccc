package org.bilim.lti.sim;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * LTI Dynamic Registration 1.0, the platform's side: the OpenID configuration (§3.4) and the
 * registration endpoint (§3.5.2, §3.6), which makes the registered tool a client of the simulator.
 */
final class RegistrationEndpoints {

    static final String PLATFORM_CLAIM = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final String TOOL_CLAIM = "https://purl.imsglobal.org/spec/lti-tool-configuration";

    private final PlatformSimulator sim;
    private final List<Consumer<ObjectNode>> configurationEdits = new CopyOnWriteArrayList<>();
    private final List<Consumer<ObjectNode>> responseEdits = new CopyOnWriteArrayList<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger registered = new AtomicInteger();
    private volatile String requiredToken;
    private volatile String productFamilyCode = "bilim-simulator";
    private volatile String version = "1.0";

    RegistrationEndpoints(PlatformSimulator sim) {
        this.sim = sim;
    }

    void openIdConfiguration(HttpExchange exchange) throws IOException {
        Exchanges.json(exchange, 200, configuration());
    }

    ObjectNode configuration() {
        ObjectNode config = Exchanges.JSON.createObjectNode();
        config.put("issuer", sim.issuer());
        config.put("authorization_endpoint", sim.authorizationEndpoint().toString());
        config.put("token_endpoint", sim.tokenEndpoint().toString());
        config.putArray("token_endpoint_auth_methods_supported").add("private_key_jwt");
        config.putArray("token_endpoint_auth_signing_alg_values_supported").add("RS256");
        config.put("jwks_uri", sim.jwksUri().toString());
        config.put("registration_endpoint", sim.registrationEndpoint().toString());
        ArrayNode scopes = config.putArray("scopes_supported").add("openid");
        Scopes.ALL.stream().sorted().forEach(scopes::add);
        config.putArray("response_types_supported").add("id_token");
        config.putArray("subject_types_supported").add("public").add("pairwise");
        config.putArray("id_token_signing_alg_values_supported").add("RS256");
        config.putArray("claims_supported").add("iss").add("sub").add("name").add("given_name").add("family_name").add("email");
        ObjectNode platform = config.putObject(PLATFORM_CLAIM);
        platform.put("product_family_code", productFamilyCode);
        platform.put("version", version);
        ArrayNode messages = platform.putArray("messages_supported");
        messages.addObject().put("type", "LtiResourceLinkRequest");
        messages.addObject().put("type", "LtiDeepLinkingRequest").putArray("placements").add("ContentArea");
        configurationEdits.forEach(edit -> edit.accept(config));
        return config;
    }

    void register(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "POST only");
            return;
        }
        String token = requiredToken;
        if (token != null && !token.equals(Exchanges.bearer(exchange))) {
            Exchanges.json(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        JsonNode request = Exchanges.JSON.readTree(Exchanges.body(exchange));
        requests.add(request);
        for (String field : List.of("client_name", "jwks_uri", "initiate_login_uri", "redirect_uris", TOOL_CLAIM)) {
            if (!request.hasNonNull(field)) {
                Exchanges.json(exchange, 400, Map.of("error", "invalid_client_metadata", "error_description", field + " is required"));
                return;
            }
        }
        int n = registered.incrementAndGet();
        String clientId = "registered-client-" + n;
        String deploymentId = "registered-deployment-" + n;
        List<URI> redirects = new ArrayList<>();
        request.path("redirect_uris").forEach(uri -> redirects.add(URI.create(uri.asText())));
        List<String> asked = Arrays.asList(request.path("scope").asText("").split("\\s+"));
        String granted = asked.stream().filter(Scopes.ALL::contains).collect(Collectors.joining(" "));
        sim.addClient(new ToolClient(clientId, deploymentId, null, URI.create(request.path("jwks_uri").asText()), redirects,
                Scopes.ALL.stream().filter(asked::contains).collect(Collectors.toSet())));

        ObjectNode answer = request.deepCopy();
        answer.put("client_id", clientId);
        answer.put("registration_client_uri", sim.registrationEndpoint() + "/" + clientId);
        answer.put("scope", granted);
        ((ObjectNode) answer.get(TOOL_CLAIM)).put("deployment_id", deploymentId);
        responseEdits.forEach(edit -> edit.accept(answer));
        Exchanges.json(exchange, 200, answer);
    }

    void editConfiguration(Consumer<ObjectNode> edit) {
        configurationEdits.add(edit);
    }

    void editResponse(Consumer<ObjectNode> edit) {
        responseEdits.add(edit);
    }

    void requireToken(String token) {
        this.requiredToken = token;
    }

    void product(String productFamilyCode, String version) {
        this.productFamilyCode = productFamilyCode;
        this.version = version;
    }

    List<JsonNode> requests() {
        return List.copyOf(requests);
    }
}
