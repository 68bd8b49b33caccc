/**
 * The LTI 1.3 / LTI Advantage tool side of Bilim: platform registrations, OIDC third-party
 * login, id_token validation, tool keys and JWKS, Deep Linking, Assignment and Grade Services,
 * Names and Role Provisioning, service tokens.
 *
 * <p>Plain Java, no container and no knowledge of {@code courses}: the {@code server} module maps
 * launches onto Bilim's people and courses.
 */
package org.bilim.lti;
