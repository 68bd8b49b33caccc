package org.bilim.lti.dynamic;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.bilim.lti.dynamic.DynamicRegistrationException.Problem;
import org.bilim.lti.http.LtiHttp;

/**
 * The platform's OpenID configuration (Dynamic Registration 1.0 §3.4, OpenID Connect Discovery
 * 1.0 §3), checked for what Bilim relies on.
 *
 * @param scopesSupported  {@code scopes_supported}, or {@code null} when the platform did not say
 * @param messagesSupported the message types of the platform configuration claim, or {@code null} when not said
 */
record PlatformConfiguration(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri, URI registrationEndpoint,
                             Set<String> scopesSupported, Set<String> messagesSupported, String productFamilyCode, String version) {

    static final String PLATFORM_CLAIM = "https://purl.imsglobal.org/spec/lti-platform-configuration";

    static PlatformConfiguration check(JsonNode config, URI configurationUrl, LtiHttp http) throws DynamicRegistrationException {
        if (!config.isObject()) {
            throw new DynamicRegistrationException(Problem.CONFIGURATION_INVALID, configurationUrl + " is not a JSON object");
        }
        String issuer = issuer(config, configurationUrl, http);
        URI authorization = endpoint(config, "authorization_endpoint", http);
        URI token = endpoint(config, "token_endpoint", http);
        URI jwks = endpoint(config, "jwks_uri", http);
        URI registration = endpoint(config, "registration_endpoint", http);
        requireIfListed(config, "token_endpoint_auth_methods_supported", "private_key_jwt");
        requireIfListed(config, "id_token_signing_alg_values_supported", "RS256");
        requireIfListed(config, "response_types_supported", "id_token");
        JsonNode platform = config.path(PLATFORM_CLAIM);
        Set<String> messages = null;
        if (platform.path("messages_supported").isArray() && !platform.path("messages_supported").isEmpty()) {
            messages = new HashSet<>();
            for (JsonNode message : platform.path("messages_supported")) {
                messages.add(message.path("type").asText());
            }
            if (!messages.contains("LtiResourceLinkRequest")) {
                throw new DynamicRegistrationException(Problem.UNSUPPORTED_PLATFORM, "the platform does not launch LtiResourceLinkRequest");
            }
        }
        return new PlatformConfiguration(issuer, authorization, token, jwks, registration, strings(config.path("scopes_supported")), messages,
                text(platform, "product_family_code"), text(platform, "version"));
    }

    /**
     * §3.5.1: the issuer is an https URL without query or fragment, and the configuration URL
     * starts with it — so a platform can only speak for URLs under its own issuer. The match must
     * end at a path boundary: {@code https://lms.edu} does not cover {@code https://lms.edu.evil.example/…}.
     */
    private static String issuer(JsonNode config, URI configurationUrl, LtiHttp http) throws DynamicRegistrationException {
        String issuer = text(config, "issuer");
        URI issuerUri;
        try {
            issuerUri = issuer == null ? null : new URI(issuer);
        } catch (java.net.URISyntaxException notUrl) {
            issuerUri = null;
        }
        if (issuerUri == null || !issuerUri.isAbsolute() || issuerUri.getRawQuery() != null || issuerUri.getRawFragment() != null
                || !http.schemeAllowed(issuerUri)) {
            throw new DynamicRegistrationException(Problem.ISSUER_NOT_HTTPS, "the issuer is not an https URL without query or fragment");
        }
        String url = configurationUrl.toString();
        boolean covered = url.startsWith(issuer)
                && (issuer.endsWith("/") || url.length() == issuer.length() || "/?#".indexOf(url.charAt(issuer.length())) >= 0);
        if (!covered) {
            throw new DynamicRegistrationException(Problem.ISSUER_MISMATCH,
                    "the configuration URL " + url + " does not start with the issuer " + issuer);
        }
        return issuer;
    }

    private static URI endpoint(JsonNode config, String field, LtiHttp http) throws DynamicRegistrationException {
        String value = text(config, field);
        if (value == null || value.isBlank()) {
            throw new DynamicRegistrationException(Problem.MISSING_ENDPOINT, "the platform configuration has no " + field);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException notUrl) {
            throw new DynamicRegistrationException(Problem.INSECURE_ENDPOINT, field + " is not a URL");
        }
        if (!http.schemeAllowed(uri)) {
            throw new DynamicRegistrationException(Problem.INSECURE_ENDPOINT, field + " is not an https URL");
        }
        return uri;
    }

    /** A capability list the platform published must include what Bilim needs; an absent list is not a refusal. */
    private static void requireIfListed(JsonNode config, String field, String needed) throws DynamicRegistrationException {
        Set<String> listed = strings(config.path(field));
        if (listed != null && !listed.contains(needed)) {
            throw new DynamicRegistrationException(Problem.UNSUPPORTED_PLATFORM, "the platform's " + field + " lacks " + needed);
        }
    }

    private static Set<String> strings(JsonNode array) {
        if (!array.isArray()) {
            return null;
        }
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? null : value.asText();
    }
}
