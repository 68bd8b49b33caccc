package org.bilim.server.grades;

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
import java.time.Duration;
import java.time.OffsetDateTime;
import org.bilim.server.platform.Times;

/**
 * One grade on its way to one cell of a university gradebook (an LMS course, a Bilim item, a
 * student). Written in the transaction that grades, so a grade is never acknowledged without its
 * delivery; the courier sends it and records what became of it.
 */
@Entity
@Table(name = "grade_delivery")
public class GradeDelivery {
    public enum State { PENDING, SENT, FAILED, SUPERSEDED }

    public enum Source { SUBMISSION, QUIZ }

    /** The longest error text kept (the column's size). */
    static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "platform_id", nullable = false)
    private long platformId;

    @Column(name = "context_id", nullable = false, length = 255)
    private String contextId;

    @Column(name = "course_id", nullable = false)
    private long courseId;

    @Column(name = "item_key", nullable = false, length = 64)
    private String itemKey;

    @Column(name = "item_title", nullable = false, length = 300)
    private String itemTitle;

    @Column(name = "learner_id", nullable = false)
    private long learnerId;

    @Column(name = "user_id", nullable = false, length = 255)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false, length = 16)
    private Source sourceKind;

    @Column(name = "source_id", nullable = false)
    private long sourceId;

    @Column(name = "score_given", nullable = false, precision = 9, scale = 2)
    private BigDecimal scoreGiven;

    @Column(name = "score_maximum", nullable = false, precision = 9, scale = 2)
    private BigDecimal scoreMaximum;

    @Column(length = 8000)
    private String feedback;

    @Column(name = "score_timestamp", nullable = false)
    private OffsetDateTime scoreTimestamp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private OffsetDateTime nextAttemptAt;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Version
    private long version;

    protected GradeDelivery() {
    }

    GradeDelivery(Cell cell, String itemTitle, long learnerId, Source sourceKind, long sourceId, BigDecimal scoreGiven,
                  BigDecimal scoreMaximum, String feedback, OffsetDateTime scoreTimestamp) {
        this.platformId = cell.platformId();
        this.contextId = cell.contextId();
        this.courseId = cell.courseId();
        this.itemKey = cell.itemKey();
        this.userId = cell.userId();
        this.itemTitle = itemTitle.length() > 300 ? itemTitle.substring(0, 300) : itemTitle;
        this.learnerId = learnerId;
        this.sourceKind = sourceKind;
        this.sourceId = sourceId;
        this.scoreGiven = scoreGiven;
        this.scoreMaximum = scoreMaximum;
        this.feedback = feedback;
        this.scoreTimestamp = scoreTimestamp;
        this.state = State.PENDING;
        this.createdAt = Times.now();
        this.nextAttemptAt = createdAt;
    }

    /** A gradebook cell: the LMS course of a platform, a Bilim item, a student of that LMS. */
    public record Cell(long platformId, String contextId, long courseId, String itemKey, String userId) {
    }

    public Cell cell() {
        return new Cell(platformId, contextId, courseId, itemKey, userId);
    }

    void sent() {
        state = State.SENT;
        sentAt = Times.now();
        leaseUntil = null;
        lastError = null;
    }

    void retryLater(String error, Duration wait) {
        lastError = clip(error);
        nextAttemptAt = Times.now().plus(wait);
        leaseUntil = null;
    }

    void failed(String error) {
        state = State.FAILED;
        lastError = clip(error);
        leaseUntil = null;
    }

    void superseded() {
        state = State.SUPERSEDED;
        leaseUntil = null;
    }

    /** Sends a failed delivery again, from the start of its backoff. */
    void requeue() {
        state = State.PENDING;
        attempts = 0;
        nextAttemptAt = Times.now();
        leaseUntil = null;
    }

    private static String clip(String error) {
        return error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR - 1) + "…" : error;
    }

    public Long id() {
        return id;
    }

    public long platformId() {
        return platformId;
    }

    public String contextId() {
        return contextId;
    }

    public long courseId() {
        return courseId;
    }

    public String itemKey() {
        return itemKey;
    }

    public String itemTitle() {
        return itemTitle;
    }

    public long learnerId() {
        return learnerId;
    }

    public String userId() {
        return userId;
    }

    public Source sourceKind() {
        return sourceKind;
    }

    public long sourceId() {
        return sourceId;
    }

    public BigDecimal scoreGiven() {
        return scoreGiven;
    }

    public BigDecimal scoreMaximum() {
        return scoreMaximum;
    }

    public String feedback() {
        return feedback;
    }

    public OffsetDateTime scoreTimestamp() {
        return scoreTimestamp;
    }

    public State state() {
        return state;
    }

    public int attempts() {
        return attempts;
    }

    public OffsetDateTime nextAttemptAt() {
        return nextAttemptAt;
    }

    public String lastError() {
        return lastError;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }

    public long version() {
        return version;
    }
}
