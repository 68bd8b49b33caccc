package org.bilim.server.files;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One satisfiable byte range of a representation, inclusive at both ends (RFC 9110 §14.1.2).
 * {@link #parse} reads a {@code Range} header the way RFC 9110 §14.2 asks: a header that is not a
 * single well-formed {@code bytes} range is ignored (the whole file is sent), and a well-formed
 * one that cannot be satisfied is reported so the caller answers 416.
 */
public record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /** What a Range header asks of a representation of {@code size} bytes. */
    public sealed interface Request permits Whole, Partial, Unsatisfiable {
    }

    /** No range, or one the server ignores (several ranges, other units, bad syntax): send it all. */
    public record Whole() implements Request {
    }

    public record Partial(ByteRange range) implements Request {
    }

    public record Unsatisfiable() implements Request {
    }

    public static Request parse(String header, long size) {
        if (header == null || header.isBlank()) {
            return new Whole();
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches()) {
            // Several ranges are legal, but a kiosk player never asks for them; the whole file is a correct answer.
            return new Whole();
        }
        String a = m.group(1);
        String b = m.group(2);
        if (a.isEmpty() && b.isEmpty()) {
            return new Whole();
        }
        Optional<Long> start = number(a);
        Optional<Long> end = number(b);
        if ((!a.isEmpty() && start.isEmpty()) || (!b.isEmpty() && end.isEmpty())) {
            return new Whole();
        }
        if (a.isEmpty()) {
            long suffix = end.get();
            if (suffix == 0 || size == 0) {
                return new Unsatisfiable();
            }
            return new Partial(new ByteRange(Math.max(0, size - suffix), size - 1));
        }
        long first = start.get();
        if (end.isPresent() && end.get() < first) {
            return new Whole();
        }
        if (first >= size) {
            return new Unsatisfiable();
        }
        long last = end.map(e -> Math.min(e, size - 1)).orElse(size - 1);
        return new Partial(new ByteRange(first, last));
    }

    private static Optional<Long> number(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
