package org.bilim.server.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.bilim.courses.content.Item;
import org.bilim.server.catalogue.Course;
import org.bilim.server.catalogue.CourseCatalogue;
import org.bilim.server.catalogue.VisibleVersion;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Caller;

/**
 * The per-object check behind every learner request: the signed-in learner is enrolled in the
 * course, and their facility approved a version of it. Anything else is answered as not found,
 * whether it exists or not.
 */
@ApplicationScoped
public class LearnerAccess {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CourseCatalogue catalogue;

    @Transactional(Transactional.TxType.SUPPORTS)
    public VisibleVersion course(long courseId) {
        return enrolled(courseId).version();
    }

    /** The course (with its university) and the version the learner sees, in as few queries as it takes. */
    public record Enrolled(Course course, VisibleVersion version) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Enrolled enrolled(long courseId) {
        Caller.LearnerPrincipal learner = caller.requireLearner();
        Course course = em.createQuery("SELECT c FROM Enrolment e JOIN e.course c JOIN FETCH c.university "
                        + "WHERE e.learner.id = :l AND c.id = :c", Course.class)
                .setParameter("l", learner.learnerId()).setParameter("c", courseId).getResultStream().findFirst()
                .orElseThrow(() -> new BilimException(ProblemCode.COURSE_NOT_FOUND, courseId));
        VisibleVersion version = catalogue.visible(courseId, learner.facilityId())
                .orElseThrow(() -> new BilimException(ProblemCode.COURSE_NOT_FOUND, courseId));
        return new Enrolled(course, version);
    }

    public Item item(VisibleVersion version, String itemKey) {
        return version.content().item(itemKey).orElseThrow(() -> new BilimException(ProblemCode.ITEM_NOT_FOUND, itemKey));
    }

    @SuppressWarnings("unchecked")
    public <T extends Item> T item(VisibleVersion version, String itemKey, Class<T> kind) {
        Item item = item(version, itemKey);
        if (!kind.isInstance(item)) {
            throw new BilimException(ProblemCode.ITEM_WRONG_KIND, itemKey);
        }
        return (T) item;
    }

    /** HTML stored with {@code /api/files/} links, as a kiosk must fetch them. */
    public static String forKiosk(String html) {
        return html == null ? "" : html.replace("\"/api/files/", "\"/api/kiosk/files/");
    }

    public static String fileUrl(String fileId) {
        return "/api/kiosk/files/" + fileId;
    }
}
