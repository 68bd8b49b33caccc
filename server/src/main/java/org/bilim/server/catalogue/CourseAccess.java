package org.bilim.server.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Caller;
import org.bilim.server.staff.Role;

/**
 * Who may author a course. Until LTI lands, administrators and officers author any course; a
 * lecturer authors only the courses they teach. A refusal is audited.
 */
@ApplicationScoped
public class CourseAccess {
    @Inject
    Caller caller;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    AuditLog audit;

    public boolean mayAuthor(long courseId) {
        Caller.StaffPrincipal staff = caller.requireStaff();
        return staff.role() != Role.LECTURER || catalogue.teaches(courseId, staff.staffId());
    }

    public Course requireAuthor(long courseId) {
        Course course = catalogue.course(courseId);
        if (!mayAuthor(courseId)) {
            audit.appendIndependently(caller.audit("access.denied", null, "course", courseId, "course not taught by this lecturer"));
            throw new BilimException(ProblemCode.COURSE_NOT_AUTHOR, courseId);
        }
        return course;
    }
}
