package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A Russian-reading learner takes a practice quiz with one question of every type, with the
 * keyboard alone: arrow keys pick a radio button, Space ticks a checkbox, answers are typed — the
 * number as people in Kazakhstan write it, with a space between thousands and a decimal comma.
 * The result says each question's outcome in words with its feedback, leaves the essay to a
 * person, and counts the attempts; the last allowed attempt leaves no "Try again", also after a
 * reload.
 */
class KioskQuizInputsIT {
    private static final String LANG = "ru";

    @RegisterExtension
    static final Browser browser = new Browser();

    /** Six questions, 10 points; the learner's first attempt earns 3.5 (see the test). */
    private static ObjectNode everyTypeQuiz() {
        ObjectNode capital = Api.object("type", "single-choice", "key", "capital", "points", 1,
                "promptHtml", "<p>Какой город — столица Казахстана?</p>",
                "correctFeedbackHtml", "<p>Да, столица — Астана.</p>", "incorrectFeedbackHtml", "<p>Нет, столица — Астана.</p>",
                "choices", List.of(Api.object("key", "almaty", "html", "Алматы", "correct", false),
                        Api.object("key", "astana", "html", "Астана", "correct", true)));
        ObjectNode rights = Api.object("type", "multiple-choice", "key", "rights", "points", 1,
                "promptHtml", "<p>Какие права есть у задержанного?</p>",
                "correctFeedbackHtml", "<p>Всё верно.</p>",
                "incorrectFeedbackHtml", "<p>Права задержанного: адвокат и переводчик.</p>",
                "choices", List.of(
                        Api.object("key", "lawyer", "html", "Право на адвоката", "correct", true,
                                "feedbackHtml", "<p>Адвокат — да.</p>"),
                        Api.object("key", "interpreter", "html", "Право на переводчика", "correct", true),
                        Api.object("key", "silence-fee", "html", "Право на оплату молчания", "correct", false)));
        ObjectNode help = Api.object("type", "true-false", "key", "help", "points", 1, "answer", true,
                "promptHtml", "<p>Каждый имеет право на юридическую помощь.</p>",
                "correctFeedbackHtml", "<p>Верно: так говорит Конституция.</p>",
                "incorrectFeedbackHtml", "<p>Неверно: Конституция даёт это право каждому.</p>");
        ObjectNode law = Api.object("type", "short-answer", "key", "law", "points", 1, "caseSensitive", false,
                "acceptedAnswers", List.of("Конституция"),
                "promptHtml", "<p>Как называется основной закон страны?</p>",
                "correctFeedbackHtml", "<p>Да, Конституция.</p>", "incorrectFeedbackHtml", "<p>Это Конституция.</p>");
        ObjectNode fine = Api.object("type", "numeric", "key", "fine", "points", 1, "value", 1234.6, "tolerance", 0.2,
                "promptHtml", "<p>Сколько тенге составил штраф?</p>",
                "correctFeedbackHtml", "<p>Да, около 1 234,6 тенге.</p>", "incorrectFeedbackHtml", "<p>Штраф — 1 234,6 тенге.</p>");
        ObjectNode letter = Api.object("type", "essay", "key", "letter", "points", 5,
                "promptHtml", "<p>Напишите короткое обращение к адвокату.</p>",
                "guidanceHtml", "<p>Три-четыре предложения.</p>",
                "correctFeedbackHtml", "", "incorrectFeedbackHtml", "");
        return Api.object("kind", "quiz", "title", "Проверьте себя", "introHtml", "<p>Шесть вопросов.</p>",
                "attemptsAllowed", 2, "questions", List.of(capital, rights, help, law, fine, letter));
    }

    @Test
    void everyQuestionTypeAnsweredByKeyboardIsGradedSaidInWordsAndTheLastAttemptLeavesNone() {
        World world = World.create();
        World.Learner learner = world.learner(LANG);
        CourseFixture course = CourseFixture.create(world, LANG);
        String module = course.module("Неделя 1");
        String quizKey = Items.lastKey(course.item(module, everyTypeQuiz()), module);
        course.approve();
        course.enrol(learner);
        Flows.enrolAsKiosk(browser, world);
        Flows.signInLearner(browser, learner);
        browser.language(LANG);
        browser.js("location.hash = arguments[0]", "#/courses/" + course.id() + "/items/" + quizKey);
        browser.visible("practice-quiz fieldset.question[data-question='letter']");
        assertThat(browser.visible("practice-quiz [data-attempts]").getText())
                .isEqualTo(Catalogue.text(LANG, "quiz.attempts", "used", 0, "allowed", 2));

        // Single choice: Tab into the group, the down arrow moves to "Астана" and picks it (right).
        browser.tabTo("practice-quiz #q-0-0", 25);
        browser.type(Keys.ARROW_DOWN);
        assertThat(browser.visible("#q-0-1").isSelected()).isTrue();
        // Multiple choice: Space ticks "адвокат" only, one of the two right answers (partly right).
        browser.type(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q-1-0");
        browser.type(Keys.SPACE);
        assertThat(browser.visible("#q-1-0").isSelected()).isTrue();
        // True/false: Tab leaves the checkboxes one by one; the down arrow picks "Неверно" (wrong).
        browser.tabTo("practice-quiz #q-2-0", 4);
        browser.type(Keys.ARROW_DOWN);
        assertThat(browser.visible("#q-2-1").isSelected()).isTrue();
        // Short answer in other letter case and with a trailing space (right); a number written
        // "1 234,5" against 1234.6 ± 0.2 (right); an essay.
        browser.type(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q-3-text");
        browser.type("конституция ");
        browser.type(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q-4-text");
        assertThat(browser.focused().getAttribute("inputmode")).isEqualTo("decimal");
        browser.type("1 234,5");
        browser.type(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q-5-text");
        browser.type("Прошу вас защищать меня в суде. Я не подписывал протокол.");
        browser.tabTo("practice-quiz [data-quiz-submit]", 3);
        browser.type(Keys.ENTER);

        WebElement heading = browser.visible("practice-quiz [data-result-heading]");
        assertThat(heading.getText()).isEqualTo(Catalogue.text(LANG, "quiz.result", "score", "3,5", "max", 10));
        assertThat(browser.focused().getAttribute("data-result-heading")).as("focus on the result's heading").isNotNull();
        assertOutcome("capital", "CORRECT", "Да, столица — Астана.");
        assertOutcome("rights", "PARTIALLY_CORRECT", "Права задержанного: адвокат и переводчик.");
        assertThat(browser.visible("practice-quiz [data-result='rights']").getText()).as("the picked choice's feedback")
                .contains("Адвокат — да.");
        // Half a point, written as the learner writes numbers: with a decimal comma.
        assertThat(browser.visible("practice-quiz [data-result='rights'] .points").getText())
                .isEqualTo(Catalogue.text(LANG, "quiz.points", "awarded", "0,5", "points", 1));
        assertOutcome("help", "INCORRECT", "Неверно: Конституция даёт это право каждому.");
        assertOutcome("law", "CORRECT", "Да, Конституция.");
        assertOutcome("fine", "CORRECT", "Да, около 1 234,6 тенге.");
        assertThat(outcomeWords("letter")).isEqualTo(Catalogue.text(LANG, "quiz.outcome.NEEDS_GRADING"));
        assertThat(browser.visible("practice-quiz [data-result='letter'] .points").getText())
                .isEqualTo(Catalogue.text(LANG, "quiz.points", "awarded", 0, "points", 5));
        assertThat(browser.visible("practice-quiz [data-quiz-result]").getText()).as("the essay waits for a person")
                .contains(Catalogue.text(LANG, "quiz.needsGrading"));
        assertThat(browser.visible("practice-quiz [data-attempts]").getText())
                .isEqualTo(Catalogue.text(LANG, "quiz.attempts", "used", 1, "allowed", 2));
        assertThat(browser.all("practice-quiz [data-no-attempts]")).isEmpty();
        Axe.check(browser, "kiosk: result of a quiz with every question type");

        // The second and last attempt, from the keyboard: nothing answered this time.
        browser.visible("practice-quiz [data-try-again]").sendKeys(Keys.ENTER);
        browser.visible("practice-quiz fieldset.question");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q-0-0");
        assertThat(browser.visible("practice-quiz [data-last-score]").getText())
                .isEqualTo(Catalogue.text(LANG, "quiz.lastScore", "score", "3,5", "max", 10));
        browser.tabTo("practice-quiz [data-quiz-submit]", 12);
        browser.type(Keys.ENTER);
        browser.text("practice-quiz [data-result-heading]", Catalogue.text(LANG, "quiz.result", "score", 0, "max", 10));
        assertThat(browser.focused().getAttribute("data-result-heading")).isNotNull();
        assertThat(outcomeWords("capital")).isEqualTo(Catalogue.text(LANG, "quiz.outcome.UNANSWERED"));
        assertThat(browser.visible("practice-quiz [data-attempts]").getText())
                .isEqualTo(Catalogue.text(LANG, "quiz.attempts", "used", 2, "allowed", 2));
        assertThat(browser.all("practice-quiz [data-try-again]")).as("no attempts left").isEmpty();
        assertThat(browser.visible("practice-quiz [data-no-attempts]").getText()).isEqualTo(Catalogue.text(LANG, "quiz.noAttemptsLeft"));
        Axe.check(browser, "kiosk: result of the last attempt");

        // Coming back shows the last result, not a form that could not be sent.
        browser.driver.navigate().refresh();
        browser.text("practice-quiz [data-result-heading]", Catalogue.text(LANG, "quiz.result", "score", 0, "max", 10));
        assertThat(browser.all("practice-quiz form, practice-quiz [data-try-again]")).isEmpty();
        assertThat(browser.visible("practice-quiz [data-no-attempts]").isDisplayed()).isTrue();
    }

    private String outcomeWords(String question) {
        return browser.visible("practice-quiz [data-result='" + question + "'] .outcome").getText();
    }

    private void assertOutcome(String question, String outcome, String feedback) {
        WebElement result = browser.visible("practice-quiz [data-result='" + question + "']");
        assertThat(result.getAttribute("data-outcome")).as("outcome of %s", question).isEqualTo(outcome);
        assertThat(outcomeWords(question)).isEqualTo(Catalogue.text(LANG, "quiz.outcome." + outcome));
        assertThat(browser.visible("practice-quiz [data-result='" + question + "'] [data-feedback]").getText()).isEqualTo(feedback);
    }
}
