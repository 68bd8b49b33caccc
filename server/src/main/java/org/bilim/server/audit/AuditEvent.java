package org.bilim.server.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One privileged action, appended and never changed. Each event carries the hash of the one
 * before it, so that changing, removing or reordering any event breaks the chain where it
 * happened. The sequence number is the event's identity and its place in the chain.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    @Id
    private Long seq;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor_kind", nullable = false, length = 16)
    private String actorKind;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "actor_label", length = 200)
    private String actorLabel;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(name = "facility_id")
    private Long facilityId;

    @Column(name = "target_kind", length = 32)
    private String targetKind;

    @Column(name = "target_id")
    private Long targetId;

    @Column(length = 2000)
    private String detail;

    @Column(name = "source_address", length = 64)
    private String sourceAddress;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    protected AuditEvent() {
    }

    AuditEvent(long seq, OffsetDateTime occurredAt, AuditEntry entry, String prevHash, String hash) {
        this.seq = seq;
        this.occurredAt = occurredAt;
        this.actorKind = entry.actorKind().name();
        this.actorId = entry.actorId();
        this.actorLabel = entry.actorLabel();
        this.action = entry.action();
        this.facilityId = entry.facilityId();
        this.targetKind = entry.targetKind();
        this.targetId = entry.targetId();
        this.detail = entry.detail();
        this.sourceAddress = entry.sourceAddress();
        this.prevHash = prevHash;
        this.hash = hash;
    }

    public long seq() {
        return seq;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String actorKind() {
        return actorKind;
    }

    public Long actorId() {
        return actorId;
    }

    public String actorLabel() {
        return actorLabel;
    }

    public String action() {
        return action;
    }

    public Long facilityId() {
        return facilityId;
    }

    public String targetKind() {
        return targetKind;
    }

    public Long targetId() {
        return targetId;
    }

    public String detail() {
        return detail;
    }

    public String sourceAddress() {
        return sourceAddress;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }
}
