package org.bilim.server.vetting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.CourseCatalogue;
import org.bilim.server.catalogue.CourseVersion;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.search.SearchChanges;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.OfficerScope;

/** An officer's decisions on course versions for their facility. */
@ApplicationScoped
@Transactional
public class VettingService {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    OfficerScope scope;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    AuditLog audit;

    @Inject
    SearchChanges searchChanges;

    /** The officer's decision: the hash is the one shown with the preview they read. */
    public record DecisionRequest(@NotNull Long facilityId,
                                  @NotNull Long versionId,
                                  @NotNull @Pattern(regexp = "APPROVED|REJECTED") String decision,
                                  @NotNull @Pattern(regexp = "[0-9a-f]{64}") String contentHash,
                                  @Size(max = 2000) String reason) {
    }

    public record DecisionResult(long versionId, long courseId, int number, String decision, String contentHash,
                                 String reason, OffsetDateTime decidedAt, String state) {
    }

    public DecisionResult decide(DecisionRequest request) {
        long own = scope.facility();
        long facilityId = request.facilityId();
        if (facilityId != own) {
            audit.appendIndependently(caller.audit("access.denied", own, "facility", facilityId,
                    "course decision for another facility"));
            throw new BilimException(ProblemCode.APPROVAL_OTHER_FACILITY);
        }
        CourseVersion version = em.find(CourseVersion.class, request.versionId());
        if (version == null) {
            throw BilimException.forField(ProblemCode.VERSION_NOT_FOUND, "versionId", request.versionId());
        }
        em.lock(version, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (!version.contentHash().equals(request.contentHash())) {
            throw new BilimException(ProblemCode.APPROVAL_HASH_MISMATCH);
        }
        CourseApproval.Decision decision = CourseApproval.Decision.valueOf(request.decision());
        String reason = request.reason() == null ? null : request.reason().strip();
        if (decision == CourseApproval.Decision.REJECTED && (reason == null || reason.isEmpty())) {
            throw BilimException.forField(ProblemCode.APPROVAL_REASON_REQUIRED, "reason");
        }
        if (decision == CourseApproval.Decision.APPROVED) {
            version.freeze();
        }
        CourseApproval approval = new CourseApproval(version, own, decision, version.contentHash(), reason,
                caller.requireStaff().staffId());
        em.persist(approval);
        searchChanges.record(version.course().id());
        em.flush();
        audit.append(caller.audit(decision == CourseApproval.Decision.APPROVED ? "course.approved" : "course.rejected", own,
                "course", version.course().id(), "version " + version.number() + " sha256 " + version.contentHash()
                        + (reason == null ? "" : " reason: " + reason)));
        return new DecisionResult(version.id(), version.course().id(), version.number(), decision.name(),
                version.contentHash(), reason, approval.decidedAt(), version.state().name());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DecisionResult> history(long courseId) {
        long own = scope.facility();
        catalogue.course(courseId);
        return em.createQuery("SELECT a FROM CourseApproval a JOIN FETCH a.version v WHERE v.course.id = :c "
                        + "AND a.facilityId = :f ORDER BY a.id DESC", CourseApproval.class)
                .setParameter("c", courseId).setParameter("f", own).getResultList().stream()
                .map(a -> new DecisionResult(a.version().id(), courseId, a.version().number(), a.decision().name(),
                        a.contentHash(), a.reason(), a.decidedAt(), a.version().state().name()))
                .toList();
    }
}
