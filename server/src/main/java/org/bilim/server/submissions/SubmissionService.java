package org.bilim.server.submissions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bilim.courses.content.CaseStudyItem;
import org.bilim.courses.content.CaseTask;
import org.bilim.courses.content.CourseContent;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.CourseCatalogue;
import org.bilim.server.catalogue.CourseVersion;
import org.bilim.server.catalogue.VisibleVersion;
import org.bilim.server.delivery.LearnerAccess;
import org.bilim.server.grades.GradeDeliveries;
import org.bilim.server.grades.GradeDelivery;
import org.bilim.server.grades.GradeViews.PassbackView;
import org.bilim.server.grades.Graders;
import org.bilim.server.grades.Passback;
import org.bilim.server.grades.Pseudonyms;
import org.bilim.server.learners.Learner;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Durability;
import org.bilim.server.platform.Flush;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.progress.ProgressService;
import org.bilim.server.sessions.Caller;
import org.bilim.server.submissions.SubmissionViews.AnswerDraft;
import org.bilim.server.submissions.SubmissionViews.Grade;
import org.bilim.server.submissions.SubmissionViews.StaffSubmission;
import org.bilim.server.submissions.SubmissionViews.SubmissionView;
import org.bilim.server.submissions.SubmissionViews.TaskView;

/**
 * Case-study answers. A learner saves one task at a time (the kiosk saves as they type), naming
 * the revision they last saw so a stale tab cannot overwrite newer text; submitting fixes the
 * answers, their time and the version they answer. Officers grade submissions of their own
 * facility's learners, lecturers those of the courses they teach (knowing learners only by
 * pseudonym or as the student an officer confirmed); each grade is audited and starts its way to
 * the university gradebooks.
 */
@ApplicationScoped
@Transactional
public class SubmissionService {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    LearnerAccess access;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    ProgressService progress;


    @Inject
    AuditLog audit;


    @Inject
    Passback passback;

    @Inject
    GradeDeliveries deliveries;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    Durability durability;

    @Inject
    Graders graders;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CaseSubmission> mine(long learnerId, long courseId, String itemKey) {
        return em.createQuery("SELECT s FROM CaseSubmission s WHERE s.learnerId = :l AND s.courseId = :c AND s.itemKey = :i",
                        CaseSubmission.class)
                .setParameter("l", learnerId).setParameter("c", courseId).setParameter("i", itemKey)
                .getResultStream().findFirst();
    }

    public SubmissionView save(long courseId, String itemKey, String taskKey, AnswerDraft draft) {
        VisibleVersion version = access.course(courseId);
        CaseStudyItem item = access.item(version, itemKey, CaseStudyItem.class);
        if (item.tasks().stream().noneMatch(t -> t.key().equals(taskKey))) {
            throw new BilimException(ProblemCode.ITEM_NOT_FOUND, taskKey);
        }
        long learnerId = caller.requireLearner().learnerId();
        CaseSubmission s = mine(learnerId, courseId, itemKey).orElse(null);
        if (s == null) {
            s = new CaseSubmission(learnerId, courseId, itemKey, version.versionId());
            em.persist(s);
            Flush.orConflict(em, ProblemCode.CONCURRENT_CHANGE, "revision");
        } else {
            requireRevision(s, draft.revision());
        }
        if (s.state() != CaseSubmission.State.DRAFT) {
            throw new BilimException(ProblemCode.SUBMISSION_ALREADY_SUBMITTED);
        }
        s.saveAnswer(taskKey, draft.text(), version.versionId());
        em.flush();
        return SubmissionView.of(s);
    }

    public SubmissionView submit(long courseId, String itemKey, long revision) {
        VisibleVersion version = access.course(courseId);
        CaseStudyItem item = access.item(version, itemKey, CaseStudyItem.class);
        Caller.LearnerPrincipal learner = caller.requireLearner();
        CaseSubmission s = mine(learner.learnerId(), courseId, itemKey)
                .orElseThrow(() -> new BilimException(ProblemCode.SUBMISSION_EMPTY));
        if (s.state() != CaseSubmission.State.DRAFT) {
            throw new BilimException(ProblemCode.SUBMISSION_ALREADY_SUBMITTED);
        }
        requireRevision(s, revision);
        if (s.answers().values().stream().allMatch(String::isBlank)) {
            throw new BilimException(ProblemCode.SUBMISSION_EMPTY);
        }
        s.submit(maxScore(item));
        em.flush();
        progress.report(learner.learnerId(), courseId, itemKey, 0, null, true);
        audit.append(caller.audit("submission.submitted", learner.facilityId(), "submission", s.id(),
                "course " + courseId + " item " + itemKey + " version " + version.number()));
        return SubmissionView.of(s);
    }

    /**
     * Submitted and graded work: an officer's facility's (optionally of one course), or of one
     * course a lecturer teaches.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffSubmission> list(String state, Long courseId) {
        CaseSubmission.State wanted = state == null || state.isBlank() ? null : parseState(state);
        Long facility = graders.listFacility(courseId);
        StringBuilder q = new StringBuilder("SELECT s FROM CaseSubmission s, Learner l WHERE l.id = s.learnerId AND s.state <> :draft");
        if (facility != null) {
            q.append(" AND l.facility.id = :f");
        }
        if (courseId != null) {
            q.append(" AND s.courseId = :c");
        }
        q.append(wanted == null ? "" : " AND s.state = :state").append(" ORDER BY s.submittedAt, s.id");
        var query = em.createQuery(q.toString(), CaseSubmission.class).setParameter("draft", CaseSubmission.State.DRAFT);
        if (facility != null) {
            query.setParameter("f", facility);
        }
        if (courseId != null) {
            query.setParameter("c", courseId);
        }
        if (wanted != null) {
            query.setParameter("state", wanted);
        }
        return query.setMaxResults(500).getResultList().stream().map(this::staffView).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StaffSubmission get(long id) {
        return staffView(own(id));
    }

    public StaffSubmission grade(long id, Grade grade) {
        CaseSubmission s = own(id);
        if (s.state() == CaseSubmission.State.DRAFT) {
            throw new BilimException(ProblemCode.SUBMISSION_NOT_SUBMITTED);
        }
        if (grade.score().compareTo(s.maxScore()) > 0) {
            throw BilimException.forField(ProblemCode.SUBMISSION_SCORE_OUT_OF_RANGE, "score", s.maxScore().toPlainString());
        }
        boolean regrade = s.state() == CaseSubmission.State.GRADED;
        s.grade(grade.score(), grade.feedback(), caller.requireStaff().staffId());
        em.flush();
        int deliveries = passback.submissionGraded(s);
        durability.whenCommitted();
        audit.append(caller.audit(regrade ? "submission.regraded" : "submission.graded", em.find(Learner.class, s.learnerId()).facility().id(),
                "submission", id, "score " + grade.score().toPlainString() + " of " + s.maxScore().toPlainString()
                        + (deliveries > 0 ? "; to " + deliveries + " university gradebook(s)" : "")));
        return staffView(s);
    }

    private CaseSubmission own(long id) {
        CaseSubmission s = em.find(CaseSubmission.class, id);
        if (s == null || s.state() == CaseSubmission.State.DRAFT) {
            throw new BilimException(ProblemCode.SUBMISSION_NOT_FOUND, id);
        }
        graders.requireGrader(s.courseId(), s.learnerId(), "submission", id, ProblemCode.SUBMISSION_NOT_FOUND);
        return s;
    }

    private StaffSubmission staffView(CaseSubmission s) {
        Learner learner = em.find(Learner.class, s.learnerId());
        CourseVersion version = em.find(CourseVersion.class, s.versionId());
        CourseContent content = version.content();
        CaseStudyItem item = content.item(s.itemKey()).filter(CaseStudyItem.class::isInstance).map(CaseStudyItem.class::cast)
                .orElse(null);
        Map<String, String> answers = s.answers();
        List<TaskView> tasks = item == null ? List.of() : item.tasks().stream()
                .map(t -> new TaskView(t.key(), t.promptHtml(), t.rubricHtml(), t.maxScore(), answers.getOrDefault(t.key(), "")))
                .toList();
        PassbackView passback = deliveries.passback(s.courseId(), s.learnerId(), GradeDelivery.Source.SUBMISSION, s.id(),
                s.state() == CaseSubmission.State.GRADED);
        if (graders.lecturer()) {
            // A lecturer knows a learner as the university student an officer confirmed, or by pseudonym.
            String pseudonym = pseudonyms.of(learner.id());
            String student = studentName(s.courseId(), learner.id()).orElse(pseudonym);
            return new StaffSubmission(s.id(), null, pseudonym, student, s.courseId(), content.title(), s.itemKey(),
                    item == null ? s.itemKey() : item.title(), version.number(), s.state().name(), s.submittedAt(), s.score(),
                    s.maxScore(), s.feedback(), tasks, passback);
        }
        return new StaffSubmission(s.id(), learner.id(), learner.learnerNumber(), learner.fullName(), s.courseId(),
                content.title(), s.itemKey(), item == null ? s.itemKey() : item.title(), version.number(), s.state().name(),
                s.submittedAt(), s.score(), s.maxScore(), s.feedback(), tasks, passback);
    }

    /** The name the university gives the student an officer confirmed this learner is, in an LMS course of this course. */
    private Optional<String> studentName(long courseId, long learnerId) {
        return em.createNativeQuery("SELECT m.name FROM lti_member m JOIN lti_context c ON c.platform_id = m.platform_id "
                        + "AND c.context_id = m.context_id WHERE c.course_id = ?1 AND m.learner_id = ?2 AND m.name IS NOT NULL")
                .setParameter(1, courseId).setParameter(2, learnerId).getResultStream().findFirst().map(String.class::cast);
    }

    private static BigDecimal maxScore(CaseStudyItem item) {
        return item.tasks().stream().map(CaseTask::maxScore).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static void requireRevision(CaseSubmission s, Long revision) {
        if (revision == null || revision != s.revision()) {
            throw new BilimException(ProblemCode.CONCURRENT_CHANGE);
        }
    }

    private static CaseSubmission.State parseState(String state) {
        try {
            return CaseSubmission.State.valueOf(state.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BilimException.forField(ProblemCode.REQUEST_INVALID, "state", state);
        }
    }
}
