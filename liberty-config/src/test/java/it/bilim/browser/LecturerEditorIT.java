package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bilim.lti.sim.PlatformSimulator;
import org.bilim.lti.sim.SimMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A lecturer launched from their LMS edits the content of the course they teach in the workspace's
 * "Edit content" view: adds a module and a page in it, edits the page (the server's sanitised HTML
 * is what they see back), uploads a document and a recording (a web page is refused), moves a quiz
 * up and removes a page by keyboard, each time with focus where the next step starts. The REST
 * API then shows the draft changed exactly so, while the approved version learners see stays as
 * it was. A rename made against content someone changed
 * meanwhile is refused with the server's words and the course loaded again; made again, it holds,
 * and modules are moved and removed by keyboard. The draft opens in
 * the read-only preview. axe finds nothing in any state; at 640 px in high contrast nothing
 * scrolls sideways. In a course of their own the lecturer writes, by keyboard, a case study of two
 * tasks (a maximum score of 0 refused at its field) and a quiz of a single-choice and a numeric
 * question, edits each, and the draft holds exactly that.
 */
class LecturerEditorIT {
    private static final String LTI = Lms.LTI;

    @RegisterExtension
    static final Browser browser = new Browser();

    private static PlatformSimulator lms;
    private static long university;
    private static CourseFixture course;
    private static String courseTitle;
    private static String week1;
    private static String introKey;
    private static String quizKey;

    @BeforeAll
    static void anApprovedCourseOfAnLmsUniversity() throws IOException {
        university = CourseFixture.university(World.unique("KazGUU "));
        lms = Lms.registered(university);
        courseTitle = "Уголовный процесс " + World.unique("");
        course = CourseFixture.create(World.create(), university, courseTitle, "ru");
        week1 = course.module("Неделя 1: начало");
        introKey = Items.lastKey(course.item(week1, Items.page("Введение", "<p>О курсе.</p>")), week1);
        quizKey = Items.lastKey(course.item(week1, Items.quiz("Проверьте себя", 0)), week1);
        course.approve();
    }

    @AfterAll
    static void stop() {
        if (lms != null) {
            lms.close();
        }
    }

    /** Launches a lecturer of {@code taught} from the LMS, in Russian, into the workspace. */
    private static void launchLecturer(CourseFixture taught) {
        String name = "Бауыржан " + World.unique("Ахметов-");
        lms.launchWith(Map.of("sub", World.unique("teacher-"), "name", name, "given_name", "Бауыржан", "family_name", "Ахметов",
                LTI + "roles", List.of(SimMember.INSTRUCTOR),
                LTI + "launch_presentation", Map.of("document_target", "window", "locale", "ru"),
                LTI + "custom", Map.of("bilim_course", Long.toString(taught.id()))));
        browser.driver.get(Lms.login(lms).toString());
        browser.text("lecturer-workspace [data-me-name]", name);
        browser.language("ru");
    }

    /** Moves focus to a control and presses Enter on it, as a keyboard user does. */
    private static void press(String css) {
        browser.js("arguments[0].focus()", browser.visible(css));
        browser.type(Keys.ENTER);
    }

    @Test
    void theLecturerEditsTheDraftByKeyboardAndAStaleChangeIsRefused() {
        launchLecturer(course);
        browser.visible("course-preview .preview-item[data-kind=quiz]");

        // The approved version: the editor says a change starts a new draft.
        browser.click("lecturer-workspace a[data-nav=edit]");
        browser.text("course-editor h1", Catalogue.text("ru", "editor.heading", "title", courseTitle));
        assertThat(browser.focused().getText()).isEqualTo(Catalogue.text("ru", "editor.heading", "title", courseTitle));
        assertThat(browser.visible("lecturer-workspace a[data-nav=edit]").getAttribute("aria-current")).isEqualTo("page");
        browser.text("course-editor [data-version-state] [data-state=FROZEN]", Catalogue.text("ru", "editor.state.frozen", "number", 1));
        browser.visible("course-editor li[data-kind=quiz] [data-action=edit-quiz]");
        assertThat(browser.all("course-editor li[data-kind=quiz] [data-action=edit-page]")).isEmpty();
        Axe.check(browser, "lecturer editor, approved version");

        // A module: it goes to a new draft, focus is on its heading, and the draft's approval is said.
        browser.fill("#ce-module-title", "Неделя 2: защита");
        browser.type(Keys.ENTER);
        browser.waiting(Browser.WAIT).until(d -> browser.all("course-editor section[data-module]").size() == 2);
        String week2 = browser.all("course-editor section[data-module]").get(1).getAttribute("data-module");
        assertThat(browser.focused().getText()).isEqualTo("Неделя 2: защита");
        browser.text("course-editor [data-version-state] [data-state=DRAFT]", Catalogue.text("ru", "editor.state.draft", "number", 2));
        assertThat(browser.visible("course-editor [data-version-state]").getText())
                .contains(Catalogue.text("ru", "editor.state.learnersSee", "number", 1));
        browser.textContains("[data-announcer]", Catalogue.text("ru", "editor.saved.approval"));

        // A page in it: saved as sent, shown back as the server kept it.
        browser.click("course-editor button[data-action=add-page][data-key='" + week2 + "']");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-page-title");
        Axe.check(browser, "lecturer editor, new page");
        browser.fill("#ce-page-title", "Адвокат");
        browser.fill("#ce-page-html", "<p>Право на защиту.</p><script>alert(1)</script><p><a href=\"https://evil.example/x\">там</a></p>");
        browser.click("course-editor form[data-form=page] button[type=submit]");
        WebElement kept = browser.visible("course-editor section[data-module='" + week2 + "'] details[open] [data-page-html]");
        assertThat(kept.getText()).contains("Право на защиту.");
        assertThat(kept.getAttribute("innerHTML")).doesNotContain("script").doesNotContain("evil.example");
        assertThat(browser.focused().getText()).contains("Адвокат");
        String pageKey = browser.visible("course-editor section[data-module='" + week2 + "'] li[data-kind=page]").getAttribute("data-item");
        Axe.check(browser, "lecturer editor, page added");

        // Edited: the form holds the sanitised HTML, and the change is saved in place.
        browser.click("course-editor button[data-action=edit-page][data-key='" + pageKey + "']");
        assertThat(browser.visible("#ce-page-html").getAttribute("value")).contains("Право на защиту.").doesNotContain("script");
        browser.fill("#ce-page-title", "Адвокат и защита");
        browser.fill("#ce-page-html", "<p>Право на защиту в суде.</p>");
        browser.click("course-editor form[data-form=page] button[type=submit]");
        browser.textContains("course-editor li[data-item='" + pageKey + "'] h3", "Адвокат и защита");
        assertThat(browser.focused().getText()).contains("Адвокат и защита");
        browser.textContains("[data-announcer]", Catalogue.text("ru", "editor.page.saved", "title", "Адвокат и защита"));

        // A web page is refused as a file, with the server's words next to the field; a PDF and a recording are added.
        browser.click("course-editor button[data-action=add-file][data-key='" + week2 + "']");
        browser.fill("#ce-file-title", "Памятка");
        browser.visible("#ce-file").sendKeys(Fixtures.temporaryFile("memo.html", "<html><body>x</body></html>".getBytes(StandardCharsets.UTF_8))
                .toAbsolutePath().toString());
        browser.click("course-editor form[data-form=file] button[type=submit]");
        browser.text("#ce-form-problem h2", "Тип файла не допускается");
        assertThat(browser.visible("#ce-file").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.visible("#ce-file-error").getText()).contains("memo.html");
        Axe.check(browser, "lecturer editor, a file refused");
        browser.visible("#ce-file").sendKeys(Fixtures.temporaryFile("memo.pdf", Fixtures.pdf(new String[] {"Memo"})).toAbsolutePath().toString());
        browser.click("course-editor form[data-form=file] button[type=submit]");
        String fileKey = browser.visible("course-editor section[data-module='" + week2 + "'] li[data-kind=file]").getAttribute("data-item");
        assertThat(browser.focused().getText()).contains("Памятка");
        browser.click("course-editor button[data-action=add-file][data-key='" + week2 + "']");
        browser.fill("#ce-file-title", "Лекция 2");
        browser.visible("#ce-file").sendKeys(Fixtures.temporaryFile("lecture.webm", CourseFixture.demoFile("lecture.webm"))
                .toAbsolutePath().toString());
        browser.click("course-editor form[data-form=file] button[type=submit]");
        String mediaKey = browser.visible("course-editor section[data-module='" + week2 + "'] li[data-kind=media]").getAttribute("data-item");

        // By keyboard: from the heading, Tab to the quiz's "Move up", Enter; focus stays on the quiz's row.
        browser.js("document.querySelector('course-editor h1').focus()");
        browser.tabTo("course-editor button[data-action=item-up][data-key='" + quizKey + "']", 40);
        browser.type(Keys.ENTER);
        browser.waiting(Browser.WAIT).until(d -> quizKey.equals(
                browser.visible("course-editor section[data-module='" + week1 + "'] li").getAttribute("data-item")));
        assertThat(itemKeys(week1)).containsExactly(quizKey, introKey);
        assertThat(browser.js("return arguments[0].matches(arguments[1])", browser.focused(),
                "button[data-action=item-down][data-key='" + quizKey + "']")).isEqualTo(true);

        // By keyboard: on to the introduction's "Remove", Enter; the dialog starts on Cancel, Shift+Tab to Remove.
        browser.tabTo("course-editor button[data-action=remove-item][data-key='" + introKey + "']", 10);
        browser.type(Keys.ENTER);
        browser.text("dialog[open] #confirm-title", Catalogue.text("ru", "editor.item.remove.title", "title", "Введение"));
        assertThat(browser.focused().getAttribute("data-answer")).isEqualTo("no");
        Axe.check(browser, "lecturer editor, removing an item");
        new Actions(browser.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(browser.focused().getAttribute("data-answer")).isEqualTo("yes");
        browser.type(Keys.ENTER);
        browser.waiting(Browser.WAIT).until(d -> browser.all("course-editor li[data-item='" + introKey + "']").isEmpty());
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-i-" + quizKey);
        browser.textContains("[data-announcer]", Catalogue.text("ru", "editor.item.removed", "title", "Введение"));
        Axe.check(browser, "lecturer editor, after the changes");

        // The draft, through the API: exactly these changes; the approved version is still version 1.
        JsonNode detail = course.detail();
        assertThat(detail.get("latest").get("state").asText()).isEqualTo("DRAFT");
        assertThat(detail.get("latest").get("number").asInt()).isEqualTo(2);
        JsonNode modules = detail.get("content").get("modules");
        assertThat(modules).hasSize(2);
        assertThat(modules.get(0).get("key").asText()).isEqualTo(week1);
        assertThat(itemKeys(week1)).containsExactly(quizKey);
        assertThat(modules.get(1).get("title").asText()).isEqualTo("Неделя 2: защита");
        assertThat(itemKeys(week2)).containsExactly(pageKey, fileKey, mediaKey);
        JsonNode items = modules.get(1).get("items");
        assertThat(items.get(1).get("title").asText()).isEqualTo("Памятка");
        assertThat(items.get(1).get("file").get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(items.get(2).get("title").asText()).isEqualTo("Лекция 2");
        assertThat(items.get(2).get("media").get("mediaType").asText()).startsWith("video/");
        JsonNode page = items.get(0);
        assertThat(page.get("kind").asText()).isEqualTo("page");
        assertThat(page.get("title").asText()).isEqualTo("Адвокат и защита");
        assertThat(page.get("html").asText()).contains("Право на защиту в суде.").doesNotContain("script");
        List<String> states = new ArrayList<>();
        detail.get("versions").forEach(v -> states.add(v.get("number").asInt() + ":" + v.get("state").asText()));
        assertThat(states).contains("1:FROZEN", "2:DRAFT");

        // Someone renames the module through the API while the lecturer's form is open: their rename is refused.
        browser.click("course-editor button[data-action=rename-module][data-key='" + week2 + "']");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-rename-title");
        course.edit("PUT", "/modules/" + week2, Api.object("title", "Неделя 2 (изменено)"));
        browser.fill("#ce-rename-title", "Неделя 2: адвокатура");
        browser.type(Keys.ENTER);
        browser.text("#ce-form-problem h2", "Изменено другим пользователем");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-form-problem");
        assertThat(browser.visible("#ce-form-problem [data-stale-reloaded]").getText()).isEqualTo(Catalogue.text("ru", "editor.stale.reloaded"));
        assertThat(browser.visible("#ce-rename-title").getAttribute("value")).as("what was typed is kept").isEqualTo("Неделя 2: адвокатура");
        assertThat(course.detail().get("content").get("modules").get(1).get("title").asText()).isEqualTo("Неделя 2 (изменено)");
        Axe.check(browser, "lecturer editor, a stale change refused");
        browser.click("course-editor [data-cancel]");
        browser.text("course-editor #ce-m-" + week2, "Неделя 2 (изменено)");
        assertThat(browser.focused().getAttribute("data-action")).isEqualTo("rename-module");

        // The rename again, against the course as it is now; the module moved up and the first one removed, by keyboard.
        browser.type(Keys.ENTER);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-rename-title");
        browser.fill("#ce-rename-title", "Неделя 2: адвокатура");
        browser.type(Keys.ENTER);
        browser.text("course-editor #ce-m-" + week2, "Неделя 2: адвокатура");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-m-" + week2);
        browser.tabTo("course-editor button[data-action=module-up][data-key='" + week2 + "']", 5);
        browser.type(Keys.ENTER);
        browser.waiting(Browser.WAIT).until(d -> week2.equals(browser.visible("course-editor section[data-module]").getAttribute("data-module")));
        assertThat(browser.js("return arguments[0].matches(arguments[1])", browser.focused(),
                "button[data-action=module-down][data-key='" + week2 + "']")).isEqualTo(true);
        browser.tabTo("course-editor button[data-action=remove-module][data-key='" + week1 + "']", 40);
        browser.type(Keys.ENTER);
        browser.text("dialog[open] #confirm-body", Catalogue.text("ru", "editor.module.remove.body", "count", 1));
        new Actions(browser.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).sendKeys(Keys.ENTER).perform();
        browser.waiting(Browser.WAIT).until(d -> browser.all("course-editor section[data-module='" + week1 + "']").isEmpty());
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-m-" + week2);
        JsonNode after = course.detail().get("content").get("modules");
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("key").asText()).isEqualTo(week2);
        assertThat(after.get(0).get("title").asText()).isEqualTo("Неделя 2: адвокатура");
        assertThat(itemKeys(week2)).containsExactly(pageKey, fileKey, mediaKey);

        // The draft in the read-only preview: the lecturer reads it as learners will once it is approved.
        browser.click("course-editor a[data-open-preview]");
        browser.text("course-preview h1", Catalogue.text("ru", "preview.heading", "title", courseTitle));
        assertThat(browser.visible("course-preview dl.facts").getText()).contains(Catalogue.text("ru", "vetting.state.DRAFT"));
        assertThat(browser.visible("course-preview .preview-item[data-item='" + pageKey + "']").getText()).contains("Право на защиту в суде.");
        assertThat(browser.all("course-preview .preview-item[data-item='" + introKey + "']")).isEmpty();
        assertThat(browser.visible("lecturer-workspace a[data-nav=course]").getAttribute("aria-current")).isEqualTo("page");
        Axe.check(browser, "lecturer workspace, preview of the draft");

        // High contrast at 640 px: the editor reflows.
        browser.click("label[for=display-highContrast]");
        browser.click("lecturer-workspace a[data-nav=edit]");
        browser.visible("course-editor li[data-item='" + pageKey + "']");
        browser.width(640);
        browser.assertNoHorizontalScroll("lecturer editor at 640 px, high contrast");
        Axe.check(browser, "lecturer editor at 640 px, high contrast");
    }

    @Test
    void theLecturerWritesACaseStudyAndAQuizByKeyboard() {
        CourseFixture own = CourseFixture.create(World.create(), university, "Права человека " + World.unique(""), "ru");
        String topic = own.module("Тема 1");
        launchLecturer(own);
        browser.click("lecturer-workspace a[data-nav=edit]");
        browser.visible("course-editor section[data-module='" + topic + "']");

        // A case study: a maximum score of 0 is refused at its field, nothing is sent.
        press("course-editor button[data-action=add-case][data-key='" + topic + "']");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-case-title");
        Axe.check(browser, "lecturer editor, new case study");
        browser.fill("#ce-case-title", "Задержание");
        browser.fill("#ce-case-scenario", "<p>Гражданина задержали без объяснения причин.</p>");
        browser.fill("#ce-t0-prompt", "<p>Определите нарушенные права.</p>");
        browser.fill("#ce-t0-rubric", "<p>Названа статья Конституции.</p>");
        browser.fill("#ce-t0-maxScore", "0");
        browser.type(Keys.ENTER);
        browser.text("#ce-form-problem h2", Catalogue.text("ru", "editor.invalid.title"));
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-form-problem");
        assertThat(browser.visible("#ce-t0-maxScore").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.visible("#ce-t0-maxScore-error").getText()).contains(Catalogue.text("ru", "editor.invalid.positive"));
        assertThat(browser.visible("#ce-t0-prompt").getAttribute("aria-invalid")).isNull();
        Axe.check(browser, "lecturer editor, a case study refused");
        browser.fill("#ce-t0-maxScore", "10");
        browser.tabTo("course-editor [data-add-entry]", 10);
        browser.type(Keys.ENTER);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-t1-prompt");
        browser.textContains("[data-announcer]", Catalogue.text("ru", "editor.case.task.added", "number", 2));
        browser.fill("#ce-t1-prompt", "<p>Назовите права задержанного.</p>");
        browser.fill("#ce-t1-maxScore", "5,5");
        browser.type(Keys.ENTER);
        browser.visible("course-editor li[data-kind=case-study]");
        String caseKey = browser.visible("course-editor li[data-kind=case-study]").getAttribute("data-item");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-i-" + caseKey);
        browser.textContains("[data-announcer]", Catalogue.text("ru", "editor.case.added", "title", "Задержание"));

        // A quiz: a single-choice question and a numeric one, the type chosen with the arrow keys.
        press("course-editor button[data-action=add-quiz][data-key='" + topic + "']");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-quiz-title");
        browser.fill("#ce-quiz-title", "Проверьте себя");
        browser.fill("#ce-quiz-intro", "<p>Два вопроса.</p>");
        browser.fill("#ce-quiz-attempts", "2");
        press("course-editor [data-add-entry]");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-q0-prompt");
        browser.fill("#ce-q0-prompt", "<p>Какой город крупнее?</p>");
        browser.fill("#ce-q0-c0-html", "Астана");
        browser.fill("#ce-q0-c1-html", "Алматы");
        browser.js("arguments[0].focus()", browser.visible("#ce-new-type"));
        browser.type(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
        assertThat(browser.visible("#ce-new-type").getAttribute("value")).isEqualTo("numeric");
        browser.tabTo("course-editor [data-add-entry]", 3);
        browser.type(Keys.ENTER);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-q1-prompt");
        browser.fill("#ce-q1-prompt", "<p>Сколько статей в разделе о правах?</p>");
        browser.fill("#ce-q1-points", "2");
        browser.fill("#ce-q1-value", "42");
        browser.fill("#ce-q1-tolerance", "0,5");
        Axe.check(browser, "lecturer editor, new quiz");
        browser.type(Keys.ENTER);
        String quiz = browser.visible("course-editor li[data-kind=quiz]").getAttribute("data-item");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-i-" + quiz);

        // The case study edited: the second task reworded and moved up, focus staying on it.
        press("course-editor button[data-action=edit-case][data-key='" + caseKey + "']");
        assertThat(browser.visible("#ce-t1-maxScore").getAttribute("value")).isEqualTo("5.5");
        browser.fill("#ce-t1-prompt", "<p>Назовите два права задержанного.</p>");
        press("course-editor button[data-entry-action=up][data-index='1']");
        assertThat(browser.js("return arguments[0].matches(arguments[1])", browser.focused(),
                "button[data-entry-action=down][data-index='0']")).isEqualTo(true);
        assertThat(browser.visible("#ce-t0-prompt").getAttribute("value")).contains("два права");
        Axe.check(browser, "lecturer editor, editing a case study");
        press("#ce-case-title");
        browser.textContains("[data-announcer]", Catalogue.text("ru", "editor.case.saved", "title", "Задержание"));

        // The quiz edited: the other choice is right, the number changed.
        press("course-editor button[data-action=edit-quiz][data-key='" + quiz + "']");
        browser.js("arguments[0].focus()", browser.visible("#ce-q0-c1-correct"));
        browser.type(Keys.SPACE);
        assertThat(browser.visible("#ce-q0-c1-correct").isSelected()).isTrue();
        browser.fill("#ce-q1-value", "43,5");
        Axe.check(browser, "lecturer editor, editing a quiz");
        browser.type(Keys.ENTER);
        browser.textContains("[data-announcer]", Catalogue.text("ru", "editor.quiz.saved", "title", "Проверьте себя"));

        // The draft through the API holds exactly that.
        JsonNode items = own.detail().get("content").get("modules").get(0).get("items");
        assertThat(items).hasSize(2);
        JsonNode cs = items.get(0);
        assertThat(cs.get("kind").asText()).isEqualTo("case-study");
        assertThat(cs.get("title").asText()).isEqualTo("Задержание");
        assertThat(cs.get("scenarioHtml").asText()).contains("без объяснения причин");
        JsonNode tasks = cs.get("tasks");
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).get("promptHtml").asText()).contains("Назовите два права задержанного.");
        assertThat(tasks.get(0).get("maxScore").decimalValue()).isEqualByComparingTo("5.5");
        assertThat(tasks.get(1).get("promptHtml").asText()).contains("Определите нарушенные права.");
        assertThat(tasks.get(1).get("rubricHtml").asText()).contains("статья Конституции");
        assertThat(tasks.get(1).get("maxScore").decimalValue()).isEqualByComparingTo("10");
        JsonNode q = items.get(1);
        assertThat(q.get("kind").asText()).isEqualTo("quiz");
        assertThat(q.get("title").asText()).isEqualTo("Проверьте себя");
        assertThat(q.get("attemptsAllowed").asInt()).isEqualTo(2);
        JsonNode questions = q.get("questions");
        assertThat(questions).hasSize(2);
        JsonNode single = questions.get(0);
        assertThat(single.get("type").asText()).isEqualTo("single-choice");
        assertThat(single.get("points").decimalValue()).isEqualByComparingTo("1");
        assertThat(single.get("choices")).hasSize(2);
        assertThat(single.get("choices").get(0).get("html").asText()).isEqualTo("Астана");
        assertThat(single.get("choices").get(0).get("correct").asBoolean()).isFalse();
        assertThat(single.get("choices").get(1).get("html").asText()).isEqualTo("Алматы");
        assertThat(single.get("choices").get(1).get("correct").asBoolean()).isTrue();
        JsonNode numeric = questions.get(1);
        assertThat(numeric.get("type").asText()).isEqualTo("numeric");
        assertThat(numeric.get("points").decimalValue()).isEqualByComparingTo("2");
        assertThat(numeric.get("value").decimalValue()).isEqualByComparingTo("43.5");
        assertThat(numeric.get("tolerance").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void theQuizFormWritesTheOtherQuestionTypes() {
        CourseFixture own = CourseFixture.create(World.create(), university, "Семейное право " + World.unique(""), "ru");
        String topic = own.module("Тема 1");
        launchLecturer(own);
        browser.click("lecturer-workspace a[data-nav=edit]");
        press("course-editor button[data-action=add-quiz][data-key='" + topic + "']");
        browser.fill("#ce-quiz-title", "Брак");
        browser.fill("#ce-quiz-attempts", "0");
        addQuestion(1);
        browser.fill("#ce-q0-prompt", "<p>Что нужно для брака?</p>");
        browser.fill("#ce-q0-c0-html", "Согласие");
        browser.fill("#ce-q0-c1-html", "Возраст");
        press("course-editor button[data-entry-action=add-choice][data-index='0']");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-q0-c2-html");
        browser.fill("#ce-q0-c2-html", "Приданое");
        browser.js("arguments[0].focus()", browser.visible("#ce-q0-c0-correct"));
        browser.type(Keys.SPACE);
        assertThat(browser.visible("#ce-q0-c0-correct").isSelected()).isFalse();
        addQuestion(2);
        browser.fill("#ce-q1-prompt", "<p>Брак можно заключить в 14 лет.</p>");
        browser.js("arguments[0].focus()", browser.visible("#ce-q1-false"));
        browser.type(Keys.SPACE);
        browser.fill("#ce-q1-wrong", "<p>Только с 18 лет.</p>");
        addQuestion(4);
        browser.fill("#ce-q2-prompt", "<p>Где регистрируют брак?</p>");
        browser.fill("#ce-q2-accepted", "ЗАГС\nАХАЖ");
        browser.js("arguments[0].focus()", browser.visible("#ce-q2-case"));
        browser.type(Keys.SPACE);
        addQuestion(5);
        browser.fill("#ce-q3-prompt", "<p>Опишите права супругов.</p>");
        browser.fill("#ce-q3-points", "5");
        browser.fill("#ce-q3-guidance", "<p>Не меньше двух прав.</p>");
        addQuestion(5);
        assertThat(browser.all("course-editor fieldset[data-entry]")).hasSize(5);

        // A multiple-choice question with no right choice is refused at its choices; the extra essay removed by keyboard.
        press("#ce-quiz-title");
        browser.text("#ce-form-problem h2", Catalogue.text("ru", "editor.invalid.title"));
        assertThat(browser.visible("#ce-q0-choices-error").getText()).contains(Catalogue.text("ru", "editor.invalid.someRight"));
        assertThat(browser.visible("#ce-q4-prompt-error").getText()).contains(Catalogue.text("ru", "editor.invalid.required"));
        Axe.check(browser, "lecturer editor, a quiz refused");
        press("course-editor button[data-entry-action=remove][data-index='4']");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-q3-legend");
        browser.textContains("[data-announcer]", Catalogue.text("ru", "editor.quiz.question.removed", "number", 5));
        browser.js("arguments[0].focus()", browser.visible("#ce-q0-c0-correct"));
        browser.type(Keys.SPACE);
        browser.js("arguments[0].focus()", browser.visible("#ce-q0-c1-correct"));
        browser.type(Keys.SPACE);
        press("#ce-quiz-title");
        browser.textContains("[data-announcer]", Catalogue.text("ru", "editor.quiz.added", "title", "Брак"));

        JsonNode quiz = own.detail().get("content").get("modules").get(0).get("items").get(0);
        assertThat(quiz.get("attemptsAllowed").asInt()).isZero();
        JsonNode questions = quiz.get("questions");
        assertThat(questions).hasSize(4);
        List<String> types = new ArrayList<>();
        questions.forEach(q -> types.add(q.get("type").asText()));
        assertThat(types).containsExactly("multiple-choice", "true-false", "short-answer", "essay");
        List<String> right = new ArrayList<>();
        questions.get(0).get("choices").forEach(c -> right.add(c.get("html").asText() + ":" + c.get("correct").asBoolean()));
        assertThat(right).containsExactly("Согласие:true", "Возраст:true", "Приданое:false");
        assertThat(questions.get(1).get("answer").asBoolean()).isFalse();
        assertThat(questions.get(1).get("incorrectFeedbackHtml").asText()).contains("Только с 18 лет.");
        assertThat(questions.get(2).get("acceptedAnswers")).extracting(JsonNode::asText).containsExactly("ЗАГС", "АХАЖ");
        assertThat(questions.get(2).get("caseSensitive").asBoolean()).isTrue();
        assertThat(questions.get(3).get("points").decimalValue()).isEqualByComparingTo("5");
        assertThat(questions.get(3).get("guidanceHtml").asText()).contains("Не меньше двух прав.");
    }

    /** Chooses the type of the next question with the arrow keys (0 = the first type) and adds it. */
    private static void addQuestion(int downs) {
        browser.js("arguments[0].focus()", browser.visible("#ce-new-type"));
        browser.type(Keys.HOME);
        for (int i = 0; i < downs; i++) {
            browser.type(Keys.ARROW_DOWN);
        }
        browser.tabTo("course-editor [data-add-entry]", 3);
        browser.type(Keys.ENTER);
        int count = browser.all("course-editor fieldset[data-entry]").size();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("ce-q" + (count - 1) + "-prompt");
    }

    /** The draft's item keys of a module, through the API. */
    private static List<String> itemKeys(String moduleKey) {
        for (JsonNode m : course.detail().get("content").get("modules")) {
            if (m.get("key").asText().equals(moduleKey)) {
                List<String> keys = new ArrayList<>();
                m.get("items").forEach(i -> keys.add(i.get("key").asText()));
                return keys;
            }
        }
        throw new AssertionError("no module " + moduleKey);
    }
}
