package org.bilim.server.audit;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.sessions.Caller;
import org.bilim.server.staff.Role;

/**
 * The audit log as staff read it: an officer sees their facility's entries, an administrator all
 * of them. Verification always checks the whole chain, since one break anywhere matters to all.
 */
@Path("staff/audit")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = {Role.OFFICER, Role.ADMIN})
public class AuditResource {

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    public record EventView(long seq, OffsetDateTime occurredAt, String actorKind, String actor, String action,
                            Long facilityId, String targetKind, Long targetId, String detail, String sourceAddress,
                            String hash) {
        static EventView of(AuditEvent e) {
            return new EventView(e.seq(), e.occurredAt(), e.actorKind(), e.actorLabel(), e.action(), e.facilityId(),
                    e.targetKind(), e.targetId(), e.detail(), e.sourceAddress(), e.hash());
        }
    }

    public record EventPage(List<EventView> items, long total, int page, int size) {
    }

    @GET
    public EventPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                          @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Long facility = caller.requireStaff().officer() ? caller.requireStaff().facilityId() : null;
        List<EventView> items = audit.page(facility, page, size).stream().map(EventView::of).toList();
        return new EventPage(items, audit.count(facility), page, size);
    }

    @GET
    @Path("verification")
    public AuditVerification verify() {
        return audit.verify();
    }
}
