package it.bilim.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a learner writes and answers: case-study drafts and submissions, grading, practice quizzes. */
class LearnerWorkIT {

    private record Setup(World world, CourseFixture course, Api kiosk, String base) {
    }

    private static Setup setup() {
        World w = World.create();
        CourseFixture course = CourseFixture.create(w, "kk");
        String module = course.module("2-апта");
        course.item(module, Api.object("key", "case", "kind", "case-study", "title", "Кейс", "scenarioHtml", "<p>Жағдай</p>",
                "tasks", List.of(
                        Api.object("key", "t1", "promptHtml", "<p>Бюджет құрыңыз</p>", "rubricHtml", "<p>5 балл</p>", "maxScore", 5),
                        Api.object("key", "t2", "promptHtml", "<p>Несие керек пе?</p>", "rubricHtml", "", "maxScore", 5))));
        course.item(module, Api.object("key", "quiz", "kind", "quiz", "title", "Тест", "attemptsAllowed", 2, "questions", List.of(
                Api.object("key", "q1", "type", "single-choice", "promptHtml", "<p>Бюджет?</p>", "points", 1,
                        "correctFeedbackHtml", "<p>Дұрыс</p>", "incorrectFeedbackHtml", "<p>Қате</p>", "choices", List.of(
                                Api.object("key", "a", "html", "Жоспар", "correct", true),
                                Api.object("key", "b", "html", "Шот", "correct", false, "feedbackHtml", "<p>Жоқ</p>"))),
                Api.object("key", "q2", "type", "numeric", "promptHtml", "<p>150 000 − 135 000?</p>", "points", 2,
                        "value", 15000, "tolerance", 0))));
        course.approve();
        World.Learner learner = w.learner("kk");
        course.enrol(learner);
        World.Kiosk k = w.enrolledKiosk();
        assertThat(k.signIn(learner).status()).isEqualTo(201);
        return new Setup(w, course, k.device(), "/api/kiosk/courses/" + course.id() + "/items/");
    }

    @Test
    void aDraftIsSavedTaskByTaskThenSubmittedAndGraded() {
        Setup s = setup();
        Api k = s.kiosk();
        Api.Response empty = k.post(s.base() + "case/submission/submit", Api.object("revision", 0));
        assertThat(empty.status()).isEqualTo(409);
        assertThat(empty.code()).isEqualTo("submission.empty");

        JsonNode first = k.put(s.base() + "case/submission/tasks/t1", Api.object("text", "Табыс 180 000", "revision", null)).json();
        long revision = first.get("revision").asLong();
        JsonNode second = k.put(s.base() + "case/submission/tasks/t2", Api.object("text", "Жоқ, алдымен жинақ", "revision", revision)).json();
        assertThat(second.get("answers").get("t1").asText()).isEqualTo("Табыс 180 000");
        Api.Response staleTab = k.put(s.base() + "case/submission/tasks/t1", Api.object("text", "ескі", "revision", revision));
        assertThat(staleTab.status()).isEqualTo(409);
        assertThat(staleTab.code()).isEqualTo("resource.concurrent-change");
        assertThat(k.get(s.base() + "case").json().get("submission").get("answers").get("t1").asText()).isEqualTo("Табыс 180 000");

        JsonNode submitted = k.post(s.base() + "case/submission/submit", Api.object("revision", second.get("revision").asLong())).json();
        assertThat(submitted.get("state").asText()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("submittedAt").asText()).isNotBlank();
        Api.Response late = k.put(s.base() + "case/submission/tasks/t1", Api.object("text", "өзгеріс",
                "revision", submitted.get("revision").asLong()));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("submission.already-submitted");
        assertThat(k.get("/api/kiosk/courses/" + s.course().id()).json().get("completed").asInt()).isEqualTo(1);

        Api officer = s.world().officer();
        JsonNode queue = officer.get("/api/staff/submissions?state=SUBMITTED").json();
        assertThat(queue).hasSize(1);
        long id = queue.get(0).get("id").asLong();
        assertThat(queue.get(0).get("tasks").findValues("answer")).extracting(JsonNode::asText)
                .containsExactly("Табыс 180 000", "Жоқ, алдымен жинақ");
        Api.Response tooHigh = officer.put("/api/staff/submissions/" + id + "/grade", Api.object("score", 11, "feedback", ""));
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.code()).isEqualTo("submission.score-out-of-range");
        Api.Response foreign = World.create().officer().put("/api/staff/submissions/" + id + "/grade",
                Api.object("score", 1, "feedback", ""));
        assertThat(foreign.status()).isEqualTo(404);
        JsonNode graded = officer.put("/api/staff/submissions/" + id + "/grade", Api.object("score", 8.5, "feedback", "Жақсы")).json();
        assertThat(graded.get("state").asText()).isEqualTo("GRADED");
        JsonNode seen = k.get(s.base() + "case").json().get("submission");
        assertThat(seen.get("score").decimalValue()).isEqualByComparingTo("8.5");
        assertThat(seen.get("feedback").asText()).isEqualTo("Жақсы");
        assertThat(officer.get("/api/staff/audit?size=20").json().findValues("action")).extracting(JsonNode::asText)
                .contains("submission.graded");
    }

    @Test
    void aPracticeQuizIsGradedAtOnceWithFeedbackAndItsAttemptsAreCounted() {
        Setup s = setup();
        Api k = s.kiosk();
        JsonNode quiz = k.get(s.base() + "quiz").json();
        assertThat(quiz.toString()).as("a learner never receives the right answers")
                .doesNotContain("correct", "\"value\"", "15000", "Дұрыс", "Қате");
        assertThat(quiz.get("questions").get(0).get("choices").findValues("key")).extracting(JsonNode::asText)
                .containsExactly("a", "b");

        JsonNode first = k.post(s.base() + "quiz/attempts", Api.object(
                "q1", Api.object("choices", List.of("b")), "q2", Api.object("text", "15 000"))).json();
        assertThat(first.get("score").decimalValue()).isEqualByComparingTo("2");
        assertThat(first.get("maxScore").decimalValue()).isEqualByComparingTo("3");
        JsonNode q1 = first.get("result").get("questions").get(0);
        assertThat(q1.get("outcome").asText()).isEqualTo("INCORRECT");
        assertThat(q1.get("feedbackHtml").asText()).contains("Қате");
        assertThat(q1.get("choiceFeedbackHtml").get(0).asText()).contains("Жоқ");
        assertThat(first.get("result").get("questions").get(1).get("outcome").asText()).isEqualTo("CORRECT");

        JsonNode second = k.post(s.base() + "quiz/attempts", Api.object("q1", Api.object("choices", List.of("a")))).json();
        assertThat(second.get("number").asInt()).isEqualTo(2);
        Api.Response third = k.post(s.base() + "quiz/attempts", Api.object("q1", Api.object("choices", List.of("a"))));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.code()).isEqualTo("quiz.no-attempts-left");
        JsonNode after = k.get(s.base() + "quiz").json();
        assertThat(after.get("attemptsUsed").asInt()).isEqualTo(2);
        assertThat(after.get("lastAttempt").get("score").decimalValue()).isEqualByComparingTo("1");
        assertThat(after.get("progress").get("completed").asBoolean()).isTrue();
    }
}
