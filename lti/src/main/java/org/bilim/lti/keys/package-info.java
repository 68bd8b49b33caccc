/**
 * Bilim's own signing keys as an LTI tool: generating them, rotating them with an overlap so no
 * platform ever meets a token signed by a key it cannot find, and publishing the public halves
 * as the JWKS platforms fetch (Security Framework 1.0, §6.3 and §6.4).
 *
 * <p>{@link org.bilim.lti.keys.ToolKeys} is the service; the server supplies the
 * {@link org.bilim.lti.keys.ToolKeyStore} (JPA) and serves {@code publicJwks()} at the JWKS URL.
 */
package org.bilim.lti.keys;
