package org.bilim.server.practice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.bilim.courses.content.ContentCodec;
import org.bilim.courses.quiz.QuizResult;
import org.bilim.server.platform.Times;

/** One graded practice attempt: the responses as given and the result as computed then. */
@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "learner_id", nullable = false)
    private long learnerId;

    @Column(name = "course_id", nullable = false)
    private long courseId;

    @Column(name = "item_key", nullable = false, length = 64)
    private String itemKey;

    @Column(name = "version_id", nullable = false)
    private long versionId;

    @Column(nullable = false)
    private int number;

    @Column(nullable = false)
    private String responses;

    @Column(nullable = false)
    private String result;

    @Column(nullable = false, precision = 9, scale = 2)
    private BigDecimal score;

    @Column(name = "max_score", nullable = false, precision = 9, scale = 2)
    private BigDecimal maxScore;

    @Column(name = "submitted_at", nullable = false)
    private OffsetDateTime submittedAt;

    /** The graders' plain-text feedback per essay question, as a JSON object. */
    @Column(name = "essay_feedback")
    private String essayFeedback;

    @Column(name = "graded_by")
    private Long gradedBy;

    @Column(name = "graded_at")
    private OffsetDateTime gradedAt;

    @Version
    private long version;

    protected QuizAttempt() {
    }

    QuizAttempt(long learnerId, long courseId, String itemKey, long versionId, int number, String responsesJson,
                QuizResult result) {
        this.learnerId = learnerId;
        this.courseId = courseId;
        this.itemKey = itemKey;
        this.versionId = versionId;
        this.number = number;
        this.responses = responsesJson;
        this.result = ContentCodec.toJson(result);
        this.score = result.score();
        this.maxScore = result.maxScore();
        this.submittedAt = Times.now();
    }

    public Long id() {
        return id;
    }

    public long learnerId() {
        return learnerId;
    }

    public long courseId() {
        return courseId;
    }

    public String itemKey() {
        return itemKey;
    }

    public long versionId() {
        return versionId;
    }

    public int number() {
        return number;
    }

    public BigDecimal score() {
        return score;
    }

    public BigDecimal maxScore() {
        return maxScore;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public String responsesJson() {
        return responses;
    }

    /** The essay feedback given so far, by question key. */
    @SuppressWarnings("unchecked")
    public Map<String, String> essayFeedback() {
        return essayFeedback == null ? Map.of() : ContentCodec.read(essayFeedback, Map.class);
    }

    /** A person's grade of one essay: the result and score are recomputed, and complete once no essay waits. */
    void gradeEssay(QuizResult regraded, String questionKey, String feedback, long staffId) {
        Map<String, String> all = new TreeMap<>(essayFeedback());
        all.put(questionKey, feedback == null ? "" : feedback);
        this.essayFeedback = ContentCodec.toJson(all);
        this.result = ContentCodec.toJson(regraded);
        this.score = regraded.score();
        this.gradedBy = staffId;
        this.gradedAt = Times.now();
    }

    public OffsetDateTime gradedAt() {
        return gradedAt;
    }

    public long revision() {
        return version;
    }

    public QuizResult result() {
        return ContentCodec.read(result, QuizResult.class);
    }
}
