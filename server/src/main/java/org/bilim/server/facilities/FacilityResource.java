package org.bilim.server.facilities;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bilim.server.facilities.FacilityViews.ClassroomDraft;
import org.bilim.server.facilities.FacilityViews.FacilityDraft;
import org.bilim.server.facilities.FacilityViews.FacilityView;
import org.bilim.server.facilities.FacilityViews.RangeDraft;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/** The administrator's facilities, with their classrooms and kiosk address ranges. */
@Path("staff/facilities")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = Role.ADMIN)
public class FacilityResource {

    @Inject
    FacilityService facilities;

    @GET
    public List<FacilityView> list() {
        return facilities.list();
    }

    @GET
    @Path("{id}")
    public FacilityView get(@PathParam("id") long id) {
        return facilities.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid FacilityDraft body) {
        return Response.status(Response.Status.CREATED).entity(facilities.create(body)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FacilityView update(@PathParam("id") long id, @NotNull @Valid FacilityDraft body) {
        return facilities.update(id, body);
    }

    @POST
    @Path("{id}/address-ranges")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addRange(@PathParam("id") long id, @NotNull @Valid RangeDraft body) {
        return Response.status(Response.Status.CREATED).entity(facilities.addRange(id, body)).build();
    }

    @DELETE
    @Path("{id}/address-ranges/{rangeId}")
    public Response removeRange(@PathParam("id") long id, @PathParam("rangeId") long rangeId) {
        facilities.removeRange(id, rangeId);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/classrooms")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addClassroom(@PathParam("id") long id, @NotNull @Valid ClassroomDraft body) {
        return Response.status(Response.Status.CREATED).entity(facilities.addClassroom(id, body)).build();
    }
}
