package org.bilim.server.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bilim.courses.content.Item;
import org.bilim.server.catalogue.CourseVersion;
import org.bilim.server.grades.GradeDelivery.Source;
import org.bilim.server.practice.QuizAttempt;
import org.bilim.server.submissions.CaseSubmission;

/**
 * What of a learner's work goes to the university gradebook: a graded case study, and a quiz
 * attempt once it is wholly graded (the latest counts). Called in the transaction that grades.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Passback {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    GradeOutbox outbox;

    public int submissionGraded(CaseSubmission s) {
        return outbox.enqueue(new GradeOutbox.Grade(s.courseId(), s.itemKey(), title(s.versionId(), s.itemKey()), s.learnerId(),
                Source.SUBMISSION, s.id(), s.score(), s.maxScore(), s.feedback()));
    }

    public int quizGraded(QuizAttempt a) {
        if (!a.result().complete() || a.maxScore().signum() <= 0) {
            return 0;
        }
        return outbox.enqueue(new GradeOutbox.Grade(a.courseId(), a.itemKey(), title(a.versionId(), a.itemKey()), a.learnerId(),
                Source.QUIZ, a.id(), a.score(), a.maxScore(), null));
    }

    /** The learner's grades so far in the course, sent now that the learner is known to the university. */
    public int existing(long learnerId, long courseId) {
        int n = 0;
        for (CaseSubmission s : em.createQuery("SELECT s FROM CaseSubmission s WHERE s.learnerId = :l AND s.courseId = :c "
                        + "AND s.state = :graded ORDER BY s.id", CaseSubmission.class)
                .setParameter("l", learnerId).setParameter("c", courseId).setParameter("graded", CaseSubmission.State.GRADED)
                .getResultList()) {
            n += submissionGraded(s);
        }
        List<QuizAttempt> attempts = em.createQuery("SELECT a FROM QuizAttempt a WHERE a.learnerId = :l AND a.courseId = :c "
                        + "ORDER BY a.itemKey, a.number DESC", QuizAttempt.class)
                .setParameter("l", learnerId).setParameter("c", courseId).getResultList();
        Set<String> done = new HashSet<>();
        for (QuizAttempt a : attempts) {
            if (a.result().complete() && done.add(a.itemKey())) {
                n += quizGraded(a);
            }
        }
        return n;
    }

    private String title(long versionId, String itemKey) {
        CourseVersion version = em.find(CourseVersion.class, versionId);
        return version.content().item(itemKey).map(Item::title).filter(t -> !t.isBlank()).orElse(itemKey);
    }
}
