package org.bilim.lti;

/**
 * Makes text that came from a platform or a browser fit for a log line: a {@code kid}, an issuer
 * or a claim value can hold line breaks (forged log entries) or be megabytes long.
 */
public final class LogSafe {

    private static final int MAX = 80;

    private LogSafe() {
    }

    /** The value quoted, control characters replaced by '?', clipped to 80 characters. */
    public static String quote(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 3).append('"');
        value.codePoints().limit(MAX).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        out.append('"');
        if (value.codePointCount(0, value.length()) > MAX) {
            out.append('…');
        }
        return out.toString();
    }
}
