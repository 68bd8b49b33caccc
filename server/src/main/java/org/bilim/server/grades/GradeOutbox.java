package org.bilim.server.grades;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bilim.server.grades.GradeDelivery.Cell;
import org.bilim.server.grades.GradeDelivery.Source;
import org.bilim.server.platform.Durability;
import org.bilim.server.platform.Times;

/**
 * Where a grade starts its way to the university: in the transaction that grades it, one delivery
 * per LMS course the Bilim course is linked to, for a student an officer confirmed is this learner.
 * Nothing is written for a learner nobody confirmed, nor for an LMS course that offered no grade
 * service. A grade for a disabled registration waits (the courier retries) until it is enabled
 * again. The courier is woken once the transaction commits.
 */
@ApplicationScoped
public class GradeOutbox {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    GradeCourier courier;

    @Inject
    Durability durability;

    /** A grade to pass back: what was graded and its result. */
    public record Grade(long courseId, String itemKey, String itemTitle, long learnerId, Source source, long sourceId,
                        BigDecimal score, BigDecimal maxScore, String feedback) {
    }

    /** Writes the grade's deliveries in the caller's transaction; returns how many were written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(Grade grade) {
        List<Cell> cells = cells(grade);
        for (Cell cell : cells) {
            // A newer grade makes an older one that has not left yet pointless; one in flight is left to land.
            em.createQuery("UPDATE GradeDelivery d SET d.state = :superseded, d.version = d.version + 1 WHERE d.state = :pending "
                            + "AND d.platformId = :p AND d.contextId = :c AND d.itemKey = :i AND d.userId = :u "
                            + "AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
                    .setParameter("superseded", GradeDelivery.State.SUPERSEDED).setParameter("pending", GradeDelivery.State.PENDING)
                    .setParameter("p", cell.platformId()).setParameter("c", cell.contextId()).setParameter("i", cell.itemKey())
                    .setParameter("u", cell.userId()).setParameter("now", Times.now()).executeUpdate();
            em.persist(new GradeDelivery(cell, grade.itemTitle(), grade.learnerId(), grade.source(), grade.sourceId(), grade.score(),
                    grade.maxScore(), grade.feedback(), timestamp(cell)));
        }
        if (!cells.isEmpty()) {
            em.flush();
            durability.whenCommitted();
            wakeCourierAfterCommit();
        }
        return cells.size();
    }

    /**
     * The cells this grade belongs in: each LMS course linked to the Bilim course that offered a
     * grade service, where an officer confirmed which student this learner is.
     */
    @SuppressWarnings("unchecked")
    private List<Cell> cells(Grade grade) {
        List<Object[]> rows = em.createNativeQuery("SELECT c.platform_id, c.context_id, m.user_id FROM lti_context c "
                        + "JOIN lti_member m ON m.platform_id = c.platform_id AND m.context_id = c.context_id "
                        + "WHERE c.course_id = ?1 AND m.learner_id = ?2 AND c.lineitems_url IS NOT NULL "
                        + "ORDER BY c.platform_id, c.context_id")
                .setParameter(1, grade.courseId()).setParameter(2, grade.learnerId()).getResultList();
        List<Cell> cells = new ArrayList<>();
        for (Object[] row : rows) {
            cells.add(new Cell(((Number) row[0]).longValue(), (String) row[1], grade.courseId(), grade.itemKey(), (String) row[2]));
        }
        return cells;
    }

    /**
     * Now, or just after the cell's last score if that is not earlier: AGS timestamps carry
     * milliseconds, and a platform keeps the score with the newest, so each must be later than the last.
     */
    private OffsetDateTime timestamp(Cell cell) {
        OffsetDateTime last = em.createQuery("SELECT MAX(d.scoreTimestamp) FROM GradeDelivery d WHERE d.platformId = :p "
                        + "AND d.contextId = :c AND d.itemKey = :i AND d.userId = :u", OffsetDateTime.class)
                .setParameter("p", cell.platformId()).setParameter("c", cell.contextId()).setParameter("i", cell.itemKey())
                .setParameter("u", cell.userId()).getSingleResult();
        OffsetDateTime now = Times.now();
        if (last == null) {
            return now;
        }
        OffsetDateTime next = Times.of(last).truncatedTo(ChronoUnit.MILLIS).plus(1, ChronoUnit.MILLIS);
        return now.isAfter(next) ? now : next;
    }

    private void wakeCourierAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    courier.wake();
                }
            }
        });
    }
}
