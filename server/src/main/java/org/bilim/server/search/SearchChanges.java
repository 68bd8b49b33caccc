package org.bilim.server.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.bilim.server.platform.Times;

/**
 * The feed of changes to what is searchable. A change is recorded in the transaction that makes
 * it, so it exists exactly when the change committed; each node reads the feed after its index's
 * mark and brings its index up to date.
 */
@ApplicationScoped
public class SearchChanges {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    /** One change: its place in the feed and the course whose searchable content may differ now. */
    public record Change(long id, long courseId, OffsetDateTime changedAt) {
    }

    /** Records, in the caller's transaction, that what is searchable of a course may have changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long courseId) {
        em.createNativeQuery("INSERT INTO search_change (course_id, changed_at) VALUES (?1, ?2)")
                .setParameter(1, courseId).setParameter(2, Times.now()).executeUpdate();
    }

    /**
     * Changes after {@code after}, and those after {@code lookBack} that were recorded since
     * {@code recentSince}: ids are handed out when a row is written, not when it commits, so a
     * slow transaction can commit an id below one already applied.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Change> since(long after, long lookBack, OffsetDateTime recentSince) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, course_id, changed_at FROM search_change "
                        + "WHERE id > ?1 OR (id > ?2 AND changed_at >= ?3) ORDER BY id")
                .setParameter(1, after).setParameter(2, lookBack).setParameter(3, recentSince)
                .getResultList();
        return rows.stream().map(r -> new Change(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                Times.of(r[2]))).toList();
    }

    /** The newest change recorded so far (0 if none). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long latest() {
        Number n = (Number) em.createNativeQuery("SELECT COALESCE(MAX(id), 0) FROM search_change").getSingleResult();
        return n.longValue();
    }
}
