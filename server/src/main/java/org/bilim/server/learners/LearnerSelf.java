package org.bilim.server.learners;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.bilim.server.learners.KioskSessionViews.KioskSession;
import org.bilim.server.learners.KioskSessionViews.LearnerProfile;
import org.bilim.server.learners.KioskSessionViews.Preferences;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.Language;
import org.bilim.server.sessions.Caller;

/** What a signed-in learner reads and changes about themselves at the kiosk. */
@ApplicationScoped
public class LearnerSelf {

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    BilimConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public KioskSession current() {
        return session(em.find(Learner.class, caller.requireLearner().learnerId()), caller.requireKiosk());
    }

    /** Language and accessibility: the learner's own choices, kept for their next sign-in. */
    @Transactional
    public KioskSession preferences(Preferences p) {
        Learner l = em.find(Learner.class, caller.requireLearner().learnerId());
        var a = p.accessibility();
        l.preferences(Language.require(p.language(), "language"), a.largeText(), a.highContrast(), a.screenReader());
        return session(l, caller.requireKiosk());
    }

    public KioskSession session(Learner l, Caller.KioskPrincipal kiosk) {
        return new KioskSession(LearnerProfile.of(l), kiosk.facilityName(), kiosk.name(), config.kioskIdleTimeout().toSeconds(),
                config.kioskIdleWarning().toSeconds());
    }
}
