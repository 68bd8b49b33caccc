package org.bilim.courses.cartridge;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The archive was refused as a whole and nothing was stored. {@link #details()} names what was
 * found (the entry, the limit and the value) so the officer can tell the lecturer what to fix.
 */
public final class ImportRefused extends Exception {
    private static final long serialVersionUID = 1L;

    private final Refusal code;
    private final transient Map<String, Object> details;

    public ImportRefused(Refusal code, Map<String, Object> details) {
        super(code + " " + details);
        this.code = Objects.requireNonNull(code, "code");
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public ImportRefused(Refusal code, Map<String, Object> details, Throwable cause) {
        this(code, details);
        initCause(cause);
    }

    public Refusal code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
