package org.bilim.server.enrolments;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.sessions.Caller;

/** The signed-in learner's courses. */
@Path("kiosk/me/courses")
@Produces(MediaType.APPLICATION_JSON)
public class MyCoursesResource {

    @Inject
    MyCourses courses;

    @Inject
    Caller caller;

    @GET
    @Access(Audience.LEARNER)
    public List<MyCourses.CourseSummary> list() {
        return courses.of(caller.requireLearner().learnerId());
    }
}
