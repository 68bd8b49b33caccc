package org.bilim.server.grades;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bilim.server.grades.GradeViews.DeliveryView;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/** Grades on their way to the university gradebooks: pending, sent, failed with the reason; a failed one sent again. */
@Path("staff/grade-deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = {Role.OFFICER, Role.LECTURER})
public class GradeDeliveryResource {
    @Inject
    GradeDeliveries deliveries;

    @GET
    public List<DeliveryView> list(@QueryParam("course") Long courseId, @QueryParam("state") @Size(max = 16) String state) {
        return deliveries.list(courseId, state);
    }

    @POST
    @Path("{id}/retry")
    public DeliveryView retry(@PathParam("id") long id) {
        return deliveries.retry(id);
    }
}
