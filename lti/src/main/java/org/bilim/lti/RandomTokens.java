package org.bilim.lti;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable values for {@code state} and {@code nonce}: 256 bits from {@link SecureRandom},
 * base64url without padding (43 characters, safe in a URL, a cookie and a form field).
 */
public final class RandomTokens {

    private static final int BYTES = 32;

    private final SecureRandom random;

    public RandomTokens() {
        this(new SecureRandom());
    }

    public RandomTokens(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
