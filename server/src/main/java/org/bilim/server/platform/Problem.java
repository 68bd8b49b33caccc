package org.bilim.server.platform;

import java.util.List;

/**
 * RFC 9457 problem details, with Bilim's stable {@code code} as an extension member and, for
 * invalid input, one entry per field in {@code errors}.
 */
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that failed validation, with a message a person can act on. */
    public record FieldProblem(String field, String code, String message) {
    }
}
