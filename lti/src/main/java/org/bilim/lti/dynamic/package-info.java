/**
 * LTI Dynamic Registration 1.0: a platform administrator pastes Bilim's registration URL into the
 * LMS, the LMS opens it with its {@code openid_configuration} URL, and Bilim reads the platform's
 * configuration and registers itself as a client there ({@link
 * org.bilim.lti.dynamic.DynamicRegistration}).
 *
 * <p>The platform is not registered yet, so no allowlist knows it: a Bilim administrator approves
 * the one configuration URL ({@link org.bilim.lti.dynamic.RegistrationApproval}) and only its
 * origin is reachable, only for that registration. The result is a {@code PENDING} registration an
 * administrator activates.
 */
package org.bilim.lti.dynamic;
