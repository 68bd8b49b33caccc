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
import org.bilim.server.learners.Learner;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Flush;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.progress.ProgressService;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.OfficerScope;
import org.bilim.server.submissions.SubmissionViews.AnswerDraft;
import org.bilim.server.submissions.SubmissionViews.Grade;
import org.bilim.server.submissions.SubmissionViews.StaffSubmission;
import org.bilim.server.submissions.SubmissionViews.SubmissionView;
import org.bilim.server.submissions.SubmissionViews.TaskView;

/**
 * Case-study answers. A learner saves one task at a time (the kiosk saves as they type), naming
 * the revision they last saw so a stale tab cannot overwrite newer text; submitting fixes the
 * answers, their time and the version they answer. Officers grade submissions of their own
 * facility's learners; each grade is audited.
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
    OfficerScope scope;

    @Inject
    AuditLog audit;

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

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffSubmission> forFacility(String state) {
        long facility = scope.facility();
        CaseSubmission.State wanted = state == null || state.isBlank() ? null : parseState(state);
        List<CaseSubmission> found = em.createQuery("SELECT s FROM CaseSubmission s, Learner l WHERE l.id = s.learnerId "
                        + "AND l.facility.id = :f AND s.state <> :draft" + (wanted == null ? "" : " AND s.state = :state")
                        + " ORDER BY s.submittedAt, s.id", CaseSubmission.class)
                .setParameter("f", facility).setParameter("draft", CaseSubmission.State.DRAFT)
                .setParameter("state", wanted == null ? CaseSubmission.State.SUBMITTED : wanted)
                .setMaxResults(500).getResultList();
        return found.stream().map(this::staffView).toList();
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
        audit.append(caller.audit(regrade ? "submission.regraded" : "submission.graded", scope.facility(), "submission", id,
                "score " + grade.score().toPlainString() + " of " + s.maxScore().toPlainString()));
        return staffView(s);
    }

    private CaseSubmission own(long id) {
        CaseSubmission s = em.find(CaseSubmission.class, id);
        if (s == null || s.state() == CaseSubmission.State.DRAFT) {
            throw new BilimException(ProblemCode.SUBMISSION_NOT_FOUND, id);
        }
        Learner learner = em.find(Learner.class, s.learnerId());
        scope.requireOwn(learner.facility().id(), "submission", id, ProblemCode.SUBMISSION_NOT_FOUND);
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
        return new StaffSubmission(s.id(), learner.id(), learner.learnerNumber(), learner.fullName(), s.courseId(),
                content.title(), s.itemKey(), item == null ? s.itemKey() : item.title(), version.number(), s.state().name(),
                s.submittedAt(), s.score(), s.maxScore(), s.feedback(), tasks);
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
