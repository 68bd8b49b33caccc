package org.bilim.server.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.facilities.Facility;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Flush;
import org.bilim.server.platform.Hashing;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Times;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.SessionService;
import org.bilim.server.staff.StaffViews.FacilityRef;
import org.bilim.server.staff.StaffViews.Me;
import org.bilim.server.staff.StaffViews.NewStaff;
import org.bilim.server.staff.StaffViews.StaffChange;
import org.bilim.server.staff.StaffViews.StaffView;

/**
 * Staff accounts: signing in on the staff entry point, and the administrator's management of
 * accounts. After {@code bilim.staff.lockout-attempts} wrong passwords an account rests for
 * {@code bilim.staff.lockout-minutes}; both failures and lockouts are audited.
 */
@ApplicationScoped
public class StaffService {

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Hashing hashing;

    @Inject
    SessionService sessions;

    @Inject
    BilimConfig config;

    @Inject
    StaffService self;

    /** A staff member who signed in, with the session token for the cookie. */
    public record SignedIn(Me me, String token) {
    }

    public SignedIn signIn(String username, String password, String address) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        StaffAccount account = self.findForSignIn(name);
        OffsetDateTime now = Times.now();
        if (account == null) {
            hashing.decoyPasswordCheck(password);
            audit.appendIndependently(new AuditEntry(ActorKind.ANONYMOUS, null, name, "staff.signin-failed", null, null, null,
                    "unknown username " + name, address));
            throw new BilimException(ProblemCode.STAFF_SIGNIN_INVALID_CREDENTIALS);
        }
        Long facilityId = account.facility() == null ? null : account.facility().id();
        if (!account.enabled()) {
            hashing.decoyPasswordCheck(password);
            audit.appendIndependently(new AuditEntry(ActorKind.ANONYMOUS, null, name, "staff.signin-failed", facilityId,
                    "staff", account.id(), "account disabled", address));
            throw new BilimException(ProblemCode.STAFF_SIGNIN_INVALID_CREDENTIALS);
        }
        if (account.lockedAt(now)) {
            audit.appendIndependently(new AuditEntry(ActorKind.ANONYMOUS, null, name, "staff.signin-refused", facilityId,
                    "staff", account.id(), "account locked until " + account.lockedUntil(), address));
            throw new BilimException(ProblemCode.STAFF_SIGNIN_LOCKED, config.staffLockout().toMinutes());
        }
        if (!hashing.verifyPassword(password, account.passwordHash())) {
            boolean locked = self.recordFailure(account.id(), name, facilityId, address);
            throw locked ? new BilimException(ProblemCode.STAFF_SIGNIN_LOCKED, config.staffLockout().toMinutes())
                    : new BilimException(ProblemCode.STAFF_SIGNIN_INVALID_CREDENTIALS);
        }
        return self.completeSignIn(account.id());
    }

    // The steps below are public only so that calls through the CDI proxy get their transactions.

    @Transactional(Transactional.TxType.SUPPORTS)
    public StaffAccount findForSignIn(String username) {
        List<StaffAccount> found = em.createQuery("SELECT s FROM StaffAccount s LEFT JOIN FETCH s.facility WHERE s.username = :u", StaffAccount.class)
                .setParameter("u", username).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    @Transactional
    public boolean recordFailure(long id, String username, Long facilityId, String address) {
        StaffAccount s = em.find(StaffAccount.class, id);
        boolean locked = s.failedSignIn(config.staffLockoutAttempts(), Times.now().plus(config.staffLockout()));
        audit.append(new AuditEntry(ActorKind.ANONYMOUS, null, username, "staff.signin-failed", facilityId, "staff", id,
                "wrong password", address));
        if (locked) {
            audit.append(new AuditEntry(ActorKind.SYSTEM, null, null, "staff.locked-out", facilityId, "staff", id,
                    username + " locked for " + config.staffLockout().toMinutes() + " minutes after "
                            + config.staffLockoutAttempts() + " wrong passwords", address));
        }
        return locked;
    }

    @Transactional
    public SignedIn completeSignIn(long id) {
        StaffAccount s = em.find(StaffAccount.class, id);
        s.signedIn();
        String token = sessions.startStaff(s.id(), s.facility() == null ? null : s.facility().id());
        return new SignedIn(me(s), token);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Me me() {
        return me(em.find(StaffAccount.class, caller.requireStaff().staffId()));
    }

    /** The signed-in staff member changes the language of their consoles. */
    @Transactional
    public Me language(String tag) {
        StaffAccount s = em.find(StaffAccount.class, caller.requireStaff().staffId());
        s.language(Language.require(tag, "language"));
        return me(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffView> list() {
        return em.createQuery("SELECT s FROM StaffAccount s LEFT JOIN FETCH s.facility ORDER BY s.username", StaffAccount.class)
                .getResultList().stream().map(StaffService::view).toList();
    }

    @Transactional
    public StaffView create(NewStaff draft) {
        String username = draft.username().strip().toLowerCase(Locale.ROOT);
        if (!em.createQuery("SELECT s.id FROM StaffAccount s WHERE s.username = :u", Long.class)
                .setParameter("u", username).getResultList().isEmpty()) {
            throw BilimException.forField(ProblemCode.STAFF_USERNAME_TAKEN, "username", username);
        }
        Facility facility = facilityFor(draft.role(), draft.facilityId());
        StaffAccount s = new StaffAccount(username, draft.fullName().strip(), draft.role(), facility,
                Language.require(draft.language(), "language"), hashing.hashPassword(draft.password()));
        em.persist(s);
        Flush.orConflict(em, ProblemCode.STAFF_USERNAME_TAKEN, "username", username);
        audit.append(caller.audit("staff.created", facility == null ? null : facility.id(), "staff", s.id(),
                username + " as " + draft.role()));
        return view(s);
    }

    @Transactional
    public StaffView update(long id, StaffChange change) {
        StaffAccount s = find(id);
        if (s.id() == caller.requireStaff().staffId() && (!change.enabled() || change.role() != Role.ADMIN)) {
            throw new BilimException(ProblemCode.STAFF_CANNOT_DISABLE_SELF);
        }
        Facility facility = facilityFor(change.role(), change.facilityId());
        Long before = s.facility() == null ? null : s.facility().id();
        Long after = facility == null ? null : facility.id();
        boolean rightsChanged = s.role() != change.role() || !Objects.equals(before, after) || !change.enabled();
        s.update(change.fullName().strip(), change.role(), facility, Language.require(change.language(), "language"), change.enabled());
        if (rightsChanged) {
            // Whatever the account could do a moment ago must not outlive the change.
            sessions.endForStaff(s.id());
        }
        em.flush();
        audit.append(caller.audit("staff.updated", facility == null ? null : facility.id(), "staff", s.id(),
                s.username() + " as " + change.role() + (change.enabled() ? "" : ", disabled")));
        return view(s);
    }

    @Transactional
    public void setPassword(long id, String password) {
        StaffAccount s = find(id);
        s.password(hashing.hashPassword(password));
        sessions.endForStaff(s.id());
        em.flush();
        audit.append(caller.audit("staff.password-reset", s.facility() == null ? null : s.facility().id(), "staff", s.id(),
                s.username()));
    }

    /**
     * Creates the first administrator from configuration when there is no staff account at all:
     * how a fresh production installation gets its first sign-in.
     */
    @Transactional
    public boolean bootstrapAdmin(String username, String password) {
        long count = em.createQuery("SELECT COUNT(s) FROM StaffAccount s", Long.class).getSingleResult();
        if (count > 0) {
            return false;
        }
        String name = username.strip().toLowerCase(Locale.ROOT);
        StaffAccount s = new StaffAccount(name, name, Role.ADMIN, null, Language.RU, hashing.hashPassword(password));
        em.persist(s);
        em.flush();
        audit.append(new AuditEntry(ActorKind.SYSTEM, null, null, "staff.created", null, "staff", s.id(),
                name + " as ADMIN (bootstrap administrator from configuration)", null));
        return true;
    }

    private Facility facilityFor(Role role, Long facilityId) {
        if (role == Role.OFFICER && facilityId == null) {
            throw BilimException.forField(ProblemCode.STAFF_OFFICER_NEEDS_FACILITY, "facilityId");
        }
        if (facilityId == null) {
            return null;
        }
        Facility f = em.find(Facility.class, facilityId);
        if (f == null) {
            throw new BilimException(ProblemCode.FACILITY_NOT_FOUND, facilityId);
        }
        return role == Role.ADMIN ? null : f;
    }

    private StaffAccount find(long id) {
        StaffAccount s = em.find(StaffAccount.class, id);
        if (s == null) {
            throw new BilimException(ProblemCode.STAFF_NOT_FOUND, id);
        }
        return s;
    }

    private Me me(StaffAccount s) {
        return new Me(s.id(), s.username(), s.fullName(), s.role(), facilityRef(s), s.language().tag(),
                config.staffIdleTimeout().toSeconds(), config.staffIdleWarning().toSeconds());
    }

    private static FacilityRef facilityRef(StaffAccount s) {
        return s.facility() == null ? null : new FacilityRef(s.facility().id(), s.facility().name());
    }

    static StaffView view(StaffAccount s) {
        return new StaffView(s.id(), s.username(), s.fullName(), s.role(), facilityRef(s), s.language().tag(), s.enabled(),
                s.lockedAt(Times.now()), s.createdAt());
    }
}
