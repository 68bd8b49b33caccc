package org.bilim.server.sessions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import org.bilim.server.facilities.Facility;
import org.bilim.server.kiosks.Kiosk;
import org.bilim.server.learners.Learner;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Times;
import org.bilim.server.platform.Tokens;
import org.bilim.server.testing.Deployments;
import org.bilim.server.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sessions in the database: idle ones end on the server whatever the kiosk does, and one learner sits at one kiosk. */
@ExtendWith(ArquillianExtension.class)
class SessionServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bilim(SessionServiceIT.class);
    }

    @Inject
    SessionService sessions;

    @Inject
    TestData data;

    private long[] learnerAndKiosk() {
        Facility f = data.facility();
        return data.inTx(em -> {
            Facility facility = em.find(Facility.class, f.id());
            Learner l = new Learner(facility, TestData.unique("S-"), "Session learner", Language.RU, "h");
            Kiosk a = new Kiosk(facility, null, "A");
            Kiosk b = new Kiosk(facility, null, "B");
            em.persist(l);
            em.persist(a);
            em.persist(b);
            em.flush();
            return new long[] {l.id(), a.id(), b.id(), facility.id()};
        });
    }

    private void idleFor(String token, long seconds) {
        data.run(em -> em.createQuery("UPDATE Session s SET s.lastSeenAt = :t WHERE s.tokenHash = :h")
                .setParameter("t", Times.now().minusSeconds(seconds))
                .setParameter("h", Tokens.sha256(token))
                .executeUpdate());
    }

    @Test
    void anIdleLearnerSessionEndsOnTheServerAndIsRemoved() {
        long[] ids = learnerAndKiosk();
        String token = sessions.startLearner(ids[0], ids[1], ids[3]);
        assertThat(sessions.resolve(token, SessionKind.LEARNER).learnerId()).isEqualTo(ids[0]);

        long limit = sessions.idleLimit(SessionKind.LEARNER).toSeconds();
        idleFor(token, limit - 5);
        assertThat(sessions.resolve(token, SessionKind.LEARNER).learnerId()).as("still within the limit").isEqualTo(ids[0]);

        idleFor(token, limit + 5);
        assertThatThrownBy(() -> sessions.resolve(token, SessionKind.LEARNER))
                .isInstanceOfSatisfying(BilimException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.SESSION_EXPIRED));
        assertThatThrownBy(() -> sessions.resolve(token, SessionKind.LEARNER))
                .as("the expired session was deleted, not just refused")
                .isInstanceOfSatisfying(BilimException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.SESSION_REQUIRED));
    }

    @Test
    void activityKeepsASessionAlive() {
        long[] ids = learnerAndKiosk();
        String token = sessions.startLearner(ids[0], ids[1], ids[3]);
        long limit = sessions.idleLimit(SessionKind.LEARNER).toSeconds();
        idleFor(token, limit - 5);
        sessions.touch(token);
        idleFor(token, 0);
        assertThat(sessions.resolve(token, SessionKind.LEARNER)).isNotNull();
    }

    @Test
    void signingInElsewhereEndsTheSessionAtTheFirstKiosk() {
        long[] ids = learnerAndKiosk();
        String first = sessions.startLearner(ids[0], ids[1], ids[3]);
        String second = sessions.startLearner(ids[0], ids[2], ids[3]);
        assertThatThrownBy(() -> sessions.resolve(first, SessionKind.LEARNER)).isInstanceOf(BilimException.class);
        assertThat(sessions.resolve(second, SessionKind.LEARNER).kioskId()).isEqualTo(ids[2]);
    }

    @Test
    void aStaffTokenIsNotALearnerSessionAndTheOtherWayRound() {
        long[] ids = learnerAndKiosk();
        String learner = sessions.startLearner(ids[0], ids[1], ids[3]);
        assertThatThrownBy(() -> sessions.resolve(learner, SessionKind.STAFF))
                .isInstanceOfSatisfying(BilimException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.SESSION_REQUIRED));
    }

    @Test
    void purgeRemovesOnlyExpiredSessions() {
        long[] ids = learnerAndKiosk();
        String old = sessions.startLearner(ids[0], ids[1], ids[3]);
        idleFor(old, sessions.idleLimit(SessionKind.LEARNER).toSeconds() + 60);
        long[] other = learnerAndKiosk();
        String fresh = sessions.startLearner(other[0], other[1], other[3]);
        assertThat(sessions.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(sessions.resolve(fresh, SessionKind.LEARNER)).isNotNull();
        assertThatThrownBy(() -> sessions.resolve(old, SessionKind.LEARNER))
                .isInstanceOfSatisfying(BilimException.class, e -> assertThat(e.problem()).isEqualTo(ProblemCode.SESSION_REQUIRED));
    }
}
