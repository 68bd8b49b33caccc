package org.bilim.server.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.bilim.server.platform.Times;

/** One cartridge import: how far it got, and what came of it. */
@Entity
@Table(name = "import_job")
public class ImportJob {
    public enum State { RUNNING, SUCCEEDED, REFUSED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false, length = 32)
    private String stage;

    @Column(name = "done_count", nullable = false)
    private int done;

    @Column(name = "total_count", nullable = false)
    private int total;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "course_id")
    private Long courseId;

    @Column(name = "refusal_code", length = 64)
    private String refusalCode;

    /** The import report (or, when refused, the refusal's details) as JSON. */
    @Column
    private String report;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected ImportJob() {
    }

    ImportJob(String fileName, long createdBy) {
        this.state = State.RUNNING;
        this.stage = "UPLOADED";
        this.fileName = fileName;
        this.createdBy = createdBy;
        this.createdAt = Times.now();
    }

    public Long id() {
        return id;
    }

    public State state() {
        return state;
    }

    public String stage() {
        return stage;
    }

    public int done() {
        return done;
    }

    public int total() {
        return total;
    }

    public String fileName() {
        return fileName;
    }

    public Long courseId() {
        return courseId;
    }

    public String refusalCode() {
        return refusalCode;
    }

    public String report() {
        return report;
    }

    public long createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    void progress(String newStage, int newDone, int newTotal) {
        this.stage = newStage;
        this.done = newDone;
        this.total = newTotal;
    }

    void succeeded(long newCourseId, String reportJson) {
        this.state = State.SUCCEEDED;
        this.stage = "DONE";
        this.courseId = newCourseId;
        this.report = reportJson;
        this.finishedAt = Times.now();
    }

    void refused(String code, String detailsJson) {
        this.state = State.REFUSED;
        this.refusalCode = code;
        this.report = detailsJson;
        this.finishedAt = Times.now();
    }

    void failed(String code) {
        this.state = State.FAILED;
        this.refusalCode = code;
        this.finishedAt = Times.now();
    }
}
