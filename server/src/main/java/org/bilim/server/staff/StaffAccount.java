package org.bilim.server.staff;

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

/** A person who works with Bilim from the staff network: an education officer or an administrator. */
@Entity
@Table(name = "staff_account")
public class StaffAccount {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "facility_id")
    private Facility facility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    @Column(name = "password_hash", nullable = false, length = 300)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected StaffAccount() {
    }

    public StaffAccount(String username, String fullName, Role role, Facility facility, Language language, String passwordHash) {
        this.username = username;
        this.fullName = fullName;
        this.role = role;
        this.facility = facility;
        this.language = language;
        this.passwordHash = passwordHash;
        this.enabled = true;
        this.createdAt = Times.now();
    }

    public Long id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    public Facility facility() {
        return facility;
    }

    public Language language() {
        return language;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean enabled() {
        return enabled;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public OffsetDateTime lockedUntil() {
        return lockedUntil;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public boolean lockedAt(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public void update(String newName, Role newRole, Facility newFacility, Language newLanguage, boolean newEnabled) {
        this.fullName = newName;
        this.role = newRole;
        this.facility = newFacility;
        this.language = newLanguage;
        this.enabled = newEnabled;
    }

    public void language(Language newLanguage) {
        this.language = newLanguage;
    }

    public void password(String hash) {
        this.passwordHash = hash;
        this.failedAttempts = 0;
        this.lockedUntil = null;
    }

    /** Counts a wrong password; returns true when this failure locks the account. */
    public boolean failedSignIn(int lockoutAttempts, OffsetDateTime lockUntil) {
        failedAttempts++;
        if (failedAttempts >= lockoutAttempts) {
            failedAttempts = 0;
            lockedUntil = lockUntil;
            return true;
        }
        return false;
    }

    public void signedIn() {
        failedAttempts = 0;
        lockedUntil = null;
    }
}
