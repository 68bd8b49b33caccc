package org.bilim.server.learners;

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
import org.bilim.server.facilities.Facility;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.Times;

/**
 * A person in prison who studies with Bilim. Identified inside a facility by a learner number;
 * signs in at a kiosk with that number and a PIN. After {@link #MAX_PIN_ATTEMPTS} wrong PINs the
 * account stays locked until an officer unlocks it.
 */
@Entity
@Table(name = "learner")
public class Learner {
    public static final int MAX_PIN_ATTEMPTS = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "facility_id")
    private Facility facility;

    @Column(name = "learner_number", nullable = false, length = 32)
    private String learnerNumber;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    @Column(name = "large_text", nullable = false)
    private boolean largeText;

    @Column(name = "high_contrast", nullable = false)
    private boolean highContrast;

    @Column(name = "screen_reader", nullable = false)
    private boolean screenReader;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private LearnerStatus status;

    @Column(name = "pin_hash", nullable = false, length = 200)
    private String pinHash;

    /** Sign-in attempts counted before the PIN is checked; reset by a right PIN or an officer. */
    @Column(name = "failed_pin_attempts", nullable = false)
    private int failedPinAttempts;

    @Column(name = "locked_at")
    private OffsetDateTime lockedAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Learner() {
    }

    public Learner(Facility facility, String learnerNumber, String fullName, Language language, String pinHash) {
        this.facility = facility;
        this.learnerNumber = learnerNumber;
        this.fullName = fullName;
        this.language = language;
        this.pinHash = pinHash;
        this.status = LearnerStatus.ACTIVE;
        this.createdAt = Times.now();
        this.updatedAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Facility facility() {
        return facility;
    }

    public String learnerNumber() {
        return learnerNumber;
    }

    public String fullName() {
        return fullName;
    }

    public Language language() {
        return language;
    }

    public boolean largeText() {
        return largeText;
    }

    public boolean highContrast() {
        return highContrast;
    }

    public boolean screenReader() {
        return screenReader;
    }

    public LearnerStatus status() {
        return status;
    }

    public String pinHash() {
        return pinHash;
    }

    public int failedPinAttempts() {
        return failedPinAttempts;
    }

    public boolean locked() {
        return failedPinAttempts >= MAX_PIN_ATTEMPTS;
    }

    public OffsetDateTime lockedAt() {
        return lockedAt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }

    public void update(String newNumber, String newName, Language newLanguage, LearnerStatus newStatus) {
        this.learnerNumber = newNumber;
        this.fullName = newName;
        this.language = newLanguage;
        this.status = newStatus;
        this.updatedAt = Times.now();
    }

    public void preferences(Language newLanguage, boolean newLargeText, boolean newHighContrast, boolean newScreenReader) {
        this.language = newLanguage;
        this.largeText = newLargeText;
        this.highContrast = newHighContrast;
        this.screenReader = newScreenReader;
        this.updatedAt = Times.now();
    }

    public void newPin(String hash) {
        this.pinHash = hash;
        unlock();
    }

    public void unlock() {
        this.failedPinAttempts = 0;
        this.lockedAt = null;
        this.updatedAt = Times.now();
    }
}
