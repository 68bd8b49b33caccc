package org.bilim.server.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer tokens (session and device cookies) and their digests. A token carries 256 bits
 * from {@link SecureRandom}; the database keeps only its SHA-256, so a copy of the database does
 * not let anyone act as a kiosk or a person. A token of that entropy needs no slow hash.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private Tokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * An identifier that cannot be guessed, for stored files: 24 characters of lower-case base-32
     * (120 bits), safe in URLs and file names on any file system.
     */
    public static String randomId() {
        char[] alphabet = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
        char[] out = new char[24];
        for (int i = 0; i < out.length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }

    /**
     * A one-time code a person types: ten characters from an alphabet without look-alikes
     * (no 0/O, 1/I), shown as two groups of five. 32^10 ≈ 10^15 codes, valid for hours.
     */
    public static String newEnrolmentCode() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The code as typed, upper-cased and stripped of spaces and dashes. */
    public static String normaliseCode(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A PIN of six digits, never one digit repeated or a straight run such as 123456. */
    public static String newPin() {
        while (true) {
            String pin = String.format("%06d", RANDOM.nextInt(1_000_000));
            if (!isTrivialPin(pin)) {
                return pin;
            }
        }
    }

    static boolean isTrivialPin(String pin) {
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < pin.length(); i++) {
            int d = pin.charAt(i) - pin.charAt(i - 1);
            same &= d == 0;
            up &= d == 1;
            down &= d == -1;
        }
        return same || up || down;
    }
}
