package org.bilim.server.learners;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Hashing;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Times;
import org.bilim.server.sessions.Caller.KioskPrincipal;
import org.bilim.server.sessions.SessionService;

/**
 * A learner signs in at a kiosk with learner number and PIN.
 *
 * <p>The lockout is exact under concurrency: an attempt is counted <em>before</em> the PIN is
 * checked, by one atomic update that succeeds only while fewer than five attempts are counted.
 * So however many requests arrive at once, at most five PINs are ever checked before an officer
 * unlocks the account; a right PIN resets the count. The PIN hash is checked outside any
 * transaction, so a classroom signing in at once does not hold database connections while hashing.
 */
@ApplicationScoped
public class LearnerSignIn {

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Hashing hashing;

    @Inject
    AuditLog audit;

    @Inject
    SessionService sessions;

    @Inject
    LearnerSignIn self;

    // The steps below are public only so that calls through the CDI proxy get their transactions.

    /** A learner who signed in, with the session token for the cookie. */
    public record SignedIn(Learner learner, String token) {
    }

    /** What the first step learned: who, their PIN hash, and which attempt this is. */
    public record Reservation(long learnerId, String pinHash, int attempt) {
    }

    public SignedIn signIn(KioskPrincipal kiosk, String learnerNumber, String pin, String address) {
        String number = LearnerService.normaliseNumber(learnerNumber);
        Reservation r = self.reserveAttempt(kiosk, number, pin, address);
        if (hashing.verifyPin(pin, r.pinHash())) {
            return self.complete(kiosk, r.learnerId());
        }
        self.recordFailure(kiosk, r, number, address);
        throw new BilimException(r.attempt() >= Learner.MAX_PIN_ATTEMPTS
                ? ProblemCode.SIGNIN_LOCKED : ProblemCode.SIGNIN_INVALID_CREDENTIALS);
    }

    @Transactional(dontRollbackOn = BilimException.class)
    public Reservation reserveAttempt(KioskPrincipal kiosk, String number, String pin, String address) {
        List<Object[]> rows = em.createQuery(
                        "SELECT l.id, l.status FROM Learner l WHERE l.facility.id = :f AND l.learnerNumber = :n", Object[].class)
                .setParameter("f", kiosk.facilityId())
                .setParameter("n", number)
                .getResultList();
        if (rows.isEmpty()) {
            hashing.decoyPinCheck(pin);
            refuse(kiosk, null, "learner.signin-failed", "unknown learner number " + number, address);
            throw new BilimException(ProblemCode.SIGNIN_INVALID_CREDENTIALS);
        }
        long id = (Long) rows.get(0)[0];
        if (rows.get(0)[1] != LearnerStatus.ACTIVE) {
            refuse(kiosk, id, "learner.signin-refused", "learner " + number + " is " + rows.get(0)[1], address);
            throw new BilimException(ProblemCode.SIGNIN_ACCOUNT_CLOSED);
        }
        int counted = em.createQuery("UPDATE Learner l SET l.failedPinAttempts = l.failedPinAttempts + 1 "
                        + "WHERE l.id = :id AND l.failedPinAttempts < :max")
                .setParameter("id", id)
                .setParameter("max", Learner.MAX_PIN_ATTEMPTS)
                .executeUpdate();
        if (counted == 0) {
            refuse(kiosk, id, "learner.signin-refused", "learner " + number + " is locked", address);
            throw new BilimException(ProblemCode.SIGNIN_LOCKED);
        }
        Object[] after = em.createQuery("SELECT l.pinHash, l.failedPinAttempts FROM Learner l WHERE l.id = :id", Object[].class)
                .setParameter("id", id)
                .getSingleResult();
        return new Reservation(id, (String) after[0], (Integer) after[1]);
    }

    @Transactional
    public SignedIn complete(KioskPrincipal kiosk, long learnerId) {
        em.createQuery("UPDATE Learner l SET l.failedPinAttempts = 0, l.lockedAt = NULL WHERE l.id = :id")
                .setParameter("id", learnerId)
                .executeUpdate();
        String token = sessions.startLearner(learnerId, kiosk.kioskId(), kiosk.facilityId());
        Learner learner = em.find(Learner.class, learnerId);
        return new SignedIn(learner, token);
    }

    @Transactional
    public void recordFailure(KioskPrincipal kiosk, Reservation r, String number, String address) {
        audit.append(entry(kiosk, r.learnerId(), "learner.signin-failed",
                "wrong PIN for learner " + number + " (attempt " + r.attempt() + " of " + Learner.MAX_PIN_ATTEMPTS + ")", address));
        if (r.attempt() >= Learner.MAX_PIN_ATTEMPTS) {
            em.createQuery("UPDATE Learner l SET l.lockedAt = :now WHERE l.id = :id AND l.lockedAt IS NULL")
                    .setParameter("now", Times.now())
                    .setParameter("id", r.learnerId())
                    .executeUpdate();
            audit.append(entry(kiosk, r.learnerId(), "learner.locked-out",
                    "learner " + number + " locked after " + Learner.MAX_PIN_ATTEMPTS + " wrong PINs", address));
        }
    }

    private void refuse(KioskPrincipal kiosk, Long learnerId, String action, String detail, String address) {
        audit.appendIndependently(entry(kiosk, learnerId, action, detail, address));
    }

    private static AuditEntry entry(KioskPrincipal kiosk, Long learnerId, String action, String detail, String address) {
        return new AuditEntry(ActorKind.KIOSK, kiosk.kioskId(), kiosk.name(), action, kiosk.facilityId(),
                learnerId == null ? null : "learner", learnerId, detail, address);
    }
}
