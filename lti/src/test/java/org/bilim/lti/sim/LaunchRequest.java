package org.bilim.lti.sim;

import java.net.URI;

/**
 * The tool's OIDC authentication request as the simulator's authorization endpoint received it
 * (LTI 1.3 §5.1.1.2), after its checks passed.
 */
public record LaunchRequest(String clientId, String deploymentId, URI redirectUri, String nonce, String state, String loginHint,
                            String ltiMessageHint) {
}
