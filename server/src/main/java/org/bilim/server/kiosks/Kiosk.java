package org.bilim.server.kiosks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.bilim.server.facilities.Classroom;
import org.bilim.server.facilities.Facility;
import org.bilim.server.platform.Times;

/**
 * A registered classroom device. An officer registers it and receives a one-time enrolment code;
 * the kiosk's browser redeems the code once and from then on carries a device credential (a
 * cookie whose SHA-256 is kept here). A locked kiosk is refused until an officer unlocks it.
 */
@Entity
@Table(name = "kiosk")
public class Kiosk {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "facility_id")
    private Facility facility;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "classroom_id")
    private Classroom classroom;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false)
    private boolean locked;

    @Column(name = "device_token_hash", unique = true, length = 64)
    private String deviceTokenHash;

    @Column(name = "enrolment_code_hash", unique = true, length = 64)
    private String enrolmentCodeHash;

    @Column(name = "enrolment_code_expires_at")
    private OffsetDateTime enrolmentCodeExpiresAt;

    @Column(name = "enrolled_at")
    private OffsetDateTime enrolledAt;

    @Column(name = "last_seen_at")
    private OffsetDateTime lastSeenAt;

    @Column(name = "last_seen_address", length = 64)
    private String lastSeenAddress;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Kiosk() {
    }

    public Kiosk(Facility facility, Classroom classroom, String name) {
        this.facility = facility;
        this.classroom = classroom;
        this.name = name;
        this.createdAt = Times.now();
    }

    public Long id() {
        return id;
    }

    public Facility facility() {
        return facility;
    }

    public Classroom classroom() {
        return classroom;
    }

    public String name() {
        return name;
    }

    public boolean locked() {
        return locked;
    }

    public boolean enrolled() {
        return deviceTokenHash != null;
    }

    public OffsetDateTime enrolmentCodeExpiresAt() {
        return enrolmentCodeExpiresAt;
    }

    public OffsetDateTime enrolledAt() {
        return enrolledAt;
    }

    public OffsetDateTime lastSeenAt() {
        return lastSeenAt;
    }

    public String lastSeenAddress() {
        return lastSeenAddress;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public void rename(String newName, Classroom newClassroom) {
        this.name = newName;
        this.classroom = newClassroom;
    }

    /**
     * Issues a new one-time code. Any device that enrolled before loses its credential: issuing a
     * code is how an officer moves a kiosk to new hardware.
     */
    public void issueEnrolmentCode(String codeHash, OffsetDateTime expiresAt) {
        this.enrolmentCodeHash = codeHash;
        this.enrolmentCodeExpiresAt = expiresAt;
        this.deviceTokenHash = null;
        this.enrolledAt = null;
    }

    public boolean codeValidAt(OffsetDateTime now) {
        return enrolmentCodeHash != null && enrolmentCodeExpiresAt != null && enrolmentCodeExpiresAt.isAfter(now);
    }

    public void enrol(String tokenHash, OffsetDateTime now, String address) {
        this.deviceTokenHash = tokenHash;
        this.enrolmentCodeHash = null;
        this.enrolmentCodeExpiresAt = null;
        this.enrolledAt = now;
        seen(now, address);
    }

    public void lock() {
        this.locked = true;
    }

    public void unlock() {
        this.locked = false;
    }

    /** Records a visit; writes at most once a minute per kiosk, so a busy classroom does not write on every request. */
    public boolean seen(OffsetDateTime now, String address) {
        if (lastSeenAt != null && Duration.between(lastSeenAt, now).toSeconds() < 60 && address.equals(lastSeenAddress)) {
            return false;
        }
        this.lastSeenAt = now;
        this.lastSeenAddress = address;
        return true;
    }
}
