package org.bilim.server.sessions;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.staff.Role;

/**
 * Who is calling, established by {@link AccessFilter} for the current request: the kiosk (for
 * kiosk requests), the learner signed in on it, or the staff member. Services ask it for the
 * facility an officer may act in and for the audit actor.
 */
@RequestScoped
public class Caller {
    private String remoteAddress;
    private KioskPrincipal kiosk;
    private LearnerPrincipal learner;
    private StaffPrincipal staff;
    private String sessionToken;

    /** A kiosk device admitted by the gate. */
    public record KioskPrincipal(long kioskId, long facilityId, String name, String facilityName) {
    }

    /** A learner signed in on a kiosk. */
    public record LearnerPrincipal(long learnerId, long facilityId, long kioskId, String learnerNumber) {
    }

    /** A staff member; {@code facilityId} is null for administrators. */
    public record StaffPrincipal(long staffId, String username, Role role, Long facilityId) {
        public boolean officer() {
            return role == Role.OFFICER;
        }
    }

    void remoteAddress(String address) {
        this.remoteAddress = address;
    }

    void kiosk(KioskPrincipal k) {
        this.kiosk = k;
    }

    void learner(LearnerPrincipal l, String token) {
        this.learner = l;
        this.sessionToken = token;
    }

    void staff(StaffPrincipal s, String token) {
        this.staff = s;
        this.sessionToken = token;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public Optional<KioskPrincipal> kiosk() {
        return Optional.ofNullable(kiosk);
    }

    public KioskPrincipal requireKiosk() {
        return kiosk().orElseThrow(() -> new IllegalStateException("not a kiosk request"));
    }

    public LearnerPrincipal requireLearner() {
        if (learner == null) {
            throw new IllegalStateException("no learner signed in");
        }
        return learner;
    }

    public StaffPrincipal requireStaff() {
        if (staff == null) {
            throw new IllegalStateException("no staff member signed in");
        }
        return staff;
    }

    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    /** The audit actor for the current caller. */
    public AuditEntry audit(String action, Long facilityId, String targetKind, Long targetId, String detail) {
        if (staff != null) {
            return new AuditEntry(ActorKind.STAFF, staff.staffId(), staff.username(), action, facilityId, targetKind,
                    targetId, detail, remoteAddress);
        }
        if (learner != null) {
            return new AuditEntry(ActorKind.LEARNER, learner.learnerId(), learner.learnerNumber(), action, facilityId,
                    targetKind, targetId, detail, remoteAddress);
        }
        if (kiosk != null) {
            return new AuditEntry(ActorKind.KIOSK, kiosk.kioskId(), kiosk.name(), action, facilityId, targetKind,
                    targetId, detail, remoteAddress);
        }
        return new AuditEntry(ActorKind.ANONYMOUS, null, null, action, facilityId, targetKind, targetId, detail,
                remoteAddress);
    }
}
