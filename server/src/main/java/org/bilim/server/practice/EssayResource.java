package org.bilim.server.practice;

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
import org.bilim.server.practice.EssayGrading.EssayAttempt;
import org.bilim.server.practice.EssayGrading.EssayGrade;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/** Quiz attempts with essay answers, for the lecturers of the course and the officers of the learner's facility to grade. */
@Path("staff/quiz-attempts")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = {Role.OFFICER, Role.LECTURER})
public class EssayResource {
    @Inject
    EssayGrading essays;

    @GET
    public List<EssayAttempt> list(@QueryParam("course") Long courseId, @QueryParam("complete") Boolean complete) {
        return essays.list(courseId, complete);
    }

    @GET
    @Path("{id}")
    public EssayAttempt get(@PathParam("id") long id) {
        return essays.get(id);
    }

    @PUT
    @Path("{id}/essays/{question}")
    @Consumes(MediaType.APPLICATION_JSON)
    public EssayAttempt grade(@PathParam("id") long id, @PathParam("question") @Size(max = 64) String question,
                              @NotNull @Valid EssayGrade body) {
        return essays.grade(id, question, body);
    }
}
