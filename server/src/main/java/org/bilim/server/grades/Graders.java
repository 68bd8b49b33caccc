package org.bilim.server.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.CourseAccess;
import org.bilim.server.learners.Learner;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.OfficerScope;
import org.bilim.server.staff.Role;

/**
 * Who may grade a learner's work, and see where its grade went: a lecturer of the work's course,
 * or an officer of the learner's facility. Anything else is answered as not found (ids reveal
 * nothing) and audited.
 */
@ApplicationScoped
public class Graders {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    OfficerScope scope;

    @Inject
    CourseAccess courses;

    @Inject
    AuditLog audit;

    /** Whether the caller is a lecturer (who knows learners by pseudonym only). */
    public boolean lecturer() {
        return caller.requireStaff().role() == Role.LECTURER;
    }

    /**
     * Whose work a grader's list holds: an officer's facility's (returned, to filter by; a course is
     * optional), or, for a lecturer ({@code null}: no facility filter), one course they teach, which
     * they must name.
     */
    public Long listFacility(Long courseId) {
        if (lecturer()) {
            if (courseId == null) {
                throw BilimException.forField(ProblemCode.SUBMISSION_COURSE_REQUIRED, "course");
            }
            courses.requireAuthor(courseId);
            return null;
        }
        return scope.facility();
    }

    /** Refuses work of {@code learnerId} in {@code courseId} that the caller may not grade. */
    public void requireGrader(long courseId, long learnerId, String kind, long id, ProblemCode notFound) {
        if (lecturer()) {
            if (!courses.mayAuthor(courseId)) {
                audit.appendIndependently(caller.audit("access.denied", null, kind, id, "course not taught by this lecturer"));
                throw new BilimException(notFound, id);
            }
            return;
        }
        scope.requireOwn(em.find(Learner.class, learnerId).facility().id(), kind, id, notFound);
    }
}
