package org.bilim.lti.dynamic;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How Bilim describes itself to a platform in a client registration request (Dynamic Registration
 * 1.0 §3.5.2): the OIDC client metadata and the LTI tool configuration.
 *
 * @param clientName           the name shown to the platform's administrators
 * @param localisedClientNames the name in other languages, by BCP 47 tag ({@code client_name#kk})
 * @param description          what Bilim is, for the platform's tool list
 * @param initiateLoginUri     the OIDC third-party login initiation URL
 * @param redirectUris         where the platform may post id_tokens (launch and deep linking)
 * @param jwksUri              where Bilim publishes its public keys
 * @param targetLinkUri        the default launch URL; its host is the tool's {@code domain}
 * @param deepLinkingUri       where Deep Linking requests go
 * @param logoUri              Bilim's logo, or {@code null}
 * @param claims               the id_token claims Bilim asks for, e.g. {@code iss}, {@code sub}, {@code name}
 */
public record ToolDescription(String clientName, Map<String, String> localisedClientNames, String description, URI initiateLoginUri,
                              List<URI> redirectUris, URI jwksUri, URI targetLinkUri, URI deepLinkingUri, URI logoUri,
                              List<String> claims) {

    public ToolDescription {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(initiateLoginUri, "initiateLoginUri");
        Objects.requireNonNull(jwksUri, "jwksUri");
        Objects.requireNonNull(targetLinkUri, "targetLinkUri");
        Objects.requireNonNull(deepLinkingUri, "deepLinkingUri");
        localisedClientNames = Map.copyOf(localisedClientNames);
        redirectUris = List.copyOf(redirectUris);
        claims = List.copyOf(claims);
        if (redirectUris.isEmpty()) {
            throw new IllegalArgumentException("at least one redirect URI");
        }
    }

    /** The tool's primary domain: host, and port when not the default. */
    public String domain() {
        return targetLinkUri.getPort() == -1 ? targetLinkUri.getHost() : targetLinkUri.getHost() + ":" + targetLinkUri.getPort();
    }
}
