/**
 * LTI 1.3 in the server: the platform registrations an administrator keeps, Bilim's signing keys
 * and JWKS, the OIDC login and the launch that follows it, and what a launch means in Bilim (a
 * lecturer's workspace, or a polite page for a learner). The protocol itself (checks, keys,
 * services) is the {@code lti} module; this package stores its state and maps launches onto
 * Bilim's people and courses.
 */
package org.bilim.server.lti;
