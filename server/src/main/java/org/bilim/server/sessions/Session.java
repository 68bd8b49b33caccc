package org.bilim.server.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A signed-in person. Kept in the database rather than in one server's memory, so that several
 * nodes behind a load balancer share sessions, and so that an officer's action (locking a kiosk,
 * later a transfer) ends a session at once on every node. The cookie holds a random token; only
 * its SHA-256 is stored.
 */
@Entity
@Table(name = "user_session")
public class Session {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private SessionKind kind;

    @Column(name = "learner_id")
    private Long learnerId;

    @Column(name = "kiosk_id")
    private Long kioskId;

    @Column(name = "staff_id")
    private Long staffId;

    @Column(name = "facility_id")
    private Long facilityId;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_seen_at", nullable = false)
    private OffsetDateTime lastSeenAt;

    protected Session() {
    }

    private Session(String tokenHash, SessionKind kind, OffsetDateTime now) {
        this.tokenHash = tokenHash;
        this.kind = kind;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    static Session learner(String tokenHash, long learnerId, long kioskId, long facilityId, OffsetDateTime now) {
        Session s = new Session(tokenHash, SessionKind.LEARNER, now);
        s.learnerId = learnerId;
        s.kioskId = kioskId;
        s.facilityId = facilityId;
        return s;
    }

    static Session staff(String tokenHash, long staffId, Long facilityId, OffsetDateTime now) {
        Session s = new Session(tokenHash, SessionKind.STAFF, now);
        s.staffId = staffId;
        s.facilityId = facilityId;
        return s;
    }

    public Long id() {
        return id;
    }

    public SessionKind kind() {
        return kind;
    }

    public Long learnerId() {
        return learnerId;
    }

    public Long kioskId() {
        return kioskId;
    }

    public Long staffId() {
        return staffId;
    }

    public Long facilityId() {
        return facilityId;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime lastSeenAt() {
        return lastSeenAt;
    }

    void seen(OffsetDateTime now) {
        this.lastSeenAt = now;
    }
}
