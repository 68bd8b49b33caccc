package org.bilim.lti.sim;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * A tool registered with the simulator: a client_id, its deployment, and how to find its keys.
 *
 * @param toolKeys     the tool's public keys, or {@code null} to fetch them from {@code toolJwksUrl}
 * @param toolJwksUrl  where the tool publishes its keys, or {@code null} when {@code toolKeys} are given
 * @param redirectUris where id_tokens may be posted; empty accepts any (handy in unit tests)
 * @param scopes       the service scopes the client may be granted
 */
public record ToolClient(String clientId, String deploymentId, JWKSet toolKeys, URI toolJwksUrl, List<URI> redirectUris, Set<String> scopes) {

    public ToolClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(deploymentId, "deploymentId");
        redirectUris = List.copyOf(redirectUris);
        scopes = Set.copyOf(scopes);
    }

    ToolClient withKeys(JWKSet keys) {
        return new ToolClient(clientId, deploymentId, keys, null, redirectUris, scopes);
    }

    ToolClient withJwksUrl(URI url) {
        return new ToolClient(clientId, deploymentId, null, url, redirectUris, scopes);
    }
}
