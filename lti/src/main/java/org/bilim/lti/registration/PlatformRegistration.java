package org.bilim.lti.registration;

import java.net.URI;
import java.util.Objects;
import java.util.Set;

/**
 * A university LMS (an LTI 1.3 platform) that may launch Bilim: what the platform told us about
 * itself when it was registered, by an administrator by hand or through Dynamic Registration.
 *
 * <p>A platform is identified by its {@code issuer} and the {@code clientId} it gave Bilim
 * (1EdTech Security Framework 1.0, §5.1.2). One registration may hold several deployments (LTI Core
 * 1.3, §3.1.3): the {@code deployment_id} of every launch must be one of them.
 *
 * @param id            Bilim's own id of the registration
 * @param issuer        the platform's {@code iss}, compared exactly
 * @param clientId      the {@code client_id} the platform issued to Bilim
 * @param deploymentIds the deployments of Bilim on this platform
 * @param authorizationEndpoint the platform's OIDC authorization endpoint (login redirect)
 * @param tokenEndpoint the platform's OAuth 2 token endpoint (service tokens)
 * @param jwksUrl       where the platform publishes its public keys
 * @param state         whether launches and service calls are allowed
 */
public record PlatformRegistration(long id, String issuer, String clientId, Set<String> deploymentIds, URI authorizationEndpoint,
                                   URI tokenEndpoint, URI jwksUrl, State state) {

    /** A registration made by Dynamic Registration waits for an administrator; a disabled one launches nothing. */
    public enum State { PENDING, ACTIVE, DISABLED }

    public PlatformRegistration {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(state, "state");
        deploymentIds = Set.copyOf(deploymentIds);
    }

    public boolean active() {
        return state == State.ACTIVE;
    }

    /** Whether a call to this host belongs to the registration (its endpoints' hosts). */
    public boolean ownsHost(String host) {
        return host != null && (host.equalsIgnoreCase(authorizationEndpoint.getHost()) || host.equalsIgnoreCase(tokenEndpoint.getHost())
                || host.equalsIgnoreCase(jwksUrl.getHost()));
    }
}
