package org.bilim.server.search;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.search.SearchIndex.Status;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.sessions.Caller;
import org.bilim.server.staff.Role;

/**
 * The administrator's view of this node's search index: its state and the progress of a rebuild,
 * and a full rebuild from the database on request (audited).
 */
@Path("staff/search-index")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = Role.ADMIN)
public class SearchIndexResource {
    @Inject
    SearchIndex index;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** The status now, or, with {@code waitSeconds}, once a running rebuild has finished (at most that long). */
    @GET
    public Status status(@QueryParam("waitSeconds") @DefaultValue("0") @Min(0) @Max(60) int waitSeconds)
            throws InterruptedException {
        return waitSeconds == 0 ? index.status() : index.awaitIdle(java.time.Duration.ofSeconds(waitSeconds));
    }

    /** Starts a rebuild (or reports the one running): 202 with the status to poll. */
    @POST
    @Path("rebuild")
    public Response rebuild() {
        boolean running = index.status().state() == SearchIndex.State.REBUILDING;
        Status status = index.rebuild(SearchIndex.Reason.ADMIN);
        if (!running) {
            audit.appendIndependently(caller.audit("search.rebuild-started", null, "search-index", null,
                    "full rebuild of this node's search index from the database"));
        }
        return Response.accepted(status).header("Location", "/api/staff/search-index").build();
    }
}
