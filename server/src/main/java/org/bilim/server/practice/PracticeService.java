package org.bilim.server.practice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bilim.courses.content.ContentCodec;
import org.bilim.courses.content.QuizItem;
import org.bilim.courses.quiz.QuizGrader;
import org.bilim.courses.quiz.QuizResult;
import org.bilim.courses.quiz.Response;
import org.bilim.server.catalogue.VisibleVersion;
import org.bilim.server.delivery.LearnerAccess;
import org.bilim.server.grades.Passback;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Flush;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.progress.ProgressService;
import org.bilim.server.sessions.Caller;

/**
 * Grades practice attempts. The attempt number is unique per learner and quiz in the database,
 * so two attempts sent at the same instant cannot both use the last allowed attempt.
 */
@ApplicationScoped
@Transactional
public class PracticeService {
    private static final QuizGrader GRADER = new QuizGrader();

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    LearnerAccess access;

    @Inject
    ProgressService progress;

    @Inject
    Passback passback;

    /** A graded attempt as the learner sees it: the score and each question's feedback. */
    public record AttemptView(int number, BigDecimal score, BigDecimal maxScore, boolean complete,
                              OffsetDateTime submittedAt, QuizResult result, int attemptsUsed, int attemptsAllowed) {
    }

    public AttemptView attempt(long courseId, String itemKey, Map<String, Response> responses) {
        VisibleVersion version = access.course(courseId);
        QuizItem quiz = access.item(version, itemKey, QuizItem.class);
        long learnerId = caller.requireLearner().learnerId();
        int used = used(learnerId, courseId, itemKey);
        if (quiz.attemptsAllowed() > 0 && used >= quiz.attemptsAllowed()) {
            throw new BilimException(ProblemCode.QUIZ_NO_ATTEMPTS_LEFT, quiz.attemptsAllowed());
        }
        QuizResult result = GRADER.grade(quiz.questions(), responses);
        QuizAttempt attempt = new QuizAttempt(learnerId, courseId, itemKey, version.versionId(), used + 1,
                ContentCodec.toJson(responses), result);
        em.persist(attempt);
        Flush.orConflict(em, ProblemCode.CONCURRENT_CHANGE, "attempt");
        progress.report(learnerId, courseId, itemKey, 0, null, true);
        passback.quizGraded(attempt);
        return view(attempt, quiz);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public int used(long learnerId, long courseId, String itemKey) {
        Number n = em.createQuery("SELECT COUNT(a) FROM QuizAttempt a WHERE a.learnerId = :l AND a.courseId = :c AND a.itemKey = :i",
                        Long.class)
                .setParameter("l", learnerId).setParameter("c", courseId).setParameter("i", itemKey).getSingleResult();
        return n.intValue();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AttemptView> last(long learnerId, long courseId, QuizItem quiz) {
        List<QuizAttempt> found = em.createQuery("SELECT a FROM QuizAttempt a WHERE a.learnerId = :l AND a.courseId = :c "
                        + "AND a.itemKey = :i ORDER BY a.number DESC", QuizAttempt.class)
                .setParameter("l", learnerId).setParameter("c", courseId).setParameter("i", quiz.key())
                .setMaxResults(1).getResultList();
        return found.stream().findFirst().map(a -> view(a, quiz));
    }

    private AttemptView view(QuizAttempt a, QuizItem quiz) {
        QuizResult r = a.result();
        return new AttemptView(a.number(), a.score(), a.maxScore(), r.complete(), a.submittedAt(), r,
                a.number(), quiz.attemptsAllowed());
    }
}
