package org.bilim.server.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Times;
import org.bilim.server.platform.Tokens;

/**
 * Starts, resolves and ends sessions. A session idles out on the server too: the kiosk warns and
 * signs out on its own, and the server refuses a learner session once it has been idle for the
 * kiosk timeout plus a minute of grace (the kiosk reports activity at most every few seconds), a
 * staff session after the staff timeout.
 */
@ApplicationScoped
public class SessionService {
    /**
     * A request within this interval of the last recorded one does not write to the database (or
     * within a quarter of the idle limit, if that is shorter).
     */
    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(15);
    private static final Duration LEARNER_GRACE = Duration.ofSeconds(60);

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    BilimConfig config;

    /** A learner signs in at a kiosk: one learner per kiosk and one kiosk per learner, so earlier sessions end. */
    @Transactional
    public String startLearner(long learnerId, long kioskId, long facilityId) {
        em.createQuery("DELETE FROM Session s WHERE s.kind = :kind AND (s.kioskId = :k OR s.learnerId = :l)")
                .setParameter("kind", SessionKind.LEARNER)
                .setParameter("k", kioskId)
                .setParameter("l", learnerId)
                .executeUpdate();
        String token = Tokens.newToken();
        em.persist(Session.learner(Tokens.sha256(token), learnerId, kioskId, facilityId, Times.now()));
        return token;
    }

    @Transactional
    public String startStaff(long staffId, Long facilityId) {
        String token = Tokens.newToken();
        em.persist(Session.staff(Tokens.sha256(token), staffId, facilityId, Times.now()));
        return token;
    }

    /**
     * The live session for a cookie, or a {@link ProblemCode#SESSION_REQUIRED} /
     * {@link ProblemCode#SESSION_EXPIRED} refusal. An expired session is deleted on the way.
     */
    @Transactional(dontRollbackOn = BilimException.class)
    public Session resolve(String token, SessionKind kind) {
        if (token == null || token.isBlank()) {
            throw new BilimException(ProblemCode.SESSION_REQUIRED);
        }
        List<Session> found = em.createQuery("SELECT s FROM Session s WHERE s.tokenHash = :h", Session.class)
                .setParameter("h", Tokens.sha256(token))
                .getResultList();
        if (found.isEmpty() || found.get(0).kind() != kind) {
            throw new BilimException(ProblemCode.SESSION_REQUIRED);
        }
        Session s = found.get(0);
        OffsetDateTime now = Times.now();
        if (s.lastSeenAt().plus(idleLimit(kind)).isBefore(now)) {
            em.remove(s);
            throw new BilimException(ProblemCode.SESSION_EXPIRED);
        }
        Duration touch = TOUCH_INTERVAL.compareTo(idleLimit(kind).dividedBy(4)) < 0 ? TOUCH_INTERVAL : idleLimit(kind).dividedBy(4);
        if (s.lastSeenAt().plus(touch).isBefore(now)) {
            s.seen(now);
        }
        return s;
    }

    /** Records activity now, whatever the touch interval: the kiosk calls this when the learner is active. */
    @Transactional
    public void touch(String token) {
        em.createQuery("UPDATE Session s SET s.lastSeenAt = :now WHERE s.tokenHash = :h")
                .setParameter("now", Times.now())
                .setParameter("h", Tokens.sha256(token))
                .executeUpdate();
    }

    @Transactional
    public void end(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        em.createQuery("DELETE FROM Session s WHERE s.tokenHash = :h")
                .setParameter("h", Tokens.sha256(token))
                .executeUpdate();
    }

    @Transactional
    public int endForKiosk(long kioskId) {
        return em.createQuery("DELETE FROM Session s WHERE s.kioskId = :k")
                .setParameter("k", kioskId)
                .executeUpdate();
    }

    @Transactional
    public int endForLearner(long learnerId) {
        return em.createQuery("DELETE FROM Session s WHERE s.learnerId = :l")
                .setParameter("l", learnerId)
                .executeUpdate();
    }

    @Transactional
    public int endForStaff(long staffId) {
        return em.createQuery("DELETE FROM Session s WHERE s.staffId = :s")
                .setParameter("s", staffId)
                .executeUpdate();
    }

    /** Removes sessions idle past their limit; run periodically so abandoned sessions do not pile up. */
    @Transactional
    public int purgeExpired() {
        OffsetDateTime now = Times.now();
        int learners = em.createQuery("DELETE FROM Session s WHERE s.kind = :kind AND s.lastSeenAt < :cutoff")
                .setParameter("kind", SessionKind.LEARNER)
                .setParameter("cutoff", now.minus(idleLimit(SessionKind.LEARNER)))
                .executeUpdate();
        int staff = em.createQuery("DELETE FROM Session s WHERE s.kind = :kind AND s.lastSeenAt < :cutoff")
                .setParameter("kind", SessionKind.STAFF)
                .setParameter("cutoff", now.minus(idleLimit(SessionKind.STAFF)))
                .executeUpdate();
        return learners + staff;
    }

    public Duration idleLimit(SessionKind kind) {
        return kind == SessionKind.LEARNER ? config.kioskIdleTimeout().plus(LEARNER_GRACE) : config.staffIdleTimeout();
    }
}
