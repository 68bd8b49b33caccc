package org.bilim.server.files;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;

/**
 * A file reached through a short-lived link (see {@link FileLinks}): the link is the credential, so
 * the request needs no session. Ranges are served as for any stored file (a recording seeks).
 */
@Path("media")
@Access(Audience.PUBLIC)
public class MediaLinkResource {
    @Inject
    FileLinks links;

    @Inject
    FileStore store;

    @Inject
    FileDelivery delivery;

    @GET
    @Path("{token}")
    public Response get(@PathParam("token") @Size(max = 100) String token, @Context HttpHeaders headers) {
        StoredFile file = links.fileOf(token).flatMap(store::find)
                .orElseThrow(() -> new BilimException(ProblemCode.FILE_NOT_FOUND, "link"));
        return delivery.send(file, headers);
    }
}
