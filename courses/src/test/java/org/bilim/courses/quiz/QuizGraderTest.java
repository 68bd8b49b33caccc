package org.bilim.courses.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuizGraderTest {
    private final QuizGrader grader = new QuizGrader();

    private static final Question.SingleChoice CAPITAL = new Question.SingleChoice("q1", "<p>Столица Казахстана?</p>",
            BigDecimal.ONE, List.of(new Choice("a", "Алматы", false, "Бывшая столица."), new Choice("b", "Астана", true, "")),
            "Верно", "Неверно");
    private static final Question.MultipleChoice PRIMES = new Question.MultipleChoice("q2", "Primes?", new BigDecimal("2"),
            List.of(new Choice("two", "2", true, ""), new Choice("three", "3", true, ""), new Choice("four", "4", false, ""),
                    new Choice("nine", "9", false, "")), "", "Look again");
    private static final Question.TrueFalse TF = new Question.TrueFalse("q3", "Жер — дөңгелек.", BigDecimal.ONE, true, "Дұрыс", "Қате");
    private static final Question.ShortAnswer SHORT = new Question.ShortAnswer("q4", "Қазақстанның астанасы?", BigDecimal.ONE,
            List.of("Астана"), false, "", "");
    private static final Question.Numeric PI = new Question.Numeric("q5", "π to two places", BigDecimal.ONE,
            new BigDecimal("3.14"), new BigDecimal("0.005"), "", "");
    private static final Question.Essay ESSAY = new Question.Essay("q6", "Why?", new BigDecimal("5"), "", "", "");
    private static final List<Question> ALL = List.of(CAPITAL, PRIMES, TF, SHORT, PI, ESSAY);

    @Test
    void rightAnswersEarnTheirPointsAndAnEssayWaitsForAPerson() {
        QuizResult r = grader.grade(ALL, Map.of(
                "q1", Response.choices("b"),
                "q2", Response.choices("two", "three"),
                "q3", Response.choices("true"),
                "q4", Response.text("  астана "),
                "q5", Response.text("3,14"),
                "q6", Response.text("Because.")));
        assertThat(r.score()).isEqualByComparingTo("6");
        assertThat(r.maxScore()).isEqualByComparingTo("11");
        assertThat(r.complete()).isFalse();
        assertThat(r.questions()).extracting(QuestionResult::outcome).containsExactly(Outcome.CORRECT, Outcome.CORRECT,
                Outcome.CORRECT, Outcome.CORRECT, Outcome.CORRECT, Outcome.NEEDS_GRADING);
        assertThat(r.questions().getFirst().feedbackHtml()).isEqualTo("Верно");
    }

    @Test
    void wrongAndMissingAnswersEarnNothingAndGetTheirFeedback() {
        QuizResult r = grader.grade(ALL, Map.of("q1", Response.choices("a"), "q3", Response.choices("false"),
                "q4", Response.text("Алматы"), "q5", Response.text("3.2")));
        assertThat(r.score()).isEqualByComparingTo("0");
        QuestionResult first = r.questions().getFirst();
        assertThat(first.outcome()).isEqualTo(Outcome.INCORRECT);
        assertThat(first.feedbackHtml()).isEqualTo("Неверно");
        assertThat(first.choiceFeedbackHtml()).containsExactly("Бывшая столица.");
        assertThat(r.questions().get(1).outcome()).isEqualTo(Outcome.UNANSWERED);
        assertThat(r.questions().get(2).feedbackHtml()).isEqualTo("Қате");
    }

    @Test
    void multipleChoiceGivesPartialCreditAndPickingEverythingEarnsNothing() {
        assertThat(grader.grade(List.of(PRIMES), Map.of("q2", Response.choices("two"))).score()).isEqualByComparingTo("1");
        QuizResult half = grader.grade(List.of(PRIMES), Map.of("q2", Response.choices("two", "three", "four")));
        assertThat(half.score()).isEqualByComparingTo("1");
        assertThat(half.questions().getFirst().outcome()).isEqualTo(Outcome.PARTIALLY_CORRECT);
        assertThat(grader.grade(List.of(PRIMES), Map.of("q2", Response.choices("two", "three", "four", "nine"))).score())
                .isEqualByComparingTo("0");
    }

    @Test
    void singleChoiceWithTwoPicksIsWrong() {
        assertThat(grader.grade(List.of(CAPITAL), Map.of("q1", Response.choices("a", "b"))).score()).isEqualByComparingTo("0");
    }

    @Test
    void numbersAreReadAsPeopleWriteThem() {
        assertThat(QuizGrader.parseNumber("1 234,5")).contains(new BigDecimal("1234.5"));
        assertThat(QuizGrader.parseNumber("\u22123.5")).contains(new BigDecimal("-3.5"));
        assertThat(QuizGrader.parseNumber("1e3")).contains(new BigDecimal("1e3"));
        assertThat(QuizGrader.parseNumber("three")).isEmpty();
        assertThat(QuizGrader.parseNumber("1,2,3")).isEmpty();
        assertThat(QuizGrader.parseNumber("")).isEmpty();
    }

    @Test
    void toleranceIncludesBothEnds() {
        assertThat(grader.grade(List.of(PI), Map.of("q5", Response.text("3.145"))).score()).isEqualByComparingTo("1");
        assertThat(grader.grade(List.of(PI), Map.of("q5", Response.text("3.1451"))).score()).isEqualByComparingTo("0");
    }

    @Test
    void caseSensitiveShortAnswersCompareCase() {
        Question.ShortAnswer code = new Question.ShortAnswer("c", "Code?", BigDecimal.ONE, List.of("KZ"), true, "", "");
        assertThat(grader.grade(List.of(code), Map.of("c", Response.text("kz"))).score()).isEqualByComparingTo("0");
        assertThat(grader.grade(List.of(code), Map.of("c", Response.text(" KZ"))).score()).isEqualByComparingTo("1");
    }

    @Test
    void questionsThatCannotBeAnsweredAreRefused() {
        assertThatThrownBy(() -> new Question.SingleChoice("x", "?", BigDecimal.ONE,
                List.of(new Choice("a", "A", true, ""), new Choice("b", "B", true, "")), "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new Question.ShortAnswer("x", "?", BigDecimal.ONE, List.of(" "), false, "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Questions.checked(List.of(TF, TF))).hasMessageContaining("share the key");
    }

    @Test
    void aLearnerSeesNoRightAnswers() {
        Questions.LearnerQuestion q = Questions.forLearner(CAPITAL);
        assertThat(q.choices()).extracting(Questions.LearnerChoice::key).containsExactly("a", "b");
        assertThat(q.toString()).doesNotContain("Верно", "Бывшая столица", "true");
    }
}
