package org.bilim.server.learners;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bilim.server.learners.LearnerViews.LearnerChange;
import org.bilim.server.learners.LearnerViews.LearnerPage;
import org.bilim.server.learners.LearnerViews.LearnerView;
import org.bilim.server.learners.LearnerViews.LearnerWithPin;
import org.bilim.server.learners.LearnerViews.NewLearner;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/** An officer's learners: search, page through, create, edit, reset a PIN, unlock. */
@Path("staff/learners")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = Role.OFFICER)
public class LearnerResource {

    @Inject
    LearnerService learners;

    @GET
    public LearnerPage search(@QueryParam("q") @Size(max = 100) String q,
                              @QueryParam("status") LearnerStatus status,
                              @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
                              @QueryParam("size") @DefaultValue("25") @Min(1) @Max(LearnerService.MAX_PAGE_SIZE) int size) {
        return learners.search(q, status, page, size);
    }

    @GET
    @Path("{id}")
    public LearnerView get(@PathParam("id") long id) {
        return learners.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid NewLearner body) {
        return Response.status(Response.Status.CREATED).entity(learners.create(body)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public LearnerView update(@PathParam("id") long id, @NotNull @Valid LearnerChange body) {
        return learners.update(id, body);
    }

    @POST
    @Path("{id}/pin-reset")
    public LearnerWithPin resetPin(@PathParam("id") long id) {
        return learners.resetPin(id);
    }

    @POST
    @Path("{id}/unlock")
    public LearnerView unlock(@PathParam("id") long id) {
        return learners.unlock(id);
    }
}
