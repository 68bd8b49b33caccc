package org.bilim.server.enrolments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.Course;
import org.bilim.server.catalogue.CourseCatalogue;
import org.bilim.server.catalogue.VisibleVersion;
import org.bilim.server.learners.Learner;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Flush;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.OfficerScope;

/**
 * Officers enrol the learners of their facility, one or many at once, into courses their
 * facility approved. Enrolling twice changes nothing; each new enrolment is audited.
 */
@ApplicationScoped
@Transactional
public class EnrolmentService {
    public static final int MAX_BATCH = 500;

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    OfficerScope scope;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    AuditLog audit;

    public record EnrolRequest(@NotNull Long courseId, @NotNull @Size(min = 1, max = MAX_BATCH) List<@NotNull Long> learnerIds) {
    }

    public record EnrolResult(long courseId, List<Long> enrolled, List<Long> alreadyEnrolled) {
    }

    public record ApprovedCourse(long id, String code, String title, String university, String language, int version) {
    }

    public record EnrolledLearner(long enrolmentId, long learnerId, String learnerNumber, String fullName,
                                  OffsetDateTime enrolledAt, int items, int completed) {
    }

    public EnrolResult enrol(EnrolRequest request) {
        long facility = scope.facility();
        Course course = catalogue.course(request.courseId());
        if (catalogue.visible(course.id(), facility).isEmpty()) {
            throw BilimException.forField(ProblemCode.ENROLMENT_COURSE_NOT_APPROVED, "courseId", course.id());
        }
        Set<Long> ids = new LinkedHashSet<>(request.learnerIds());
        List<Learner> learners = em.createQuery("SELECT l FROM Learner l WHERE l.id IN :ids", Learner.class)
                .setParameter("ids", ids).getResultList();
        Map<Long, Learner> byId = learners.stream().collect(Collectors.toMap(Learner::id, l -> l));
        for (Long id : ids) {
            Learner l = byId.get(id);
            scope.requireOwn(l == null ? null : l.facility().id(), "learner", id, ProblemCode.LEARNER_NOT_FOUND);
        }
        Set<Long> existing = new java.util.HashSet<>(em.createQuery(
                        "SELECT e.learner.id FROM Enrolment e WHERE e.course = :c AND e.learner.id IN :ids", Long.class)
                .setParameter("c", course).setParameter("ids", ids).getResultList());
        List<Long> enrolled = new ArrayList<>();
        List<Long> already = new ArrayList<>();
        for (Long id : ids) {
            if (existing.contains(id)) {
                already.add(id);
                continue;
            }
            Learner l = byId.get(id);
            em.persist(new Enrolment(l, course));
            enrolled.add(id);
        }
        Flush.orConflict(em, ProblemCode.CONCURRENT_CHANGE, "learnerIds");
        for (Long id : enrolled) {
            audit.append(caller.audit("enrolment.created", facility, "learner", id,
                    "course " + course.id() + " " + course.code()));
        }
        return new EnrolResult(course.id(), enrolled, already);
    }

    public void withdraw(long enrolmentId) {
        Enrolment e = em.find(Enrolment.class, enrolmentId);
        if (e == null) {
            throw new BilimException(ProblemCode.ENROLMENT_NOT_FOUND, enrolmentId);
        }
        scope.requireOwn(e.learner().facility().id(), "enrolment", enrolmentId, ProblemCode.ENROLMENT_NOT_FOUND);
        em.remove(e);
        audit.append(caller.audit("enrolment.withdrawn", scope.facility(), "learner", e.learner().id(),
                "course " + e.course().id() + " " + e.course().code()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApprovedCourse> approvedCourses() {
        long facility = scope.facility();
        List<Course> all = em.createQuery("SELECT c FROM Course c JOIN FETCH c.university ORDER BY c.title, c.id", Course.class)
                .getResultList();
        List<ApprovedCourse> out = new ArrayList<>();
        for (Course c : all) {
            catalogue.visible(c.id(), facility).ifPresent(v -> out.add(new ApprovedCourse(c.id(), c.code(), v.content().title(),
                    c.university().name(), c.language().tag(), v.number())));
        }
        return out;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EnrolledLearner> enrolled(long courseId) {
        long facility = scope.facility();
        catalogue.course(courseId);
        VisibleVersion visible = catalogue.visible(courseId, facility).orElse(null);
        Set<String> keys = visible == null ? Set.of()
                : visible.content().items().map(i -> i.key()).collect(Collectors.toSet());
        List<Enrolment> found = em.createQuery("SELECT e FROM Enrolment e JOIN FETCH e.learner l WHERE e.course.id = :c "
                        + "AND l.facility.id = :f ORDER BY l.fullName, l.learnerNumber", Enrolment.class)
                .setParameter("c", courseId).setParameter("f", facility).getResultList();
        List<EnrolledLearner> out = new ArrayList<>();
        for (Enrolment e : found) {
            @SuppressWarnings("unchecked")
            List<String> done = em.createNativeQuery("SELECT item_key FROM progress WHERE learner_id = ?1 AND course_id = ?2 "
                            + "AND completed_at IS NOT NULL")
                    .setParameter(1, e.learner().id()).setParameter(2, courseId).getResultList();
            int completed = (int) done.stream().filter(keys::contains).count();
            out.add(new EnrolledLearner(e.id(), e.learner().id(), e.learner().learnerNumber(), e.learner().fullName(),
                    e.enrolledAt(), keys.size(), completed));
        }
        return out;
    }
}
