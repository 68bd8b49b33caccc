package org.bilim.lti.launch;

import java.time.Instant;

/**
 * The nonces of launches already accepted, so that a captured {@code id_token} cannot be posted
 * twice (Security Framework 1.0, §5.1.3 step 9). The server implements it with a table whose
 * unique key is the nonce; rows past {@code expires} may be deleted, because a token that old is
 * refused for its {@code exp} and {@code iat} before the nonce is ever looked at.
 */
@FunctionalInterface
public interface NonceStore {

    /**
     * Records the nonce as used, atomically.
     *
     * @param expires until when the nonce must be remembered
     * @return true if this is the first use, false if it was used before
     */
    boolean useOnce(String nonce, Instant expires);
}
