package org.bilim.server.facilities;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bilim.server.facilities.FacilityViews.ClassroomView;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/** The classrooms of the officer's own facility, to place kiosks in. */
@Path("staff/classrooms")
@Produces(MediaType.APPLICATION_JSON)
public class ClassroomResource {

    @Inject
    FacilityService facilities;

    @GET
    @Access(value = Audience.STAFF, roles = Role.OFFICER)
    public List<ClassroomView> list() {
        return facilities.ownClassrooms();
    }
}
