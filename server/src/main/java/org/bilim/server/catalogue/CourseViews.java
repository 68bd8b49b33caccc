package org.bilim.server.catalogue;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** What the staff course API reads and writes. */
public final class CourseViews {
    static final String PLAIN_TEXT = "[^\\p{Cntrl}]*";

    private CourseViews() {
    }

    public record UniversityView(long id, String name) {
    }

    public record NewUniversity(@NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT) String name) {
    }

    public record NewCourse(
            @NotNull Long universityId,
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String code,
            @NotBlank @Size(max = 300) @Pattern(regexp = PLAIN_TEXT) String title,
            @Size(max = 4000) String description,
            @NotNull @Pattern(regexp = "kk|ru|en") String language,
            @Min(0) @Max(60) int credits) {
    }

    public record CourseChange(
            @NotBlank @Size(max = 300) @Pattern(regexp = PLAIN_TEXT) String title,
            @Size(max = 4000) String description,
            @Min(0) @Max(60) int credits) {
    }

    public record ModuleTitle(@NotBlank @Size(max = 300) @Pattern(regexp = PLAIN_TEXT) String title) {
    }

    public record Order(@NotNull @Size(max = 2000) List<@NotBlank @Size(max = 64) String> keys) {
    }

    /** This facility's decision on a version, if an officer asks. */
    public record DecisionView(String decision, String contentHash, String reason, OffsetDateTime decidedAt, boolean current) {
    }

    public record VersionSummary(long id, int number, String state, String contentHash, OffsetDateTime updatedAt,
                                 DecisionView decision) {
    }

    public record CourseSummary(long id, String code, String title, String university, String language, int credits,
                                VersionSummary latest) {
    }

    /**
     * A course as an author or a vetting officer sees it: the latest version's full content (with
     * right answers) and the sanitiser's findings, both in the content model's JSON form.
     */
    public record CourseDetail(long id, long universityId, String university, String code, String title,
                               String description, String language, int credits, VersionSummary latest,
                               JsonValue content, JsonValue lint, List<VersionSummary> versions) {
    }
}
