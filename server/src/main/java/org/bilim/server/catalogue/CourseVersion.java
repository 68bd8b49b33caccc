package org.bilim.server.catalogue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.bilim.courses.content.ContentCodec;
import org.bilim.courses.content.CourseContent;
import org.bilim.server.platform.Times;

/**
 * One version of a course's content, stored as the canonical JSON of {@link CourseContent}
 * together with its SHA-256. A DRAFT is the working copy that authoring changes; once FROZEN
 * (an officer approved it) it never changes again, and the next change starts a new draft.
 */
@Entity
@Table(name = "course_version")
public class CourseVersion {
    public enum State { DRAFT, FROZEN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false)
    private String content;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    /** JSON list of the sanitiser's findings for this version's HTML. */
    @Column(name = "lint_report", nullable = false)
    private String lintReport;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "created_by")
    private Long createdBy;

    @Version
    private long version;

    protected CourseVersion() {
    }

    public CourseVersion(Course course, int number, CourseContent content, String lintReportJson, Long createdBy) {
        this.course = course;
        this.number = number;
        this.state = State.DRAFT;
        this.createdAt = Times.now();
        this.createdBy = createdBy;
        replace(content, lintReportJson);
    }

    public Long id() {
        return id;
    }

    public Course course() {
        return course;
    }

    public int number() {
        return number;
    }

    public State state() {
        return state;
    }

    public boolean draft() {
        return state == State.DRAFT;
    }

    public String contentJson() {
        return content;
    }

    public CourseContent content() {
        return ContentCodec.read(content);
    }

    public String contentHash() {
        return contentHash;
    }

    public String lintReportJson() {
        return lintReport;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long revision() {
        return version;
    }

    /** Replaces a draft's content; a frozen version refuses. */
    public void replace(CourseContent newContent, String lintReportJson) {
        if (state == State.FROZEN) {
            throw new IllegalStateException("version " + id + " is frozen");
        }
        this.content = ContentCodec.toJson(newContent);
        this.contentHash = ContentCodec.hash(newContent);
        this.lintReport = lintReportJson;
        this.updatedAt = Times.now();
    }

    public void freeze() {
        this.state = State.FROZEN;
    }
}
