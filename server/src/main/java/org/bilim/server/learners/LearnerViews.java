package org.bilim.server.learners;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** What the learner API reads and writes. */
public final class LearnerViews {
    static final String NUMBER = "[A-Za-z0-9][A-Za-z0-9-]*";
    /** Any text without control characters (names are shown as plain text, never interpreted). */
    static final String PLAIN_TEXT = "[^\\p{Cntrl}]*";
    static final String LANGUAGE = "kk|ru|en";

    private LearnerViews() {
    }

    public record Accessibility(boolean largeText, boolean highContrast, boolean screenReader) {
        static Accessibility of(Learner l) {
            return new Accessibility(l.largeText(), l.highContrast(), l.screenReader());
        }
    }

    public record LearnerView(long id, String learnerNumber, String fullName, String language,
                              Accessibility accessibility, LearnerStatus status, boolean locked,
                              int failedPinAttempts, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
        static LearnerView of(Learner l) {
            return new LearnerView(l.id(), l.learnerNumber(), l.fullName(), l.language().tag(), Accessibility.of(l),
                    l.status(), l.locked(), Math.min(l.failedPinAttempts(), Learner.MAX_PIN_ATTEMPTS),
                    l.createdAt(), l.updatedAt(), l.version());
        }
    }

    /** A new learner. The PIN is made by Bilim and shown once, in the answer. */
    public record NewLearner(
            @NotBlank @Size(max = 32) @Pattern(regexp = NUMBER) String learnerNumber,
            @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT) String fullName,
            @NotNull @Pattern(regexp = LANGUAGE) String language,
            @Valid Accessibility accessibility) {
    }

    /** A change to a learner; {@code version} is the one the officer saw, so that two officers cannot overwrite each other. */
    public record LearnerChange(
            @NotBlank @Size(max = 32) @Pattern(regexp = NUMBER) String learnerNumber,
            @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT) String fullName,
            @NotNull @Pattern(regexp = LANGUAGE) String language,
            @Valid Accessibility accessibility,
            @NotNull LearnerStatus status,
            @NotNull Long version) {
    }

    /** A learner together with a PIN that is shown this once and never again. */
    public record LearnerWithPin(LearnerView learner, String pin) {
    }

    public record LearnerPage(List<LearnerView> items, long total, int page, int size) {
    }
}
