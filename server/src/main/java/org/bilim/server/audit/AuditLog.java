package org.bilim.server.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.bilim.server.platform.Times;

/**
 * Bilim's tamper-evident audit log. {@link #append} joins the caller's transaction, so an
 * action and its audit entry commit together or not at all; {@link #appendIndependently} is for
 * refusals (a wrong PIN, a locked kiosk) whose own transaction rolls back but which must still be
 * recorded.
 *
 * <p>Lock order: appending locks the chain's head, so a transaction appends <em>after</em> it
 * has written its rows, never before. And {@link #appendIndependently} is never called from a
 * transaction that has written rows: it would wait for the head on a second connection while
 * holding those rows on the first, a deadlock the database cannot see.
 */
@ApplicationScoped
public class AuditLog {
    private static final int PAGE = 500;

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Transactional(Transactional.TxType.REQUIRED)
    public long append(AuditEntry entry) {
        AuditHead head = em.find(AuditHead.class, AuditHead.ID, LockModeType.PESSIMISTIC_WRITE);
        long seq = head.lastSeq() + 1;
        OffsetDateTime at = Times.now();
        String hash = AuditChain.hash(seq, at, entry.actorKind().name(), entry.actorId(), entry.actorLabel(),
                entry.action(), entry.facilityId(), entry.targetKind(), entry.targetId(), entry.detail(),
                entry.sourceAddress(), head.lastHash());
        em.persist(new AuditEvent(seq, at, entry, head.lastHash(), hash));
        head.advance(seq, hash);
        return seq;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long appendIndependently(AuditEntry entry) {
        return append(entry);
    }

    /** Newest first; an officer's view is limited to their facility, an administrator's is not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> page(Long facilityId, int page, int size) {
        var q = facilityId == null
                ? em.createQuery("SELECT e FROM AuditEvent e ORDER BY e.seq DESC", AuditEvent.class)
                : em.createQuery("SELECT e FROM AuditEvent e WHERE e.facilityId = :f ORDER BY e.seq DESC", AuditEvent.class)
                        .setParameter("f", facilityId);
        return q.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(Long facilityId) {
        var q = facilityId == null
                ? em.createQuery("SELECT COUNT(e) FROM AuditEvent e", Long.class)
                : em.createQuery("SELECT COUNT(e) FROM AuditEvent e WHERE e.facilityId = :f", Long.class)
                        .setParameter("f", facilityId);
        return q.getSingleResult();
    }

    /** Walks the whole chain from the first event and reports the first one that does not fit. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditVerification verify() {
        OffsetDateTime now = Times.now();
        String prev = AuditHead.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEvent> batch = em.createQuery(
                            "SELECT e FROM AuditEvent e WHERE e.seq >= :from ORDER BY e.seq", AuditEvent.class)
                    .setParameter("from", expectedSeq)
                    .setMaxResults(PAGE)
                    .getResultList();
            for (AuditEvent e : batch) {
                if (e.seq() != expectedSeq) {
                    return new AuditVerification(false, checked, e.seq(), "missing", now);
                }
                if (!e.prevHash().equals(prev)) {
                    return new AuditVerification(false, checked, e.seq(), "unlinked", now);
                }
                if (!AuditChain.hash(e).equals(e.hash())) {
                    return new AuditVerification(false, checked, e.seq(), "altered", now);
                }
                prev = e.hash();
                expectedSeq++;
                checked++;
            }
            em.clear();
            if (batch.size() < PAGE) {
                break;
            }
        }
        AuditHead head = em.find(AuditHead.class, AuditHead.ID);
        if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(prev)) {
            return new AuditVerification(false, checked, expectedSeq, "truncated", now);
        }
        return new AuditVerification(true, checked, null, null, now);
    }
}
