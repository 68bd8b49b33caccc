package org.bilim.server.vetting;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bilim.server.search.SearchIndex;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;
import org.bilim.server.vetting.VettingService.DecisionRequest;
import org.bilim.server.vetting.VettingService.DecisionResult;

/**
 * Officers decide on course versions for their facility. The preview and the linter report are
 * the course detail ({@code GET /staff/courses/{id}}), whose ETag is the hash to decide on.
 */
@Path("staff/course-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = Role.OFFICER)
public class VettingResource {
    @Inject
    VettingService vetting;

    @Inject
    SearchIndex search;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response decide(@NotNull @Valid DecisionRequest body) {
        DecisionResult result = vetting.decide(body);
        // Committed: the index takes the change now, so the decision is searchable when this answers.
        search.changed();
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    @GET
    public List<DecisionResult> history(@QueryParam("courseId") @NotNull Long course) {
        return vetting.history(course);
    }
}
