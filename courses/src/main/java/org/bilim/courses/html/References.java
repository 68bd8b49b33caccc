package org.bilim.courses.html;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.Encoding;

/**
 * What a URL found in course HTML points at. The value is read more suspiciously than a browser
 * would read it: entities and percent escapes are decoded again, compatibility forms folded,
 * and spaces, control and format characters dropped anywhere, so that {@code &#x6A;ava&#09;script:}
 * or {@code %6Aavascript:} are seen for what they try to be. The suspicious reading only decides
 * the kind; what is kept or passed to the resolver is the value as the HTML parser gave it.
 */
final class References {
    enum Kind {
        /** Nothing at all: nothing was referenced. */
        EMPTY,
        /** {@code #something} in the same page. */
        FRAGMENT,
        /** A path relative to the package; only the asset resolver can say whether it is there. */
        RELATIVE,
        /** {@code data:image/png|jpeg|gif|webp;base64,...}: the one data URL an image may keep. */
        DATA_IMAGE,
        /** Another origin: a network scheme, an authority ({@code //host}) or a path a browser would read as one. */
        OUTSIDE_ORIGIN,
        /** A scheme that runs code or leaves the platform (javascript:, data:, file:, mailto:, ...). */
        UNSAFE_SCHEME
    }

    /** Schemes that reach another host. Any other scheme followed by {@code //} counts as well. */
    private static final Set<String> NETWORK_SCHEMES = Set.of(
            "http", "https", "ftp", "ftps", "sftp", "ws", "wss", "gopher", "news", "nntp", "telnet",
            "rtsp", "rtmp", "mms", "irc", "ircs", "ldap", "smb", "ssh", "git", "svn");
    /** Schemes that mean something other than a host even when written with {@code //}. */
    private static final Set<String> LOCAL_MACHINE_SCHEMES = Set.of("file", "blob", "filesystem", "jar", "view-source");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");
    /** The only data URL kept, and only on {@code img src}: base64, one of four raster formats, no SVG. */
    private static final Pattern DATA_IMAGE = Pattern.compile(
            "(?i:data:image/(?:png|jpeg|gif|webp);base64,)[A-Za-z0-9+/]+={0,2}");
    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?");
    private static final Pattern HTML_SPACE = Pattern.compile("[\\t\\n\\f\\r ]+");
    /** Enough rounds to undo {@code &amp;#106;} and {@code %256A}; more would only cost time. */
    private static final int DECODE_ROUNDS = 4;

    private References() {
    }

    static Kind classify(String value) {
        String suspicious = suspiciousReading(value);
        if (suspicious.isEmpty()) {
            return Kind.EMPTY;
        }
        if (suspicious.startsWith("#")) {
            return Kind.FRAGMENT;
        }
        // A browser reads a backslash as a slash in http(s) URLs, so /\host is //host.
        if (suspicious.startsWith("//")) {
            return Kind.OUTSIDE_ORIGIN;
        }
        var scheme = SCHEME.matcher(suspicious);
        if (!scheme.find()) {
            return Kind.RELATIVE;
        }
        String name = scheme.group(1);
        if (name.equals("data")) {
            return DATA_IMAGE.matcher(withoutSpaces(value)).matches() ? Kind.DATA_IMAGE : Kind.UNSAFE_SCHEME;
        }
        if (LOCAL_MACHINE_SCHEMES.contains(name)) {
            return Kind.UNSAFE_SCHEME;
        }
        if (NETWORK_SCHEMES.contains(name) || suspicious.startsWith("//", scheme.end())) {
            return Kind.OUTSIDE_ORIGIN;
        }
        return Kind.UNSAFE_SCHEME;
    }

    /** The value without the spaces HTML allows around it, as handed to the asset resolver. */
    static String trimmed(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isHtmlSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isHtmlSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** A kept data image, without the line breaks encoders put into base64. */
    static String withoutSpaces(String value) {
        return HTML_SPACE.matcher(value).replaceAll("");
    }

    static String suspiciousReading(String value) {
        String s = value;
        for (int round = 0; round < DECODE_ROUNDS; round++) {
            String decoded = percentDecoded(numericReferencesDecoded(Encoding.decodeHtml(s, true)));
            if (decoded.equals(s)) {
                break;
            }
            s = decoded;
        }
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Quotes too: a value cut off by a missing quote still says what it meant.
            if (c <= 0x20 || c == 0x7f || c == '"' || c == '\''
                    || Character.getType(c) == Character.FORMAT || Character.isSpaceChar(c)) {
                continue;
            }
            out.append(c == '\\' ? '/' : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Numeric character references the way a browser reads them, with any number of leading zeros
     * and without the semicolon; the library leaves some of those (such as {@code &#0000058a}) alone.
     */
    private static String numericReferencesDecoded(String s) {
        if (s.indexOf("&#") < 0) {
            return s;
        }
        return NUMERIC_REFERENCE.matcher(s).replaceAll(m -> {
            boolean hexadecimal = m.group(1) != null;
            String digits = (hexadecimal ? m.group(1) : m.group(2)).replaceFirst("^0+(?=.)", "");
            long codePoint = digits.length() > 7 ? -1 : Long.parseLong(digits, hexadecimal ? 16 : 10);
            boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
                    && (codePoint < 0xd800 || codePoint > 0xdfff);
            return Matcher.quoteReplacement(valid ? Character.toString((int) codePoint) : "\ufffd");
        });
    }

    /** Percent escapes read as single bytes: enough to reveal an ASCII scheme, lenient with anything malformed. */
    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out.append((char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2))));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static boolean isHtmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
