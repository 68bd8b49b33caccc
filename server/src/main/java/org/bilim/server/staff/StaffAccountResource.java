package org.bilim.server.staff;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.StaffViews.NewPassword;
import org.bilim.server.staff.StaffViews.NewStaff;
import org.bilim.server.staff.StaffViews.StaffChange;
import org.bilim.server.staff.StaffViews.StaffView;

/** The administrator's staff accounts. */
@Path("staff/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = Role.ADMIN)
public class StaffAccountResource {

    @Inject
    StaffService staff;

    @GET
    public List<StaffView> list() {
        return staff.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid NewStaff body) {
        return Response.status(Response.Status.CREATED).entity(staff.create(body)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffView update(@PathParam("id") long id, @NotNull @Valid StaffChange body) {
        return staff.update(id, body);
    }

    @PUT
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response password(@PathParam("id") long id, @NotNull @Valid NewPassword body) {
        staff.setPassword(id, body.password());
        return Response.noContent().build();
    }
}
