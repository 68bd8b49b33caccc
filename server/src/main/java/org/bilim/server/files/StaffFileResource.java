package org.bilim.server.files;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.bilim.courses.content.FileRef;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/**
 * Authors upload files (the raw bytes as the body, the name as a query parameter) and staff
 * fetch them for preview. What a file is comes from its bytes; HTML and SVG are refused.
 */
@Path("staff/files")
@Access(value = Audience.STAFF, roles = {Role.ADMIN, Role.OFFICER, Role.LECTURER})
public class StaffFileResource {

    @Inject
    FileStore store;

    @Inject
    FileDelivery delivery;

    @Inject
    BilimConfig config;

    @Inject
    FileLinks links;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@QueryParam("name") @NotBlank @Size(max = 255) String name, InputStream body) {
        FileRef ref = store.upload(body, name, config.uploadMaxBytes());
        return Response.status(Response.Status.CREATED).entity(ref).build();
    }

    /** A short-lived link to the file, for a page that cannot send its session (see {@link FileLinks}). */
    public record Link(String url, java.time.OffsetDateTime expiresAt) {
    }

    @POST
    @Path("{id}/link")
    @Produces(MediaType.APPLICATION_JSON)
    public Link link(@PathParam("id") @Size(max = 32) String id) {
        store.find(id).orElseThrow(() -> new BilimException(ProblemCode.FILE_NOT_FOUND, id));
        String token = links.create(id, caller.requireStaff().staffId());
        return new Link("/api/media/" + token, links.expiry());
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        StoredFile file = store.find(id).orElseThrow(() -> new BilimException(ProblemCode.FILE_NOT_FOUND, id));
        return delivery.send(file, headers);
    }
}
