package org.bilim.server.submissions;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;
import org.bilim.server.submissions.SubmissionViews.Grade;
import org.bilim.server.submissions.SubmissionViews.StaffSubmission;

/** Officers read and grade the case-study submissions of their facility's learners; lecturers those of the courses they teach. */
@Path("staff/submissions")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = {Role.OFFICER, Role.LECTURER})
public class StaffSubmissionResource {
    @Inject
    SubmissionService submissions;

    @GET
    public List<StaffSubmission> list(@QueryParam("state") @Size(max = 16) String state, @QueryParam("course") Long courseId) {
        return submissions.list(state, courseId);
    }

    @GET
    @Path("{id}")
    public StaffSubmission get(@PathParam("id") long id) {
        return submissions.get(id);
    }

    @PUT
    @Path("{id}/grade")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffSubmission grade(@PathParam("id") long id, @NotNull @Valid Grade body) {
        return submissions.grade(id, body);
    }
}
