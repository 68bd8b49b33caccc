package org.bilim.courses.content;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Keys of modules, items, tasks, questions and choices: short, URL-safe and stable across
 * versions. New content gets a random key; imported content derives its key from the package's
 * identifier so that importing a newer export of the same course keeps learners' progress.
 */
public final class Keys {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Keys() {
    }

    public static boolean valid(String key) {
        return key != null && VALID.matcher(key).matches();
    }

    public static String random() {
        char[] out = new char[12];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** A valid key from any identifier: unsafe characters become '_', long ones are cut and hashed. */
    public static String from(String identifier) {
        String cleaned = identifier == null ? "" : identifier.replaceAll("[^A-Za-z0-9_-]", "_");
        if (cleaned.isEmpty()) {
            return random();
        }
        if (cleaned.length() <= 64) {
            return cleaned;
        }
        String hash = Integer.toHexString(identifier.hashCode());
        return cleaned.substring(0, 63 - hash.length()) + "-" + hash;
    }

    static String require(String key, String what) {
        if (!valid(key)) {
            throw new IllegalArgumentException(what + " key must be 1 to 64 letters, digits, '-' or '_': " + key);
        }
        return key;
    }
}
