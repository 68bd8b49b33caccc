package org.bilim.server.practice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bilim.courses.content.ContentCodec;
import org.bilim.courses.content.CourseContent;
import org.bilim.courses.content.QuizItem;
import org.bilim.courses.quiz.Outcome;
import org.bilim.courses.quiz.Question;
import org.bilim.courses.quiz.QuestionResult;
import org.bilim.courses.quiz.QuizResult;
import org.bilim.courses.quiz.Response;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.CourseAccess;
import org.bilim.server.catalogue.CourseVersion;
import org.bilim.server.grades.GradeDeliveries;
import org.bilim.server.grades.GradeDelivery;
import org.bilim.server.grades.GradeViews.PassbackView;
import org.bilim.server.grades.Graders;
import org.bilim.server.grades.Passback;
import org.bilim.server.grades.Pseudonyms;
import org.bilim.server.learners.Learner;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Durability;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Caller;

/**
 * Essay answers of quizzes, graded by a person: a lecturer of the course (who knows the learner by
 * pseudonym) or an officer of the learner's facility. Each grade is audited; when no essay of the
 * attempt waits any more, the attempt is complete and its score starts its way to the university.
 */
@ApplicationScoped
@Transactional
public class EssayGrading {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;


    @Inject
    CourseAccess courses;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    GradeDeliveries deliveries;

    @Inject
    Passback passback;

    @Inject
    AuditLog audit;

    @Inject
    Durability durability;

    @Inject
    Graders graders;

    public record EssayAnswer(String key, String promptHtml, String guidanceHtml, BigDecimal points, String answer, boolean graded,
                              BigDecimal awarded, String feedback) {
    }

    /** An attempt with essays, as a grader sees it (for a lecturer: {@code learnerId} null, pseudonym as number and name). */
    public record EssayAttempt(long id, Long learnerId, String learnerNumber, String learnerName, long courseId, String courseTitle,
                               String itemKey, String itemTitle, int number, OffsetDateTime submittedAt, boolean complete,
                               BigDecimal score, BigDecimal maxScore, List<EssayAnswer> essays, PassbackView passback, long revision) {
    }

    public record EssayGrade(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.DecimalMin("0") BigDecimal score,
                             @jakarta.validation.constraints.Size(max = 8000) String feedback,
                             @jakarta.validation.constraints.NotNull Long revision) {
    }

    /** Attempts with essays: waiting for a grade ({@code complete=false}) or graded; an officer's facility's, or a lecturer's course's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EssayAttempt> list(Long courseId, Boolean complete) {
        Long facility = graders.listFacility(courseId);
        StringBuilder q = new StringBuilder("SELECT a FROM QuizAttempt a, Learner l WHERE l.id = a.learnerId");
        if (facility != null) {
            q.append(" AND l.facility.id = :f");
        }
        if (courseId != null) {
            q.append(" AND a.courseId = :c");
        }
        q.append(" ORDER BY a.submittedAt, a.id");
        var query = em.createQuery(q.toString(), QuizAttempt.class);
        if (facility != null) {
            query.setParameter("f", facility);
        }
        if (courseId != null) {
            query.setParameter("c", courseId);
        }
        List<EssayAttempt> found = new ArrayList<>();
        for (QuizAttempt a : query.setMaxResults(2000).getResultList()) {
            QuizResult r = a.result();
            boolean hasEssay = r.questions().stream().anyMatch(x -> x.outcome() == Outcome.NEEDS_GRADING) || !a.essayFeedback().isEmpty();
            if (hasEssay && (complete == null || complete == r.complete())) {
                found.add(view(a));
                if (found.size() == 500) {
                    break;
                }
            }
        }
        return found;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EssayAttempt get(long id) {
        return view(own(id));
    }

    public EssayAttempt grade(long id, String questionKey, EssayGrade grade) {
        QuizAttempt a = own(id);
        if (a.revision() != grade.revision()) {
            throw new BilimException(ProblemCode.CONCURRENT_CHANGE);
        }
        Question.Essay essay = essays(a).stream().filter(e -> e.key().equals(questionKey)).findFirst()
                .orElseThrow(() -> new BilimException(ProblemCode.ITEM_NOT_FOUND, questionKey));
        if (grade.score().compareTo(essay.points()) > 0) {
            throw BilimException.forField(ProblemCode.SUBMISSION_SCORE_OUT_OF_RANGE, "score", essay.points().toPlainString());
        }
        QuizResult before = a.result();
        List<QuestionResult> questions = new ArrayList<>();
        for (QuestionResult q : before.questions()) {
            if (q.key().equals(questionKey)) {
                Outcome outcome = grade.score().signum() == 0 ? Outcome.INCORRECT
                        : grade.score().compareTo(essay.points()) == 0 ? Outcome.CORRECT : Outcome.PARTIALLY_CORRECT;
                questions.add(new QuestionResult(q.key(), outcome, grade.score(), q.points(), html(grade.feedback()), List.of()));
            } else {
                questions.add(q);
            }
        }
        BigDecimal total = questions.stream().map(QuestionResult::awarded).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean complete = questions.stream().noneMatch(q -> q.outcome() == Outcome.NEEDS_GRADING);
        a.gradeEssay(new QuizResult(total, before.maxScore(), complete, questions), questionKey, grade.feedback(),
                caller.requireStaff().staffId());
        em.flush();
        int sent = complete ? passback.quizGraded(a) : 0;
        durability.whenCommitted();
        Learner learner = em.find(Learner.class, a.learnerId());
        audit.append(caller.audit("quiz.essay-graded", learner.facility().id(), "quiz-attempt", id, a.itemKey() + "/" + questionKey
                + ": " + grade.score().toPlainString() + " of " + essay.points().toPlainString()
                + (complete ? "; attempt complete, " + total.toPlainString() + " of " + before.maxScore().toPlainString() : "")
                + (sent > 0 ? "; to " + sent + " university gradebook(s)" : "")));
        return view(a);
    }

    private QuizAttempt own(long id) {
        QuizAttempt a = em.find(QuizAttempt.class, id);
        if (a == null || essays(a).isEmpty()) {
            throw new BilimException(ProblemCode.QUIZ_ATTEMPT_NOT_FOUND, id);
        }
        graders.requireGrader(a.courseId(), a.learnerId(), "quiz-attempt", id, ProblemCode.QUIZ_ATTEMPT_NOT_FOUND);
        return a;
    }

    private Optional<QuizItem> quiz(QuizAttempt a) {
        CourseContent content = em.find(CourseVersion.class, a.versionId()).content();
        return content.item(a.itemKey()).filter(QuizItem.class::isInstance).map(QuizItem.class::cast);
    }

    private List<Question.Essay> essays(QuizAttempt a) {
        return quiz(a).map(q -> q.questions().stream().filter(Question.Essay.class::isInstance).map(Question.Essay.class::cast).toList())
                .orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private EssayAttempt view(QuizAttempt a) {
        Learner learner = em.find(Learner.class, a.learnerId());
        CourseVersion version = em.find(CourseVersion.class, a.versionId());
        QuizResult result = a.result();
        Map<String, Object> responses = ContentCodec.read(a.responsesJson(), Map.class);
        Map<String, String> feedback = a.essayFeedback();
        List<EssayAnswer> answers = new ArrayList<>();
        for (Question.Essay e : essays(a)) {
            Object given = responses.get(e.key());
            String text = given == null ? "" : ContentCodec.mapper().convertValue(given, Response.class).text();
            QuestionResult r = result.questions().stream().filter(q -> q.key().equals(e.key())).findFirst().orElse(null);
            boolean graded = r != null && r.outcome() != Outcome.NEEDS_GRADING;
            answers.add(new EssayAnswer(e.key(), e.promptHtml(), e.guidanceHtml(), e.points(), text, graded, graded ? r.awarded() : null,
                    feedback.get(e.key())));
        }
        PassbackView passbackView = deliveries.passback(a.courseId(), a.learnerId(), GradeDelivery.Source.QUIZ, a.id(), result.complete());
        String title = quiz(a).map(QuizItem::title).orElse(a.itemKey());
        if (graders.lecturer()) {
            String pseudonym = pseudonyms.of(learner.id());
            return new EssayAttempt(a.id(), null, pseudonym, pseudonym, a.courseId(), version.content().title(), a.itemKey(), title,
                    a.number(), a.submittedAt(), result.complete(), a.score(), a.maxScore(), answers, passbackView, a.revision());
        }
        return new EssayAttempt(a.id(), learner.id(), learner.learnerNumber(), learner.fullName(), a.courseId(), version.content().title(),
                a.itemKey(), title, a.number(), a.submittedAt(), result.complete(), a.score(), a.maxScore(), answers, passbackView,
                a.revision());
    }

    /** The grader's plain text as the learner's feedback: escaped, paragraphs kept. */
    static String html(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            String escaped = paragraph.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                    .replace("'", "&#39;").replaceAll("\\R", "<br>");
            b.append("<p>").append(escaped).append("</p>");
        }
        return b.toString();
    }
}
