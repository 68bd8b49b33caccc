package org.bilim.server.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.bilim.server.platform.Durability;
import org.bilim.server.platform.Times;

/**
 * The courier's short transactions on the outbox: which deliveries are due, taking one (a lease,
 * so that of several nodes only one sends it), and recording what became of it. No transaction is
 * open while a platform is called.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class GradeLedger {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Durability durability;

    /** The service URLs of an LMS course, as its launches gave them. */
    public record Services(String lineItemsUrl, String agsScopes) {
    }

    public List<Long> due(int limit) {
        OffsetDateTime now = Times.now();
        return em.createQuery("SELECT d.id FROM GradeDelivery d WHERE d.state = :pending AND d.nextAttemptAt <= :now "
                        + "AND (d.leaseUntil IS NULL OR d.leaseUntil < :now) ORDER BY d.nextAttemptAt, d.id", Long.class)
                .setParameter("pending", GradeDelivery.State.PENDING).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** Takes a due delivery for {@code lease}, counting the attempt; empty if another node (or a newer grade) got there first. */
    public Optional<GradeDelivery> take(long id, Duration lease) {
        OffsetDateTime now = Times.now();
        int taken = em.createQuery("UPDATE GradeDelivery d SET d.leaseUntil = :until, d.attempts = d.attempts + 1, "
                        + "d.version = d.version + 1 WHERE d.id = :id AND d.state = :pending AND d.nextAttemptAt <= :now "
                        + "AND (d.leaseUntil IS NULL OR d.leaseUntil < :now)")
                .setParameter("until", now.plus(lease)).setParameter("id", id).setParameter("pending", GradeDelivery.State.PENDING)
                .setParameter("now", now).executeUpdate();
        if (taken == 0) {
            return Optional.empty();
        }
        GradeDelivery d = em.find(GradeDelivery.class, id);
        em.detach(d);
        return Optional.of(d);
    }

    public void sent(long id) {
        em.find(GradeDelivery.class, id).sent();
        durability.whenCommitted();
    }

    public void retryLater(long id, String error, Duration wait) {
        em.find(GradeDelivery.class, id).retryLater(error, wait);
    }

    public void failed(long id, String error) {
        em.find(GradeDelivery.class, id).failed(error);
    }

    @SuppressWarnings("unchecked")
    public Optional<Services> services(long platformId, String contextId) {
        List<Object[]> rows = em.createNativeQuery("SELECT lineitems_url, ags_scopes FROM lti_context WHERE platform_id = ?1 AND context_id = ?2")
                .setParameter(1, platformId).setParameter(2, contextId).getResultList();
        return rows.stream().filter(r -> r[0] != null).findFirst().map(r -> new Services((String) r[0], (String) r[1]));
    }

    public Optional<String> lineItem(long platformId, String contextId, String itemKey) {
        return em.createNativeQuery("SELECT url FROM lti_line_item WHERE platform_id = ?1 AND context_id = ?2 AND item_key = ?3")
                .setParameter(1, platformId).setParameter(2, contextId).setParameter(3, itemKey).getResultStream()
                .findFirst().map(String.class::cast);
    }

    /** Remembers the gradebook column of an item; the first one found stays. */
    public void rememberLineItem(long platformId, String contextId, String itemKey, String url) {
        if (lineItem(platformId, contextId, itemKey).isEmpty()) {
            em.createNativeQuery("INSERT INTO lti_line_item (platform_id, context_id, item_key, url, found_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, platformId).setParameter(2, contextId).setParameter(3, itemKey).setParameter(4, url)
                    .setParameter(5, Times.now()).executeUpdate();
        }
    }
}
