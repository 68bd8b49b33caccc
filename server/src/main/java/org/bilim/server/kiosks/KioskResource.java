package org.bilim.server.kiosks;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bilim.server.kiosks.KioskViews.KioskView;
import org.bilim.server.kiosks.KioskViews.KioskWithCode;
import org.bilim.server.kiosks.KioskViews.NewKiosk;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/** An officer's kiosks: register, show a new enrolment code, lock and unlock. */
@Path("staff/kiosks")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = Role.OFFICER)
public class KioskResource {

    @Inject
    KioskService kiosks;

    @GET
    public List<KioskView> list() {
        return kiosks.list();
    }

    @GET
    @Path("{id}")
    public KioskView get(@PathParam("id") long id) {
        return kiosks.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull @Valid NewKiosk body) {
        KioskWithCode created = kiosks.register(body);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("{id}/enrolment-code")
    public KioskWithCode newCode(@PathParam("id") long id) {
        return kiosks.newEnrolmentCode(id);
    }

    @POST
    @Path("{id}/lock")
    public KioskView lock(@PathParam("id") long id) {
        return kiosks.lock(id);
    }

    @POST
    @Path("{id}/unlock")
    public KioskView unlock(@PathParam("id") long id) {
        return kiosks.unlock(id);
    }
}
