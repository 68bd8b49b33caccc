package org.bilim.courses.cartridge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Paths inside a package: '/'-separated, relative to the package root, normalised. A reference
 * that climbs above the root is no path at all.
 */
final class PackagePaths {
    /**
     * The file-base token of CC 1.1 §4.3 in the spellings exporters write: as-is, percent-encoded
     * by an HTML editor, and with underscores (seen in older Moodle and Blackboard packages).
     */
    private static final Pattern FILEBASE = Pattern.compile(
            "^(?:\\$IMS-CC-FILEBASE\\$|%24IMS-CC-FILEBASE%24|\\$IMS_CC_FILEBASE\\$|%24IMS_CC_FILEBASE%24)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*", Pattern.DOTALL);

    private PackagePaths() {
    }

    /** The folder of a package path, with a trailing '/', or "" at the root. */
    static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static String extension(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** {@code relative} taken from folder {@code base} ("" or ending in '/'), or empty when it climbs out. */
    static Optional<String> resolve(String base, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        String joined = relative.startsWith("/") ? relative.substring(1) : base + relative;
        for (String segment : joined.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(segment);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    static boolean hasFileBase(String reference) {
        return FILEBASE.matcher(reference).find();
    }

    static String withoutFileBase(String reference) {
        return FILEBASE.matcher(reference).replaceFirst("");
    }

    static boolean hasScheme(String reference) {
        return SCHEME.matcher(reference).matches();
    }

    /** Percent-decoded, keeping '+' as it is (a path, not a form). */
    static String decode(String reference) {
        try {
            return URLDecoder.decode(reference.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return reference;
        }
    }

    /** The reference without its query and fragment (Canvas adds {@code ?canvas_download=1}). */
    static String withoutQuery(String reference) {
        int cut = reference.length();
        int q = reference.indexOf('?');
        int h = reference.indexOf('#');
        if (q >= 0) {
            cut = q;
        }
        if (h >= 0 && h < cut) {
            cut = h;
        }
        return reference.substring(0, cut);
    }
}
