package org.bilim.server.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.bilim.server.learners.LearnerStatus;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.staff.Role;

/**
 * Reads what a session needs to know about its person on every request. A learner who is no
 * longer active, or a staff account that was disabled, loses their session at the next request.
 */
@ApplicationScoped
public class PrincipalLookup {

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public String learnerNumber(long learnerId) {
        List<Object[]> rows = em.createQuery("SELECT l.learnerNumber, l.status FROM Learner l WHERE l.id = :id", Object[].class)
                .setParameter("id", learnerId)
                .getResultList();
        if (rows.isEmpty() || rows.get(0)[1] != LearnerStatus.ACTIVE) {
            throw new BilimException(ProblemCode.SESSION_REQUIRED);
        }
        return (String) rows.get(0)[0];
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Caller.StaffPrincipal staff(long staffId) {
        List<Object[]> rows = em.createQuery(
                        "SELECT s.username, s.role, f.id, s.enabled FROM StaffAccount s LEFT JOIN s.facility f WHERE s.id = :id",
                        Object[].class)
                .setParameter("id", staffId)
                .getResultList();
        if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0)[3])) {
            throw new BilimException(ProblemCode.SESSION_REQUIRED);
        }
        Object[] r = rows.get(0);
        return new Caller.StaffPrincipal(staffId, (String) r[0], (Role) r[1], (Long) r[2]);
    }

}
