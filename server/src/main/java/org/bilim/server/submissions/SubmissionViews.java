package org.bilim.server.submissions;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.bilim.server.grades.GradeViews.PassbackView;

/** What the case-study API reads and writes. */
public final class SubmissionViews {
    /** Enough for a thorough answer, and within a request's size limit even in Cyrillic. */
    public static final int MAX_ANSWER_CHARS = 20_000;

    private SubmissionViews() {
    }

    /** One task's answer as the kiosk saves it; {@code revision} is the submission's, null for the first save. */
    public record AnswerDraft(@NotNull @Size(max = MAX_ANSWER_CHARS) String text, Long revision) {
    }

    public record Submit(@NotNull Long revision) {
    }

    public record SubmissionView(Long id, String state, Map<String, String> answers, OffsetDateTime savedAt,
                                 OffsetDateTime submittedAt, BigDecimal score, BigDecimal maxScore, String feedback,
                                 OffsetDateTime gradedAt, long revision) {
        public static SubmissionView of(CaseSubmission s) {
            return new SubmissionView(s.id(), s.state().name(), s.answers(), s.savedAt(), s.submittedAt(), s.score(),
                    s.maxScore(), s.feedback(), s.gradedAt(), s.revision());
        }
    }

    public record Grade(@NotNull @DecimalMin("0") BigDecimal score, @Size(max = 8000) String feedback) {
    }

    public record TaskView(String key, String promptHtml, String rubricHtml, BigDecimal maxScore, String answer) {
    }

    /**
     * A submission as a grader sees it: who, which course and item, the tasks with their answers,
     * and where its grade stands with the university. For a lecturer, {@code learnerId} is null,
     * {@code learnerNumber} the learner's pseudonym and {@code learnerName} the confirmed student's
     * name or the pseudonym again.
     */
    public record StaffSubmission(long id, Long learnerId, String learnerNumber, String learnerName, long courseId,
                                  String courseTitle, String itemKey, String itemTitle, int versionNumber, String state,
                                  OffsetDateTime submittedAt, BigDecimal score, BigDecimal maxScore, String feedback,
                                  List<TaskView> tasks, PassbackView passback) {
    }
}
