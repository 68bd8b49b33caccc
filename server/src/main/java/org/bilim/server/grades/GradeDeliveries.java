package org.bilim.server.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.grades.GradeDelivery.Source;
import org.bilim.server.grades.GradeViews.DeliveryView;
import org.bilim.server.grades.GradeViews.PassbackView;
import org.bilim.server.learners.Learner;
import org.bilim.server.lti.LtiPlatform;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Caller;

/**
 * Where grades stand with the university gradebooks, for the people who gave them: an officer sees
 * the deliveries of their facility's learners, a lecturer those of the courses they teach (learners
 * by pseudonym). A failed delivery can be sent again; that is audited.
 */
@ApplicationScoped
public class GradeDeliveries {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;



    @Inject
    Pseudonyms pseudonyms;

    @Inject
    AuditLog audit;

    @Inject
    GradeCourier courier;

    @Inject
    Graders graders;

    /** Deliveries, newest first: an officer's facility's (optionally of one course), or of one course a lecturer teaches. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> list(Long courseId, String state) {
        GradeDelivery.State wanted = state == null || state.isBlank() ? null : parse(state);
        Long facility = graders.listFacility(courseId);
        StringBuilder q = new StringBuilder("SELECT d FROM GradeDelivery d, Learner l WHERE l.id = d.learnerId");
        Map<String, Object> params = new HashMap<>();
        if (facility != null) {
            q.append(" AND l.facility.id = :f");
            params.put("f", facility);
        }
        if (courseId != null) {
            q.append(" AND d.courseId = :course");
            params.put("course", courseId);
        }
        if (wanted != null) {
            q.append(" AND d.state = :state");
            params.put("state", wanted);
        }
        q.append(" ORDER BY d.createdAt DESC, d.id DESC");
        var query = em.createQuery(q.toString(), GradeDelivery.class).setMaxResults(500);
        params.forEach(query::setParameter);
        return query.getResultList().stream().map(this::view).toList();
    }

    /** Sends a failed delivery again. */
    @Transactional
    public DeliveryView retry(long id) {
        GradeDelivery d = own(id);
        if (d.state() != GradeDelivery.State.FAILED) {
            throw new BilimException(ProblemCode.GRADE_DELIVERY_NOT_FAILED);
        }
        String error = d.lastError();
        d.requeue();
        em.flush();
        Learner learner = em.find(Learner.class, d.learnerId());
        audit.append(caller.audit("grade.delivery-retried", learner.facility().id(), "grade-delivery", id,
                d.itemKey() + " of course " + d.courseId() + " after: " + error));
        courier.wake();
        return view(d);
    }

    /** Where one graded piece of work stands with the university gradebooks. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public PassbackView passback(long courseId, long learnerId, Source source, long sourceId, boolean graded) {
        List<Object[]> contexts = em.createNativeQuery("SELECT c.platform_id, c.context_id, c.lineitems_url, "
                        + "(SELECT COUNT(*) FROM lti_member m WHERE m.platform_id = c.platform_id AND m.context_id = c.context_id "
                        + "AND m.learner_id = ?2) FROM lti_context c WHERE c.course_id = ?1")
                .setParameter(1, courseId).setParameter(2, learnerId).getResultList();
        if (contexts.isEmpty()) {
            return new PassbackView("NOT_LINKED", List.of());
        }
        if (contexts.stream().allMatch(r -> r[2] == null)) {
            return new PassbackView("NO_GRADE_SERVICE", List.of());
        }
        if (contexts.stream().noneMatch(r -> r[2] != null && ((Number) r[3]).longValue() > 0)) {
            return new PassbackView("UNCONFIRMED", List.of());
        }
        if (!graded) {
            return new PassbackView("NOT_GRADED", List.of());
        }
        // The latest delivery of this work to each gradebook cell says where it stands there.
        Map<String, GradeDelivery> latest = new LinkedHashMap<>();
        for (GradeDelivery d : em.createQuery("SELECT d FROM GradeDelivery d WHERE d.sourceKind = :k AND d.sourceId = :s "
                        + "ORDER BY d.scoreTimestamp DESC, d.id DESC", GradeDelivery.class)
                .setParameter("k", source).setParameter("s", sourceId).getResultList()) {
            latest.putIfAbsent(d.platformId() + " " + d.contextId(), d);
        }
        List<DeliveryView> views = new ArrayList<>();
        latest.values().forEach(d -> views.add(view(d)));
        String state = latest.isEmpty() ? "PENDING"
                : latest.values().stream().anyMatch(d -> d.state() == GradeDelivery.State.FAILED) ? "FAILED"
                : latest.values().stream().allMatch(d -> d.state() == GradeDelivery.State.SENT) ? "SENT" : "PENDING";
        return new PassbackView(state, views);
    }

    private GradeDelivery own(long id) {
        GradeDelivery d = em.find(GradeDelivery.class, id);
        if (d == null) {
            throw new BilimException(ProblemCode.GRADE_DELIVERY_NOT_FOUND, id);
        }
        graders.requireGrader(d.courseId(), d.learnerId(), "grade-delivery", id, ProblemCode.GRADE_DELIVERY_NOT_FOUND);
        return d;
    }

    private DeliveryView view(GradeDelivery d) {
        LtiPlatform platform = em.find(LtiPlatform.class, d.platformId());
        String learner;
        if (graders.lecturer()) {
            learner = pseudonyms.of(d.learnerId());
        } else {
            Learner l = em.find(Learner.class, d.learnerId());
            learner = l.fullName() + " (" + l.learnerNumber() + ")";
        }
        return new DeliveryView(d.id(), d.courseId(), d.itemKey(), d.itemTitle(), learner, platform.issuer(), d.contextId(),
                d.sourceKind().name(), d.sourceId(), d.scoreGiven(), d.scoreMaximum(), d.state().name(), d.attempts(), d.lastError(),
                d.createdAt(), d.state() == GradeDelivery.State.PENDING ? d.nextAttemptAt() : null, d.sentAt());
    }

    private static GradeDelivery.State parse(String state) {
        try {
            return GradeDelivery.State.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BilimException.forField(ProblemCode.REQUEST_INVALID, "state", state);
        }
    }
}
