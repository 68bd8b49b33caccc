package org.bilim.server.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bilim.server.platform.Times;

/**
 * Writes and reads progress with plain SQL. {@code MERGE} (standard SQL, on H2 and PostgreSQL
 * 15+) makes the first view and every later one a single statement, so a record is never
 * written twice and a learner's own version counter is left alone.
 */
@ApplicationScoped
public class ProgressService {
    /** A single report never adds more than this much time: a kiosk left open is not study. */
    public static final int MAX_SECONDS_PER_REPORT = 300;

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    public record ItemProgress(String itemKey, OffsetDateTime firstViewedAt, OffsetDateTime lastViewedAt,
                               OffsetDateTime completedAt, long timeSpentSeconds, String position) {
        public boolean completed() {
            return completedAt != null;
        }
    }

    /** Records that the learner opened the item now; optionally completes it (files are done once opened). */
    @Transactional
    public void viewed(long learnerId, long courseId, String itemKey, boolean complete) {
        report(learnerId, courseId, itemKey, 0, null, complete);
    }

    /** A report from the kiosk: time spent since the last report, where the learner is, whether they finished. */
    @Transactional
    public void report(long learnerId, long courseId, String itemKey, int seconds, String position, boolean complete) {
        OffsetDateTime now = Times.now();
        long add = Math.max(0, Math.min(MAX_SECONDS_PER_REPORT, seconds));
        em.createNativeQuery("MERGE INTO progress p USING (VALUES (CAST(?1 AS BIGINT), CAST(?2 AS BIGINT), CAST(?3 AS VARCHAR(64)))) "
                        + "AS s (learner_id, course_id, item_key) "
                        + "ON p.learner_id = s.learner_id AND p.course_id = s.course_id AND p.item_key = s.item_key "
                        + "WHEN MATCHED THEN UPDATE SET last_viewed_at = ?4, time_spent_seconds = p.time_spent_seconds + ?5, "
                        + "position = COALESCE(CAST(?6 AS VARCHAR(64)), p.position), "
                        + "completed_at = COALESCE(p.completed_at, CAST(?7 AS TIMESTAMP WITH TIME ZONE)) "
                        + "WHEN NOT MATCHED THEN INSERT (learner_id, course_id, item_key, first_viewed_at, last_viewed_at, "
                        + "time_spent_seconds, position, completed_at) VALUES (s.learner_id, s.course_id, s.item_key, "
                        + "?4, ?4, ?5, CAST(?6 AS VARCHAR(64)), CAST(?7 AS TIMESTAMP WITH TIME ZONE))")
                .setParameter(1, learnerId).setParameter(2, courseId).setParameter(3, itemKey)
                .setParameter(4, now).setParameter(5, add).setParameter(6, position)
                .setParameter(7, complete ? now : null)
                .executeUpdate();
    }

    private static final String COLUMNS = "SELECT item_key, first_viewed_at, last_viewed_at, completed_at, time_spent_seconds, "
            + "position FROM progress WHERE learner_id = ?1 AND course_id = ?2";

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, ItemProgress> of(long learnerId, long courseId) {
        List<Object[]> rows = em.createNativeQuery(COLUMNS).setParameter(1, learnerId).setParameter(2, courseId).getResultList();
        Map<String, ItemProgress> out = new HashMap<>();
        rows.forEach(r -> out.put((String) r[0], row(r)));
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ItemProgress> one(long learnerId, long courseId, String itemKey) {
        List<Object[]> rows = em.createNativeQuery(COLUMNS + " AND item_key = ?3")
                .setParameter(1, learnerId).setParameter(2, courseId).setParameter(3, itemKey).getResultList();
        return rows.stream().findFirst().map(ProgressService::row);
    }

    private static ItemProgress row(Object[] r) {
        return new ItemProgress((String) r[0], Times.of(r[1]), Times.of(r[2]), Times.of(r[3]), ((Number) r[4]).longValue(),
                (String) r[5]);
    }
}
