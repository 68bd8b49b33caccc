package org.bilim.server.learners;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.facilities.Facility;
import org.bilim.server.learners.LearnerViews.LearnerChange;
import org.bilim.server.learners.LearnerViews.LearnerPage;
import org.bilim.server.learners.LearnerViews.LearnerView;
import org.bilim.server.learners.LearnerViews.LearnerWithPin;
import org.bilim.server.learners.LearnerViews.NewLearner;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Flush;
import org.bilim.server.platform.Hashing;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Tokens;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.OfficerScope;
import org.bilim.server.sessions.SessionService;

/**
 * What an education officer does with the learners of their facility. Every method works inside
 * the officer's own facility: a learner of another facility is reported as not found (and the
 * attempt audited), whatever its id.
 */
@ApplicationScoped
public class LearnerService {
    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    OfficerScope scope;

    @Inject
    AuditLog audit;

    @Inject
    Hashing hashing;

    @Inject
    SessionService sessions;

    @Transactional(Transactional.TxType.SUPPORTS)
    public LearnerPage search(String query, LearnerStatus status, int page, int size) {
        long facilityId = scope.facility();
        int p = Math.max(0, page);
        int s = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        String where = " WHERE l.facility.id = :f"
                + (status == null ? "" : " AND l.status = :status")
                + (query == null || query.isBlank() ? ""
                    : " AND (LOWER(l.learnerNumber) LIKE :q ESCAPE '\\' OR LOWER(l.fullName) LIKE :q ESCAPE '\\')");
        var list = em.createQuery("SELECT l FROM Learner l" + where + " ORDER BY l.fullName, l.learnerNumber, l.id", Learner.class);
        var count = em.createQuery("SELECT COUNT(l) FROM Learner l" + where, Long.class);
        list.setParameter("f", facilityId);
        count.setParameter("f", facilityId);
        if (status != null) {
            list.setParameter("status", status);
            count.setParameter("status", status);
        }
        if (query != null && !query.isBlank()) {
            String like = "%" + escapeLike(query.trim().toLowerCase(Locale.ROOT)) + "%";
            list.setParameter("q", like);
            count.setParameter("q", like);
        }
        List<LearnerView> items = list.setFirstResult(p * s).setMaxResults(s).getResultList().stream()
                .map(LearnerView::of).toList();
        return new LearnerPage(items, count.getSingleResult(), p, s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LearnerView get(long id) {
        return LearnerView.of(inOwnFacility(id));
    }

    @Transactional
    public LearnerWithPin create(NewLearner draft) {
        long facilityId = scope.facility();
        String number = normaliseNumber(draft.learnerNumber());
        requireNumberFree(facilityId, number, null);
        String pin = Tokens.newPin();
        Learner l = new Learner(em.getReference(Facility.class, facilityId), number, draft.fullName().strip(),
                Language.require(draft.language(), "language"), hashing.hashPin(pin));
        if (draft.accessibility() != null) {
            var a = draft.accessibility();
            l.preferences(l.language(), a.largeText(), a.highContrast(), a.screenReader());
        }
        em.persist(l);
        Flush.orConflict(em, ProblemCode.LEARNER_NUMBER_TAKEN, "learnerNumber", number);
        audit.append(caller.audit("learner.created", facilityId, "learner", l.id(), "learner " + number));
        return new LearnerWithPin(LearnerView.of(l), pin);
    }

    @Transactional
    public LearnerView update(long id, LearnerChange change) {
        Learner l = inOwnFacility(id);
        if (l.version() != change.version()) {
            throw new BilimException(ProblemCode.CONCURRENT_CHANGE);
        }
        String number = normaliseNumber(change.learnerNumber());
        requireNumberFree(l.facility().id(), number, l.id());
        LearnerStatus before = l.status();
        l.update(number, change.fullName().strip(), Language.require(change.language(), "language"), change.status());
        if (change.accessibility() != null) {
            var a = change.accessibility();
            l.preferences(l.language(), a.largeText(), a.highContrast(), a.screenReader());
        }
        if (before == LearnerStatus.ACTIVE && change.status() != LearnerStatus.ACTIVE) {
            sessions.endForLearner(l.id());
        }
        Flush.orConflict(em, ProblemCode.LEARNER_NUMBER_TAKEN, "learnerNumber", number);
        audit.append(caller.audit("learner.updated", l.facility().id(), "learner", l.id(),
                "learner " + number + (before != change.status() ? ", status " + before + " -> " + change.status() : "")));
        return LearnerView.of(l);
    }

    /** A new PIN, shown once to the officer; any lockout ends and any session of the learner ends. */
    @Transactional
    public LearnerWithPin resetPin(long id) {
        Learner l = inOwnFacility(id);
        String pin = Tokens.newPin();
        l.newPin(hashing.hashPin(pin));
        sessions.endForLearner(l.id());
        em.flush();
        audit.append(caller.audit("learner.pin-reset", l.facility().id(), "learner", l.id(), "learner " + l.learnerNumber()));
        return new LearnerWithPin(LearnerView.of(l), pin);
    }

    @Transactional
    public LearnerView unlock(long id) {
        Learner l = inOwnFacility(id);
        l.unlock();
        em.flush();
        audit.append(caller.audit("learner.unlocked", l.facility().id(), "learner", l.id(), "learner " + l.learnerNumber()));
        return LearnerView.of(l);
    }

    private Learner inOwnFacility(long id) {
        Learner found = em.find(Learner.class, id);
        if (found == null) {
            throw new BilimException(ProblemCode.LEARNER_NOT_FOUND, id);
        }
        scope.requireOwn(found.facility().id(), "learner", id, ProblemCode.LEARNER_NOT_FOUND);
        return found;
    }

    private void requireNumberFree(long facilityId, String number, Long except) {
        List<Long> ids = em.createQuery("SELECT l.id FROM Learner l WHERE l.facility.id = :f AND l.learnerNumber = :n", Long.class)
                .setParameter("f", facilityId)
                .setParameter("n", number)
                .getResultList();
        if (ids.stream().anyMatch(i -> !i.equals(except))) {
            throw BilimException.forField(ProblemCode.LEARNER_NUMBER_TAKEN, "learnerNumber", number);
        }
    }

    static String normaliseNumber(String number) {
        return number.strip().toUpperCase(Locale.ROOT);
    }


    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
