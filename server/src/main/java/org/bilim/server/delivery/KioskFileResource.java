package org.bilim.server.delivery;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bilim.server.catalogue.CourseCatalogue;
import org.bilim.server.files.FileDelivery;
import org.bilim.server.files.FileStore;
import org.bilim.server.files.StoredFile;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.sessions.Caller;

/**
 * Files as a kiosk fetches them: only a file that a version visible to this learner delivers,
 * in a course they are enrolled in. Media are streamed by range so the player can seek.
 */
@Path("kiosk/files")
@Access(Audience.LEARNER)
public class KioskFileResource {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    FileStore store;

    @Inject
    FileDelivery delivery;

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @Context HttpHeaders headers) {
        StoredFile file = store.find(id).filter(this::visible)
                .orElseThrow(() -> new BilimException(ProblemCode.FILE_NOT_FOUND, id));
        return delivery.send(file, headers);
    }

    private boolean visible(StoredFile file) {
        Caller.LearnerPrincipal learner = caller.requireLearner();
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = em.createNativeQuery("SELECT v.course_id, v.id FROM course_version_file f "
                        + "JOIN course_version v ON v.id = f.version_id "
                        + "JOIN enrolment e ON e.course_id = v.course_id AND e.learner_id = ?1 "
                        + "WHERE f.file_id = ?2 AND v.state = 'FROZEN'")
                .setParameter(1, learner.learnerId()).setParameter(2, file.id()).getResultList();
        return candidates.stream().anyMatch(row -> catalogue.visible(((Number) row[0]).longValue(), learner.facilityId())
                .map(v -> v.versionId() == ((Number) row[1]).longValue()).orElse(false));
    }
}
