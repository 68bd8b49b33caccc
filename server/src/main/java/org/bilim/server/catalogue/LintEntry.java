package org.bilim.server.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.bilim.courses.content.ContentCodec;
import org.bilim.courses.html.LintFinding;

/**
 * A sanitiser finding kept with a version, with the key of the item it came from (null for
 * findings an import reported for the package as a whole).
 */
public record LintEntry(String itemKey, LintFinding finding) {
    private static final TypeReference<List<LintEntry>> LIST = new TypeReference<>() {
    };

    public static List<LintEntry> read(String json) {
        try {
            return ContentCodec.mapper().readValue(json, LIST);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored lint report is not readable", e);
        }
    }

    public static String write(List<LintEntry> entries) {
        return ContentCodec.toJson(entries);
    }
}
