package org.bilim.lti.dynamic;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bilim.lti.dynamic.DynamicRegistrationException.Problem;
import org.bilim.lti.http.BearerToken;
import org.bilim.lti.http.LtiHttp;
import org.bilim.lti.http.LtiRequest;
import org.bilim.lti.http.LtiResponse;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.lti.services.LtiScopes;

/**
 * LTI Dynamic Registration 1.0, the tool's side: read the platform's OpenID configuration (§3.4),
 * check it (§3.5.1), register Bilim as a client (§3.5.2), read the answer (§3.6).
 *
 * <p>Thread-safe. The result is a {@code PENDING} registration: the server stores it and an
 * administrator activates it; telling the LMS's window that registration is over
 * ({@code org.imsglobal.lti.close}) is the server's page's job.
 */
public final class DynamicRegistration {

    static final String TOOL_CLAIM = "https://purl.imsglobal.org/spec/lti-tool-configuration";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LtiHttp http;
    private final ToolDescription tool;

    public DynamicRegistration(LtiHttp http, ToolDescription tool) {
        this.http = Objects.requireNonNull(http, "http");
        this.tool = Objects.requireNonNull(tool, "tool");
    }

    /**
     * Registers Bilim with the platform the administrator approved.
     *
     * @param approval          the approved {@code openid_configuration} URL; its origin is reachable for this call only
     * @param registrationToken the LMS's {@code registration_token}, sent as a bearer token, or {@code null}
     */
    public RegistrationResult register(RegistrationApproval approval, BearerToken registrationToken) throws DynamicRegistrationException {
        LtiHttp scoped = http.allowingAlso(approval.origin());
        URI configurationUrl = approval.openIdConfigurationUrl();
        JsonNode document;
        try {
            document = scoped.send(LtiRequest.get(configurationUrl, "application/json")).requireSuccess().json();
        } catch (ServiceException unreadable) {
            throw new DynamicRegistrationException(Problem.CONFIGURATION_UNREACHABLE, unreadable.getMessage(), unreadable);
        }
        PlatformConfiguration platform = PlatformConfiguration.check(document, configurationUrl, scoped);

        List<String> warnings = new ArrayList<>();
        List<String> scopes = new ArrayList<>(LtiScopes.ALL);
        if (platform.scopesSupported() != null) {
            for (String scope : LtiScopes.ALL) {
                if (!platform.scopesSupported().contains(scope)) {
                    scopes.remove(scope);
                    warnings.add("The platform does not offer " + scope + ".");
                }
            }
        }
        boolean deepLinking = platform.messagesSupported() == null || platform.messagesSupported().contains("LtiDeepLinkingRequest");
        if (!deepLinking) {
            warnings.add("The platform does not support Deep Linking; courses must be linked by hand.");
        }

        LtiRequest post = LtiRequest.post(platform.registrationEndpoint(), "application/json", bytes(clientRegistration(scopes, deepLinking)),
                "application/json");
        JsonNode answer;
        try {
            LtiResponse response = scoped.send(registrationToken == null ? post : post.withBearer(registrationToken));
            if (!response.successful()) {
                throw new DynamicRegistrationException(Problem.REGISTRATION_REJECTED,
                        "the registration endpoint " + platform.registrationEndpoint() + " answered " + response.status());
            }
            answer = response.json();
        } catch (ServiceException failed) {
            Problem problem = failed.reason() == ServiceException.Reason.BAD_RESPONSE ? Problem.REGISTRATION_RESPONSE_INVALID
                    : Problem.REGISTRATION_REJECTED;
            throw new DynamicRegistrationException(problem, failed.getMessage(), failed);
        }
        return result(platform, answer, warnings);
    }

    /** §3.6: the platform answers with the client_id it issued and, in the tool configuration claim, the deployment. */
    private RegistrationResult result(PlatformConfiguration platform, JsonNode answer, List<String> warnings)
            throws DynamicRegistrationException {
        JsonNode clientId = answer.path("client_id");
        if (!clientId.isTextual() || clientId.asText().isBlank()) {
            throw new DynamicRegistrationException(Problem.REGISTRATION_RESPONSE_INVALID, "the registration response has no client_id");
        }
        JsonNode deployment = answer.path(TOOL_CLAIM).path("deployment_id");
        Set<String> deployments = new HashSet<>();
        if (deployment.isValueNode() && !deployment.asText().isBlank()) {
            deployments.add(deployment.asText());
        } else {
            warnings.add("The platform gave no deployment id; add it by hand before activating.");
        }
        Set<String> granted = new HashSet<>();
        for (String scope : answer.path("scope").asText("").split("\\s+")) {
            if (!scope.isBlank()) {
                granted.add(scope);
            }
        }
        PlatformRegistration pending = new PlatformRegistration(0, platform.issuer(), clientId.asText(), deployments,
                platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri(), PlatformRegistration.State.PENDING);
        return new RegistrationResult(pending, platform.productFamilyCode(), platform.version(), granted, warnings);
    }

    /** §3.5.2: OIDC client metadata for an LTI tool, and the LTI tool configuration claim. */
    ObjectNode clientRegistration(List<String> scopes, boolean deepLinking) {
        ObjectNode request = JSON.createObjectNode();
        request.put("application_type", "web");
        request.putArray("response_types").add("id_token");
        request.putArray("grant_types").add("implicit").add("client_credentials");
        request.put("initiate_login_uri", tool.initiateLoginUri().toString());
        ArrayNode redirects = request.putArray("redirect_uris");
        tool.redirectUris().forEach(uri -> redirects.add(uri.toString()));
        request.put("client_name", tool.clientName());
        tool.localisedClientNames().forEach((language, name) -> request.put("client_name#" + language, name));
        request.put("jwks_uri", tool.jwksUri().toString());
        if (tool.logoUri() != null) {
            request.put("logo_uri", tool.logoUri().toString());
        }
        request.put("token_endpoint_auth_method", "private_key_jwt");
        request.put("scope", String.join(" ", scopes));

        ObjectNode configuration = request.putObject(TOOL_CLAIM);
        configuration.put("domain", tool.domain());
        configuration.put("description", tool.description());
        configuration.put("target_link_uri", tool.targetLinkUri().toString());
        ArrayNode claims = configuration.putArray("claims");
        tool.claims().forEach(claims::add);
        ArrayNode messages = configuration.putArray("messages");
        messages.addObject().put("type", "LtiResourceLinkRequest").put("target_link_uri", tool.targetLinkUri().toString());
        if (deepLinking) {
            messages.addObject().put("type", "LtiDeepLinkingRequest").put("target_link_uri", tool.deepLinkingUri().toString())
                    .put("label", tool.clientName());
        }
        return request;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException cannot) {
            throw new IllegalStateException("cannot write a JSON tree", cannot);
        }
    }
}
