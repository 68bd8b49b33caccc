package org.bilim.server.enrolments;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bilim.server.enrolments.EnrolmentService.ApprovedCourse;
import org.bilim.server.enrolments.EnrolmentService.EnrolRequest;
import org.bilim.server.enrolments.EnrolmentService.EnrolResult;
import org.bilim.server.enrolments.EnrolmentService.EnrolledLearner;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/** An officer enrols learners of their facility into approved courses. */
@Path("staff/enrolments")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = Role.OFFICER)
public class EnrolmentResource {
    @Inject
    EnrolmentService enrolments;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public EnrolResult enrol(@NotNull @Valid EnrolRequest body) {
        return enrolments.enrol(body);
    }

    @GET
    public List<EnrolledLearner> enrolled(@QueryParam("courseId") @NotNull Long courseId) {
        return enrolments.enrolled(courseId);
    }

    @GET
    @Path("courses")
    public List<ApprovedCourse> approvedCourses() {
        return enrolments.approvedCourses();
    }

    @DELETE
    @Path("{id}")
    public Response withdraw(@PathParam("id") long id) {
        enrolments.withdraw(id);
        return Response.noContent().build();
    }
}
