package org.bilim.server.imports;

import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import org.bilim.server.platform.JsonText;

/** What the import API answers. */
public final class ImportViews {
    private ImportViews() {
    }

    /** Where the imported course goes: its university, code, language and credits. */
    public record ImportOptions(long universityId, String code, String language, int credits) {
    }

    /**
     * A job: {@code stage} and the counts say how far it got; {@code report} is the import report
     * when it succeeded, and the refusal's details (what was found, the limit) when it was refused.
     */
    public record ImportView(long id, String state, String stage, int done, int total, String fileName, Long courseId,
                             String refusalCode, JsonValue report, OffsetDateTime createdAt, OffsetDateTime finishedAt) {
        static ImportView of(ImportJob j) {
            return new ImportView(j.id(), j.state().name(), j.stage(), j.done(), j.total(), j.fileName(), j.courseId(),
                    j.refusalCode(), j.report() == null ? null : JsonText.of(j.report()), j.createdAt(), j.finishedAt());
        }
    }
}
