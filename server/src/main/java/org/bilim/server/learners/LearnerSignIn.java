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
import org.bilim.server.kiosks.KioskGate;
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
    KioskGate gate;

    @Inject
    LearnerSignIn self;

    // The steps below are public only so that calls through the CDI proxy get their transactions.

    /** A learner who signed in at a kiosk, with the session token for the cookie. */
    public record SignedIn(Learner learner, KioskPrincipal kiosk, String token) {
    }

    /** The first step's outcome: the attempt is counted ({@link Reservation}) or refused ({@link Refusal}). */
    public sealed interface Attempt permits Reservation, Refusal {
    }

    /** The attempt is counted: the kiosk, who signs in, their PIN hash, and which attempt this is. */
    public record Reservation(KioskPrincipal kiosk, long learnerId, String pinHash, int attempt) implements Attempt {
    }

    /** The attempt is refused before any PIN is checked; {@code decoy}: spend a PIN check's time anyway. */
    public record Refusal(BilimException error, AuditEntry audit, boolean decoy) implements Attempt {
    }

    /**
     * Signs a learner in at the kiosk whose device credential the request carries. A kiosk that is
     * unregistered, locked or outside its facility's network is refused, and the refusal audited.
     *
     * <p>Refusals are audited only after the step's transaction has ended: a transaction that has
     * counted an attempt holds the learner's row, and waiting in it for the audit chain's lock
     * (which a failure being recorded holds while it waits for that row) would deadlock across two
     * connections, where the database cannot see it.
     */
    public SignedIn signIn(String deviceToken, String learnerNumber, String pin, String address) {
        String number = LearnerService.normaliseNumber(learnerNumber);
        Attempt attempt = self.reserveAttempt(deviceToken, number, address);
        if (attempt instanceof Refusal refusal) {
            if (refusal.decoy()) {
                hashing.decoyPinCheck(pin);
            }
            audit.appendIndependently(refusal.audit());
            throw refusal.error();
        }
        Reservation r = (Reservation) attempt;
        if (hashing.verifyPin(pin, r.pinHash())) {
            return self.complete(r.kiosk(), r.learnerId());
        }
        self.recordFailure(r.kiosk(), r, number, address);
        throw new BilimException(r.attempt() >= Learner.MAX_PIN_ATTEMPTS
                ? ProblemCode.SIGNIN_LOCKED : ProblemCode.SIGNIN_INVALID_CREDENTIALS);
    }

    /** Admits the kiosk and counts the attempt, in one short transaction that audits nothing. */
    @Transactional(dontRollbackOn = BilimException.class)
    public Attempt reserveAttempt(String deviceToken, String number, String address) {
        KioskPrincipal kiosk;
        try {
            kiosk = gate.admit(deviceToken, address);
        } catch (BilimException refused) {
            return new Refusal(refused, new AuditEntry(ActorKind.ANONYMOUS, null, null, "learner.signin-refused", null, null,
                    null, "kiosk refused (" + refused.problem().code() + ") for learner number " + number, address), false);
        }
        List<Object[]> rows = em.createQuery(
                        "SELECT l.id, l.status FROM Learner l WHERE l.facility.id = :f AND l.learnerNumber = :n", Object[].class)
                .setParameter("f", kiosk.facilityId())
                .setParameter("n", number)
                .getResultList();
        if (rows.isEmpty()) {
            return new Refusal(new BilimException(ProblemCode.SIGNIN_INVALID_CREDENTIALS),
                    entry(kiosk, null, "learner.signin-failed", "unknown learner number " + number, address), true);
        }
        long id = (Long) rows.get(0)[0];
        if (rows.get(0)[1] != LearnerStatus.ACTIVE) {
            return new Refusal(new BilimException(ProblemCode.SIGNIN_ACCOUNT_CLOSED),
                    entry(kiosk, id, "learner.signin-refused", "learner " + number + " is " + rows.get(0)[1], address), false);
        }
        // Plain SQL: the attempt counter is not an edit of the learner, so it leaves the entity's
        // version alone (an officer's open form stays valid while the learner signs in).
        int counted = em.createNativeQuery("UPDATE learner SET failed_pin_attempts = failed_pin_attempts + 1 "
                        + "WHERE id = ? AND failed_pin_attempts < ?")
                .setParameter(1, id)
                .setParameter(2, Learner.MAX_PIN_ATTEMPTS)
                .executeUpdate();
        if (counted == 0) {
            return new Refusal(new BilimException(ProblemCode.SIGNIN_LOCKED),
                    entry(kiosk, id, "learner.signin-refused", "learner " + number + " is locked", address), false);
        }
        Object[] after = em.createQuery("SELECT l.pinHash, l.failedPinAttempts FROM Learner l WHERE l.id = :id", Object[].class)
                .setParameter("id", id)
                .getSingleResult();
        return new Reservation(kiosk, id, (String) after[0], (Integer) after[1]);
    }

    @Transactional
    public SignedIn complete(KioskPrincipal kiosk, long learnerId) {
        em.createNativeQuery("UPDATE learner SET failed_pin_attempts = 0, locked_at = NULL WHERE id = ?")
                .setParameter(1, learnerId)
                .executeUpdate();
        String token = sessions.startLearner(learnerId, kiosk.kioskId(), kiosk.facilityId());
        Learner learner = em.find(Learner.class, learnerId);
        return new SignedIn(learner, kiosk, token);
    }

    /** Records a wrong PIN (and the lockout, at the fifth): the learner's row first, the audit chain last. */
    @Transactional
    public void recordFailure(KioskPrincipal kiosk, Reservation r, String number, String address) {
        boolean lockout = r.attempt() >= Learner.MAX_PIN_ATTEMPTS;
        if (lockout) {
            em.createNativeQuery("UPDATE learner SET locked_at = ? WHERE id = ? AND locked_at IS NULL")
                    .setParameter(1, Times.now())
                    .setParameter(2, r.learnerId())
                    .executeUpdate();
        }
        audit.append(entry(kiosk, r.learnerId(), "learner.signin-failed",
                "wrong PIN for learner " + number + " (attempt " + r.attempt() + " of " + Learner.MAX_PIN_ATTEMPTS + ")", address));
        if (lockout) {
            audit.append(entry(kiosk, r.learnerId(), "learner.locked-out",
                    "learner " + number + " locked after " + Learner.MAX_PIN_ATTEMPTS + " wrong PINs", address));
        }
    }

    private static AuditEntry entry(KioskPrincipal kiosk, Long learnerId, String action, String detail, String address) {
        return new AuditEntry(ActorKind.KIOSK, kiosk.kioskId(), kiosk.name(), action, kiosk.facilityId(),
                learnerId == null ? null : "learner", learnerId, detail, address);
    }
}
