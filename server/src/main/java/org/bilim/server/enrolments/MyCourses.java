package org.bilim.server.enrolments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;

/** The courses a learner is enrolled in, as the kiosk's home screen lists them. */
@ApplicationScoped
public class MyCourses {

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    public record CourseSummary(long id, String code, String title, String university, String language, int credits,
                                OffsetDateTime enrolledAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CourseSummary> of(long learnerId) {
        return em.createQuery("SELECT e FROM Enrolment e JOIN FETCH e.course c JOIN FETCH c.university "
                        + "WHERE e.learner.id = :l ORDER BY c.title, c.id", Enrolment.class)
                .setParameter("l", learnerId)
                .getResultList().stream()
                .map(e -> new CourseSummary(e.course().id(), e.course().code(), e.course().title(),
                        e.course().university().name(), e.course().language().tag(), e.course().credits(), e.enrolledAt()))
                .toList();
    }
}
