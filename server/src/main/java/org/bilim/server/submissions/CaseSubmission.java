package org.bilim.server.submissions;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.bilim.server.platform.Times;

/** A learner's answer to a case study: one text per task. */
@Entity
@Table(name = "case_submission")
public class CaseSubmission {
    public enum State { DRAFT, SUBMITTED, GRADED }

    private static final TypeReference<TreeMap<String, String>> ANSWERS = new TypeReference<>() {
    };

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "learner_id", nullable = false)
    private long learnerId;

    @Column(name = "course_id", nullable = false)
    private long courseId;

    @Column(name = "item_key", nullable = false, length = 64)
    private String itemKey;

    /** The version the learner answered (updated while a draft, fixed at submission). */
    @Column(name = "version_id", nullable = false)
    private long versionId;

    @Column(nullable = false)
    private String answers;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(name = "saved_at", nullable = false)
    private OffsetDateTime savedAt;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(precision = 9, scale = 2)
    private BigDecimal score;

    @Column(name = "max_score", precision = 9, scale = 2)
    private BigDecimal maxScore;

    @Column(length = 8000)
    private String feedback;

    @Column(name = "graded_by")
    private Long gradedBy;

    @Column(name = "graded_at")
    private OffsetDateTime gradedAt;

    @Version
    private long version;

    protected CaseSubmission() {
    }

    CaseSubmission(long learnerId, long courseId, String itemKey, long versionId) {
        this.learnerId = learnerId;
        this.courseId = courseId;
        this.itemKey = itemKey;
        this.versionId = versionId;
        this.answers = "{}";
        this.state = State.DRAFT;
        this.savedAt = Times.now();
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

    public Map<String, String> answers() {
        try {
            return ContentCodec.mapper().readValue(answers, ANSWERS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored answers are not readable", e);
        }
    }

    public State state() {
        return state;
    }

    public OffsetDateTime savedAt() {
        return savedAt;
    }

    public OffsetDateTime submittedAt() {
        return submittedAt;
    }

    public BigDecimal score() {
        return score;
    }

    public BigDecimal maxScore() {
        return maxScore;
    }

    public String feedback() {
        return feedback;
    }

    public OffsetDateTime gradedAt() {
        return gradedAt;
    }

    public long revision() {
        return version;
    }

    void saveAnswer(String taskKey, String text, long currentVersionId) {
        Map<String, String> all = new TreeMap<>(answers());
        all.put(taskKey, text);
        this.answers = ContentCodec.toJson(all);
        this.versionId = currentVersionId;
        this.savedAt = Times.now();
    }

    void submit(BigDecimal max) {
        this.state = State.SUBMITTED;
        this.maxScore = max;
        this.submittedAt = Times.now();
    }

    void grade(BigDecimal newScore, String newFeedback, long staffId) {
        this.state = State.GRADED;
        this.score = newScore;
        this.feedback = newFeedback;
        this.gradedBy = staffId;
        this.gradedAt = Times.now();
    }
}
