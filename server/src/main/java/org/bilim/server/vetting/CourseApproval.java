package org.bilim.server.vetting;

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
import java.time.OffsetDateTime;
import org.bilim.server.catalogue.CourseVersion;
import org.bilim.server.platform.Times;

/**
 * An officer's decision on a course version for their facility. It names the content hash the
 * officer previewed: it holds for exactly that content. The latest decision for a version and
 * facility is the one in force, so an approval can be withdrawn by a later rejection.
 */
@Entity
@Table(name = "course_approval")
public class CourseApproval {
    public enum Decision { APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    private CourseVersion version;

    @Column(name = "facility_id", nullable = false)
    private long facilityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Decision decision;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(length = 2000)
    private String reason;

    @Column(name = "decided_by", nullable = false)
    private long decidedBy;

    @Column(name = "decided_at", nullable = false)
    private OffsetDateTime decidedAt;

    protected CourseApproval() {
    }

    public CourseApproval(CourseVersion version, long facilityId, Decision decision, String contentHash, String reason,
                          long decidedBy) {
        this.version = version;
        this.facilityId = facilityId;
        this.decision = decision;
        this.contentHash = contentHash;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = Times.now();
    }

    public Long id() {
        return id;
    }

    public CourseVersion version() {
        return version;
    }

    public long facilityId() {
        return facilityId;
    }

    public Decision decision() {
        return decision;
    }

    public String contentHash() {
        return contentHash;
    }

    public String reason() {
        return reason;
    }

    public long decidedBy() {
        return decidedBy;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }
}
