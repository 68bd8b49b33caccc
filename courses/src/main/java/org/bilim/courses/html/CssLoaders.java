package org.bilim.courses.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@code style} attribute that would load or run something: {@code url()},
 * {@code image-set()}, {@code @import}, {@code expression()}. The OWASP styling policy already
 * drops them; this finds them first so that each can be reported, and checks afterwards that
 * none got through. CSS escapes are decoded and comments dropped before looking, so {@code u\72l(}
 * is found too, and so is a {@code url} split by a comment; a false alarm only costs a finding.
 */
final class CssLoaders {
    /** One construct found: its name as written in {@link #in}, and the reference it carries. */
    record Found(String construct, String reference) {
    }

    static final String URL = "url()";
    static final String IMAGE_SET = "image-set()";
    static final String IMPORT = "@import";
    static final String EXPRESSION = "expression()";

    private static final Pattern CONSTRUCT = Pattern.compile(
            "(url|(?:-webkit-)?image-set|expression)\\s*\\(|@import", Pattern.CASE_INSENSITIVE);
    /** Also refused in a sanitised style: names of the old binding properties, and a script scheme. */
    private static final Pattern ANY_LOADER = Pattern.compile(
            "url\\s*\\(|image-set\\s*\\(|expression\\s*\\(|@import|behavio|-moz-binding|javascript:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"|'([^']*)'");

    private CssLoaders() {
    }

    /** Every construct in document order. */
    static List<Found> in(String style) {
        String css = readable(style);
        List<Found> found = new ArrayList<>();
        Matcher m = CONSTRUCT.matcher(css);
        int from = 0;
        while (from < css.length() && m.find(from)) {
            String name = m.group(1) == null ? "@import" : m.group(1).toLowerCase(Locale.ROOT);
            int open = m.end();
            from = m.end();
            switch (name) {
                case "url" -> found.add(new Found(URL, urlArgument(css, open)));
                case "expression" -> {
                    int close = closingParen(css, open);
                    found.add(new Found(EXPRESSION, "expression(" + css.substring(open, close)));
                    from = close;
                }
                case "@import" -> {
                    // "@import url(...)" is reported by its url(); only the string form is reported here.
                    Matcher s = STRING.matcher(css).region(skipSpaces(css, open), css.length());
                    if (s.lookingAt()) {
                        found.add(new Found(IMPORT, stringValue(s)));
                    }
                }
                default -> {
                    // image-set("a.png" 1x, url(b.png) 2x): the url() inside are found on their own.
                    int close = closingParen(css, open);
                    Matcher s = STRING.matcher(css.substring(open, close));
                    while (s.find()) {
                        found.add(new Found(IMAGE_SET, stringValue(s)));
                    }
                }
            }
        }
        return found;
    }

    /** True if a style still holds anything that could load or run something. */
    static boolean any(String style) {
        return ANY_LOADER.matcher(readable(style)).find();
    }

    /** The CSS without comments and with escapes decoded, as a CSS tokenizer would see the characters. */
    static String readable(String css) {
        var out = new StringBuilder(css.length());
        int i = 0;
        while (i < css.length()) {
            char c = css.charAt(i);
            if (c == '/' && i + 1 < css.length() && css.charAt(i + 1) == '*') {
                int end = css.indexOf("*/", i + 2);
                i = end < 0 ? css.length() : end + 2;
            } else if (c == '\\' && i + 1 < css.length()) {
                i = unescape(css, i + 1, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** CSS Syntax 4.3.7: up to six hex digits and one optional space, or the next character itself. */
    private static int unescape(String css, int at, StringBuilder out) {
        int end = at;
        while (end < css.length() && end - at < 6 && Character.digit(css.charAt(end), 16) >= 0) {
            end++;
        }
        if (end == at) {
            char c = css.charAt(at);
            if (c != '\n' && c != '\r' && c != '\f') {
                out.append(c);
            }
            return at + 1;
        }
        int codePoint = Integer.parseInt(css.substring(at, end), 16);
        out.appendCodePoint(codePoint == 0 || codePoint > Character.MAX_CODE_POINT
                || (codePoint >= 0xd800 && codePoint <= 0xdfff) ? 0xfffd : codePoint);
        if (end < css.length() && Character.isWhitespace(css.charAt(end))) {
            end++;
        }
        return end;
    }

    private static String urlArgument(String css, int open) {
        int start = skipSpaces(css, open);
        Matcher s = STRING.matcher(css).region(start, css.length());
        if (s.lookingAt()) {
            return stringValue(s);
        }
        int close = css.indexOf(')', start);
        return css.substring(start, close < 0 ? css.length() : close).strip();
    }

    private static int closingParen(String css, int open) {
        int depth = 1;
        for (int i = open; i < css.length(); i++) {
            char c = css.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return css.length();
    }

    private static int skipSpaces(String css, int at) {
        while (at < css.length() && Character.isWhitespace(css.charAt(at))) {
            at++;
        }
        return at;
    }

    private static String stringValue(Matcher s) {
        return s.group(1) != null ? s.group(1) : s.group(2);
    }
}
