package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bilim.lti.sim.PlatformSimulator;
import org.bilim.lti.sim.SimMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * A lecturer opens Bilim from their university's LMS (the platform simulator, registered through
 * the administrator's API), as lecturers do: on the LMS's course page, where Bilim is shown in a
 * frame, or through the page's link to a new window. Either way the real OIDC login and launch run
 * in Chromium and the lecturer workspace shows their name and the linked course, read-only — no
 * officer's decision — with its document opened through the handed-over session. An LMS course
 * linked to no Bilim course gets an explanation; an ended session sends the lecturer back to the
 * LMS, never to a sign-in form, and an idle one is ended on the server as well. From the LMS's
 * activity chooser (Deep Linking) the lecturer picks a quiz by keyboard and the page takes the
 * signed choice back to the LMS, which receives it once. axe finds nothing in any of these states;
 * the workspace is worked by keyboard, in high contrast and large text, and at 200% zoom nothing
 * scrolls sideways.
 */
class LecturerLaunchIT {
    private static final String LTI = Lms.LTI;

    @RegisterExtension
    static final Browser browser = new Browser();

    private static PlatformSimulator lms;
    private static Api admin;
    private static long courseId;
    private static String courseTitle;
    private static String quizKey;
    private static final String QUIZ = "Проверьте себя";
    /** Notes the session an LMS launch hands over before the page takes it out (run in each new document). */
    private static final String NOTE_SESSION = """
            document.addEventListener('readystatechange', () => {
              const meta = document.querySelector('meta[name="bilim-session"]');
              if (meta && !window.bilimSessionNoted) { window.bilimSessionNoted = meta.getAttribute('content'); }
            });""";

    @BeforeAll
    static void aRegisteredLmsAndACourseOfItsUniversity() throws IOException {
        admin = World.admin();
        long university = CourseFixture.university(World.unique("al-Farabi KazNU "));
        lms = Lms.registered(university);

        courseTitle = "Правовая грамотность " + World.unique("");
        CourseFixture course = CourseFixture.create(World.create(), university, courseTitle, "ru");
        String week = course.module("Неделя 1: ваши права");
        course.item(week, Items.page("Чтение: ваши права", "<p>Каждый человек имеет право на юридическую помощь.</p>"));
        course.item(week, Items.file("Конспект", course.upload("notes.pdf",
                Fixtures.pdf(new String[] {"Lecture notes", EveryKindCourse.PDF_WORD + " corpus"}))));
        course.item(week, Items.media("Лекция 1", course.upload("lecture.webm", CourseFixture.demoFile("lecture.webm"))));
        quizKey = Items.lastKey(course.item(week, Items.quiz(QUIZ, 3)), week);
        courseId = course.id();
    }

    @AfterAll
    static void stop() {
        if (lms != null) {
            lms.close();
        }
    }

    /** The LMS launches this instructor into the course; their LMS speaks Russian and shows tools in a frame. */
    private static void instructor(String name, Map<String, Object> more) {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("sub", World.unique("teacher-"), "name", name,
                "given_name", name.split(" ")[0], "family_name", name.split(" ")[1],
                LTI + "roles", List.of(SimMember.INSTRUCTOR), LTI + "launch_presentation",
                Map.of("document_target", "iframe", "locale", "ru", "return_url", lms.baseUri() + "/course")));
        claims.putAll(more);
        lms.launchWith(claims);
    }

    private static void instructorOfTheCourse(String name) {
        instructor(name, Map.of(LTI + "custom", Map.of("bilim_course", Long.toString(courseId))));
    }

    private static URI coursePage() {
        return Lms.coursePage(lms);
    }

    @Test
    void inTheLmsFrameTheLecturerSeesTheirNameAndTheCourseReadOnly() {
        String name = "Асель " + World.unique("Нурланова-");
        instructorOfTheCourse(name);
        browser.driver.get(coursePage().toString());
        browser.driver.switchTo().frame(browser.visible("iframe[data-tool-frame]"));

        theWorkspaceShowsTheCourseTo(name);
        // The document opens through the session the page holds: pdf.js sends it as a bearer token.
        browser.click("course-preview [data-open-file]");
        browser.visible("course-preview pdf-viewer[data-rendered='1']", Duration.ofSeconds(30));
        browser.waiting(Browser.WAIT).until(d -> String.valueOf(browser.js(
                "const l = document.querySelector('pdf-viewer .textLayer'); return l ? l.textContent : ''")).contains(EveryKindCourse.PDF_WORD));
        Axe.check(browser, "lecturer workspace in the LMS frame");
        browser.driver.switchTo().defaultContent();
    }

    @Test
    void inANewWindowTheLecturerSeesTheSame() {
        String name = "Данияр " + World.unique("Омаров-");
        instructorOfTheCourse(name);
        browser.driver.get(coursePage().toString());
        String lmsWindow = browser.driver.getWindowHandle();
        browser.click("a[data-new-window]");
        browser.waiting(Browser.WAIT).until(d -> d.getWindowHandles().size() == 2);
        String bilimWindow = browser.driver.getWindowHandles().stream().filter(h -> !h.equals(lmsWindow)).findFirst().orElseThrow();
        browser.switchTo(bilimWindow);

        theWorkspaceShowsTheCourseTo(name);
        Axe.check(browser, "lecturer workspace in a window of its own");

        // Keyboard: before the language switch there is only the skip link, and it leads into the main content.
        browser.js("document.querySelector('lecturer-workspace language-switch button').focus()");
        new Actions(browser.driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(browser.focused().getAttribute("class")).isEqualTo("skip-link");
        browser.type(Keys.ENTER);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("main");
        browser.tabTo("course-preview [data-open-file]", 10);

        browser.click("label[for=display-highContrast]");
        browser.click("label[for=display-largeText]");
        browser.waiting(Browser.WAIT).until(d -> {
            String classes = String.valueOf(browser.js("return document.documentElement.className"));
            return classes.contains("a11y-high-contrast") && classes.contains("a11y-large-text");
        });
        Axe.check(browser, "lecturer workspace, high contrast and large text");
        browser.width(640);
        browser.assertNoHorizontalScroll("lecturer workspace at 640 px, large text");
    }

    @Test
    void anLmsCourseLinkedToNoBilimCourseIsExplained() {
        String name = "Гүлнар " + World.unique("Сейітова-");
        // Another LMS course, named by no custom parameter and linked to nothing yet.
        instructor(name, Map.of(LTI + "context", Map.of("id", World.unique("context-"), "label", "C102", "title", "Criminal law",
                "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"))));
        browser.driver.get(Lms.login(lms).toString());

        browser.text("lecturer-workspace [data-me-name]", name);
        browser.text("lecturer-workspace [data-no-course] h1", Catalogue.text("ru", "lecturer.noCourse.heading"));
        assertThat(browser.visible("lecturer-workspace [data-no-course]").getText())
                .contains(Catalogue.text("ru", "lecturer.noCourse.ask")).contains(Catalogue.text("ru", "lecturer.noCourse.later"));
        assertThat(browser.all("course-preview")).isEmpty();
        Axe.check(browser, "lecturer workspace without a linked course");
    }

    @Test
    void anEndedSessionSendsTheLecturerBackToTheLmsWithoutASignInForm() {
        String name = "Ерлан " + World.unique("Жақыпов-");
        instructorOfTheCourse(name);
        browser.driver.get(coursePage().toString());
        browser.driver.switchTo().frame(browser.visible("iframe[data-tool-frame]"));
        browser.text("lecturer-workspace [data-me-name]", name);

        // The administrator disables the lecturer's account: their sessions end at once.
        JsonNode account = lecturerAccount(name);
        Api.Response disabled = admin.put("/api/staff/accounts/" + account.get("id").asLong(), Api.object("fullName", name,
                "role", "LECTURER", "facilityId", null, "language", account.get("language").asText(), "enabled", false));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

        // The next request the workspace makes (saving a language choice) learns that the session ended.
        browser.click("lecturer-workspace language-switch button[data-language=kk]");
        browser.text("lecturer-workspace [data-session-ended] h1", Catalogue.text("kk", "lecturer.ended.heading"));
        assertThat(browser.visible("lecturer-workspace [data-session-ended]").getText())
                .contains(Catalogue.text("kk", "lecturer.ended.detail")).contains(Catalogue.text("kk", "lecturer.ended.noPassword"));
        assertThat(browser.focused().getText()).isEqualTo(Catalogue.text("kk", "lecturer.ended.heading"));
        browser.textContains("[data-announcer]", Catalogue.text("kk", "lecturer.ended.heading"));
        assertThat(browser.all("lecturer-workspace input[type=password], lecturer-workspace form")).isEmpty();
        assertThat(browser.all("lecturer-workspace [data-me-name]")).isEmpty();
        Axe.check(browser, "lecturer workspace after the session ended");
        browser.driver.switchTo().defaultContent();
    }

    @Test
    @SuppressWarnings("unchecked")
    void fromTheActivityChooserTheLecturerPicksAQuizByKeyboardAndTheLmsGetsItOnce() {
        String name = "Айгүл " + World.unique("Бекова-");
        int before = lms.deepLinkingReturns().size();
        Lms.deepLinking(lms, name, false);
        browser.driver.get(coursePage().toString());
        browser.driver.switchTo().frame(browser.visible("iframe[data-tool-frame]"));

        browser.text("lecturer-workspace [data-me-name]", name);
        browser.language("ru");
        browser.text("deep-linking-picker h1", Catalogue.text("ru", "dl.heading"));
        assertThat(browser.focused().getText()).isEqualTo(Catalogue.text("ru", "dl.heading"));
        String quiz = "deep-linking-picker input[data-item='" + quizKey + "']";
        assertThat(browser.visible("deep-linking-picker fieldset[data-course-id='" + courseId + "'] legend").getText()).contains(courseTitle);
        assertThat(browser.visible(quiz).getAttribute("type")).as("the LMS takes one item here").isEqualTo("radio");
        assertThat(browser.all("deep-linking-picker input[data-item]:not([data-item=''])")).as("only graded work is offered as an item")
                .hasSize(1);
        assertThat(browser.visible("label[for='" + browser.visible(quiz).getAttribute("id") + "']").getText())
                .contains(QUIZ).contains(Catalogue.text("ru", "course.kind.quiz"));
        Axe.check(browser, "lecturer: Deep Linking choice");

        // Nothing chosen yet: the problem is said, and it leads to the choices.
        browser.tabTo("deep-linking-picker button[type=submit]", 20);
        browser.type(Keys.ENTER);
        browser.text("#dl-problem h2", Catalogue.text("ru", "dl.none.title"));
        assertThat(browser.focused().getAttribute("id")).isEqualTo("dl-problem");
        browser.visible("#dl-error");
        assertThat(lms.deepLinkingReturns()).hasSize(before);
        Axe.check(browser, "lecturer: Deep Linking choice, nothing chosen");

        // By keyboard: from the problem's link into the choices, the arrows to the quiz, Tab to the button.
        browser.tabTo("#dl-problem [data-focus]", 5);
        browser.type(Keys.ENTER);
        assertThat(browser.focused().getAttribute("name")).isEqualTo("pick");
        for (int i = 0; i < 10 && !Boolean.TRUE.equals(browser.js("return arguments[0].matches(arguments[1])", browser.focused(), quiz)); i++) {
            browser.type(Keys.ARROW_DOWN);
        }
        assertThat(browser.visible(quiz).isSelected()).isTrue();
        assertThat(browser.all("deep-linking-picker input[name=pick]:checked")).hasSize(1);
        browser.tabTo("deep-linking-picker button[type=submit]", 5);
        browser.type(Keys.ENTER);

        // The page posts the signed answer to the LMS itself: the frame shows the LMS again.
        browser.waiting(Duration.ofSeconds(30)).until(d -> lms.deepLinkingReturns().size() > before);
        browser.textContains("body", "Content received");
        assertThat(lms.deepLinkingReturns()).hasSize(before + 1);
        Map<String, Object> claims = lms.deepLinkingReturns().get(before).claims();
        assertThat(claims.get(LTI + "message_type")).isEqualTo("LtiDeepLinkingResponse");
        List<Object> items = (List<Object>) claims.get(Lms.DL + "content_items");
        assertThat(items).hasSize(1);
        Map<String, Object> item = (Map<String, Object>) items.get(0);
        assertThat(item.get("type")).isEqualTo("ltiResourceLink");
        assertThat(item.get("title")).isEqualTo(QUIZ);
        assertThat((Map<String, Object>) item.get("custom")).containsEntry("bilim_course", Long.toString(courseId))
                .containsEntry("bilim_item", quizKey);
        assertThat((Map<String, Object>) item.get("lineItem")).containsEntry("resourceId", "bilim:course:" + courseId + ":item:" + quizKey);
        browser.driver.switchTo().defaultContent();
    }

    @Test
    void anIdleLecturerIsSignedOutOnTheServerNotOnlyInThePage() {
        String name = "Марат " + World.unique("Исаев-");
        instructorOfTheCourse(name);
        Api token = Api.client().header("Authorization", "Bearer " + launchNotingTheSession(Lms.login(lms)));
        browser.text("lecturer-workspace [data-me-name]", name);
        assertThat(token.get("/api/staff/session").status()).isEqualTo(200);

        // An hour goes by on the page's clock without a key pressed (the server's own idle limit is far off).
        browser.js("const real = Date.now; Date.now = () => real.call(Date) + 3600000;");
        browser.text("lecturer-workspace [data-session-ended] h1", Catalogue.text("ru", "lecturer.ended.heading"));
        assertThat(browser.visible("lecturer-workspace [data-session-ended]").getText()).contains(Catalogue.text("ru", "lecturer.ended.idle"));
        browser.waiting(Browser.WAIT).until(d -> token.get("/api/staff/session").status() == 401);
    }

    @Test
    void theAdministratorSeesTheLecturerAndTheirLaunchInWords() {
        String name = "Сәуле " + World.unique("Әлиева-");
        instructorOfTheCourse(name);
        browser.driver.get(Lms.login(lms).toString());
        browser.text("lecturer-workspace [data-me-name]", name);
        long id = lecturerAccount(name).get("id").asLong();

        Flows.signInAdmin(browser);
        String lang = browser.language();
        browser.click("[data-nav=accounts]");
        String row = "staff-accounts tr[data-account-id='" + id + "']";
        assertThat(browser.visible(row).getText()).contains(Catalogue.text(lang, "role.lecturer"));
        browser.click(row + " a");
        Select role = new Select(browser.visible("#ae-role"));
        assertThat(role.getFirstSelectedOption().getAttribute("value")).isEqualTo("LECTURER");
        assertThat(role.getFirstSelectedOption().getText()).isEqualTo(Catalogue.text(lang, "role.lecturer"));

        browser.click("[data-nav=audit]");
        browser.visible("audit-log tbody tr");
        String log = browser.visible("audit-log table").getText();
        assertThat(log).contains(Catalogue.text(lang, "audit.action.lti.launch")).contains(Catalogue.text(lang, "audit.target.lti-platform"));
        assertThat(browser.all("audit-log tbody code")).as("every action and target has its words").isEmpty();
    }

    @Test
    void aChoiceAnsweredMeanwhileSaysToStartAgainFromTheLms() {
        String name = "Нұрлан " + World.unique("Серіков-");
        int before = lms.deepLinkingReturns().size();
        Lms.deepLinking(lms, name, true);
        String token = launchNotingTheSession(Lms.login(lms));
        browser.visible("deep-linking-picker input[data-item='" + quizKey + "']");
        // The same request answered elsewhere meanwhile (another tab of the LMS's dialog).
        String ref = (String) browser.js("return document.querySelector('meta[name=\"bilim-deep-linking\"]').content");
        Api.Response elsewhere = Api.client().header("Authorization", "Bearer " + token).post("/api/staff/lti/deep-linking/" + ref,
                Api.object("selections", List.of(Api.object("courseId", courseId))));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);

        browser.click("deep-linking-picker input[data-item='" + quizKey + "']");
        browser.click("deep-linking-picker button[type=submit]");
        // The server's words for it, in the lecturer's language, with focus on them: start again from the LMS.
        browser.textContains("deep-linking-picker .problem-box", "Этот выбор больше недоступен");
        assertThat(browser.focused().getAttribute("class")).isEqualTo("problem-box");
        assertThat(browser.focused().getText()).contains("Добавьте Bilim в курс LMS ещё раз");
        assertThat(browser.all("deep-linking-picker form")).isEmpty();
        assertThat(lms.deepLinkingReturns()).as("nothing went to the LMS from this page").hasSize(before);
        Axe.check(browser, "lecturer: Deep Linking choice answered meanwhile");
    }

    /** Launches in the browser's window, noting the session the launch hands to the page; the token. */
    private static String launchNotingTheSession(URI login) {
        // Noted as someone reading the page's source would, before the page takes it out.
        Map<String, Object> noting = browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NOTE_SESSION));
        try {
            browser.driver.get(login.toString());
            browser.visible("lecturer-workspace [data-me-name]");
        } finally {
            browser.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", noting.get("identifier")));
        }
        return (String) browser.js("return window.bilimSessionNoted");
    }

    /** What the lecturer sees, in the frame or the window the driver is in now. */
    private static void theWorkspaceShowsTheCourseTo(String name) {
        browser.text("lecturer-workspace [data-me-name]", name);
        browser.language("ru");
        browser.text("course-preview h1", Catalogue.text("ru", "preview.heading", "title", courseTitle));
        browser.visible("course-preview .preview-item[data-kind=page]");
        browser.visible("course-preview .preview-item[data-kind=quiz] [data-correct=true]");
        // Read-only for a lecturer: no decision for a facility, no way to the officer's course list.
        assertThat(browser.all("course-preview form[data-form=decision], course-preview [data-approve], course-preview [data-reject]"))
                .isEmpty();
        assertThat(browser.all("course-preview a[href='#/courses']")).isEmpty();
        // A recording plays from a short-lived link (a <video> cannot send the bearer token): it loads.
        browser.waiting(Browser.WAIT).until(d -> ((Number) browser.js("const v = document.querySelector('course-preview media-player video');"
                + " return v ? v.readyState : 0")).intValue() >= 1);
        assertThat(String.valueOf(browser.js("return document.querySelector('course-preview media-player video').currentSrc")))
                .contains("/api/media/");
        assertThat(browser.all("course-preview [data-media-not-played]")).isEmpty();
        // The session was handed over in the page and taken out of it at once, and it is kept nowhere.
        assertThat(browser.js("return document.querySelector('meta[name=\"bilim-session\"]') === null")).isEqualTo(true);
        assertThat(String.valueOf(browser.js("return JSON.stringify(Object.assign({}, localStorage, sessionStorage)) + location.href")))
                .doesNotContain("bilim-session").doesNotContainPattern("[A-Za-z0-9_-]{40,}");
        assertThat(Set.copyOf(browser.all("lecturer-workspace header, lecturer-workspace main, lecturer-workspace footer").stream()
                .map(e -> e.getTagName()).toList())).containsExactlyInAnyOrder("header", "main", "footer");
    }

    private static JsonNode lecturerAccount(String name) {
        for (JsonNode a : admin.get("/api/staff/accounts").json()) {
            if (a.get("fullName").asText().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no staff account named " + name);
    }
}
