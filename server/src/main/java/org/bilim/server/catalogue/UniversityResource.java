package org.bilim.server.catalogue;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bilim.server.catalogue.CourseViews.NewUniversity;
import org.bilim.server.catalogue.CourseViews.UniversityView;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/** The universities whose courses Bilim carries; administrators add them. */
@Path("staff/universities")
@Produces(MediaType.APPLICATION_JSON)
public class UniversityResource {

    @Inject
    AuthoringService authoring;

    @GET
    @Access(value = Audience.STAFF, roles = {Role.ADMIN, Role.OFFICER, Role.LECTURER})
    public List<UniversityView> list() {
        return authoring.universities();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Audience.STAFF, roles = Role.ADMIN)
    public Response create(@NotNull @Valid NewUniversity body) {
        return Response.status(Response.Status.CREATED).entity(authoring.createUniversity(body)).build();
    }
}
