package org.bilim.courses.cartridge;

import java.util.Objects;
import org.bilim.courses.content.CourseContent;

/** The content a cartridge became, and the report of how. */
public record ImportResult(CourseContent content, ImportReport report) {
    public ImportResult {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(report, "report");
    }
}
