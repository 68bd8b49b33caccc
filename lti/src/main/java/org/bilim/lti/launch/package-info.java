/**
 * The LTI 1.3 launch, tool side: the OIDC third-party-initiated login
 * ({@link org.bilim.lti.launch.LoginInitiation}, Security Framework 1.0 §5.1.1; LTI Core 1.3 §4.1),
 * the platforms' public keys ({@link org.bilim.lti.launch.PlatformKeys}), and the validation of the
 * {@code id_token} the platform posts back into an immutable {@link org.bilim.lti.launch.LtiLaunch}
 * ({@link org.bilim.lti.launch.IdTokenValidator}, Security Framework 1.0 §5.1.3; LTI Core 1.3 §5).
 *
 * <p>The server supplies what this package cannot know: the registrations
 * ({@link org.bilim.lti.launch.RegistrationLookup}), the platforms' key sets over HTTP
 * ({@link org.bilim.lti.launch.JwksSource}) and the nonces already used
 * ({@link org.bilim.lti.launch.NonceStore}). A refused launch is a
 * {@link org.bilim.lti.launch.LaunchFailure} with a stable reason.
 */
package org.bilim.lti.launch;
