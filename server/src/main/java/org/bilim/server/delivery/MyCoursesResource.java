package org.bilim.server.delivery;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bilim.server.delivery.KioskViews.MyCourse;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;

/** The kiosk home: the signed-in learner's courses with progress and where to continue. */
@Path("kiosk/me/courses")
@Produces(MediaType.APPLICATION_JSON)
@Access(Audience.LEARNER)
public class MyCoursesResource {
    @Inject
    LearnerCourses courses;

    @GET
    public List<MyCourse> mine() {
        return courses.mine();
    }
}
