package org.bilim.server.grades;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bilim.server.grades.GradeViews.LmsCourse;
import org.bilim.server.grades.GradeViews.MatchChange;
import org.bilim.server.grades.GradeViews.RosterView;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/**
 * The LMS courses linked to Bilim courses and their rosters, for officers: read a roster from the
 * LMS, confirm which learner each student is. An LMS course is named by its platform and its
 * context id (query parameters: a context id is any text the LMS chose).
 */
@Path("staff/lms-courses")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = Role.OFFICER)
public class RosterResource {
    @Inject
    Rosters rosters;

    @GET
    public List<LmsCourse> list() {
        return rosters.lmsCourses();
    }

    @GET
    @Path("roster")
    public RosterView roster(@QueryParam("platform") long platformId, @QueryParam("context") @NotNull @Size(max = 255) String contextId) {
        return rosters.roster(platformId, contextId);
    }

    @POST
    @Path("roster/read")
    public RosterView read(@QueryParam("platform") long platformId, @QueryParam("context") @NotNull @Size(max = 255) String contextId) {
        return rosters.read(platformId, contextId);
    }

    @PUT
    @Path("roster/match")
    @Consumes(MediaType.APPLICATION_JSON)
    public RosterView match(@QueryParam("platform") long platformId, @QueryParam("context") @NotNull @Size(max = 255) String contextId,
                            @NotNull @Valid MatchChange body) {
        return rosters.match(platformId, contextId, body.userId(), body.learnerId());
    }
}
