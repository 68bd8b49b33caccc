package org.bilim.server.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;

/**
 * The per-object check behind every officer action: an officer acts in their own facility, and
 * an object of another facility is answered exactly like one that does not exist (so ids reveal
 * nothing), with the attempt written to the audit log.
 */
@ApplicationScoped
public class OfficerScope {

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** The signed-in officer's facility; refuses anyone who is not an officer. */
    public long facility() {
        Caller.StaffPrincipal staff = caller.requireStaff();
        if (!staff.officer() || staff.facilityId() == null) {
            throw new BilimException(ProblemCode.ACCESS_ROLE_REQUIRED);
        }
        return staff.facilityId();
    }

    /** Refuses an object that belongs to another facility than the officer's. */
    public void requireOwn(Long objectFacilityId, String kind, long id, ProblemCode notFound) {
        long own = facility();
        if (objectFacilityId == null || objectFacilityId != own) {
            audit.appendIndependently(caller.audit("access.denied", own, kind, id, kind + " of another facility"));
            throw new BilimException(notFound, id);
        }
    }
}
