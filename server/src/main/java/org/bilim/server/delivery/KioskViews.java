package org.bilim.server.delivery;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.bilim.courses.quiz.Questions.LearnerQuestion;
import org.bilim.server.practice.PracticeService.AttemptView;
import org.bilim.server.submissions.SubmissionViews.SubmissionView;

/** What the kiosk's course screens read and write. */
public final class KioskViews {
    private KioskViews() {
    }

    public record ItemRef(String key, String title, String kind, String moduleTitle) {
    }

    public record MyCourse(long id, String code, String title, String university, String language, int credits,
                           OffsetDateTime enrolledAt, int items, int completed, ItemRef resume) {
    }

    public record ProgressView(boolean viewed, boolean completed, long timeSpentSeconds, String position) {
    }

    public record OutlineItem(String key, String title, String kind, ProgressView progress) {
    }

    public record OutlineModule(String key, String title, List<OutlineItem> items) {
    }

    public record Outline(long id, String code, String title, String description, String university, String language,
                          int credits, int version, int items, int completed, ItemRef resume, List<OutlineModule> modules) {
    }

    public record FileView(String url, String name, String mediaType, long size) {
    }

    public record CaptionView(String url, String language, String label) {
    }

    public record TaskView(String key, String promptHtml, String rubricHtml, BigDecimal maxScore) {
    }

    /** One item, with only the part that matches its kind filled in. */
    public record ItemView(long courseId, String key, String title, String kind, String moduleKey, String moduleTitle,
                           ItemRef previous, ItemRef next, ProgressView progress,
                           String html,
                           FileView file,
                           FileView media, List<CaptionView> captions, String transcriptHtml,
                           String scenarioHtml, List<FileView> attachments, List<TaskView> tasks, SubmissionView submission,
                           String introHtml, Integer attemptsAllowed, Integer attemptsUsed, List<LearnerQuestion> questions,
                           AttemptView lastAttempt) {
    }

    /** A progress report: seconds since the last one, where the learner is, whether they finished. */
    public record ProgressReport(@Min(0) @Max(3600) int seconds,
                                 @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z.:=_-]*") String position,
                                 boolean completed) {
    }
}
