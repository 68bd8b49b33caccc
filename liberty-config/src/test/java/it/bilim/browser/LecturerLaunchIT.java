package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.ItServer;
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

/**
 * A lecturer opens Bilim from their university's LMS (the platform simulator, registered through
 * the administrator's API), as lecturers do: on the LMS's course page, where Bilim is shown in a
 * frame, or through the page's link to a new window. Either way the real OIDC login and launch run
 * in Chromium and the lecturer workspace shows their name and the linked course, read-only — no
 * officer's decision — with its document opened through the handed-over session. An LMS course
 * linked to no Bilim course gets an explanation; an ended session sends the lecturer back to the
 * LMS, never to a sign-in form. axe finds nothing in any of these states; the workspace is worked
 * by keyboard, in high contrast and large text, and at 200% zoom nothing scrolls sideways.
 */
class LecturerLaunchIT {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    @RegisterExtension
    static final Browser browser = new Browser();

    private static PlatformSimulator lms;
    private static Api admin;
    private static long courseId;
    private static String courseTitle;

    @BeforeAll
    static void aRegisteredLmsAndACourseOfItsUniversity() throws IOException {
        String tool = ItServer.url();
        lms = PlatformSimulator.builder().clientId(World.unique("client-")).deploymentId(World.unique("deployment-"))
                .toolRedirectUri(URI.create(tool + "/api/lti/launch")).toolTargetLinkUri(URI.create(tool + "/"))
                .toolJwksUrl(URI.create(tool + "/api/lti/jwks")).start();
        admin = World.admin();
        long university = CourseFixture.university(World.unique("al-Farabi KazNU "));
        Api.Response r = admin.post("/api/staff/lti/registrations", Api.object("universityId", university, "issuer", lms.issuer(),
                "clientId", lms.clientId(), "deploymentIds", List.of(lms.deploymentId()),
                "authorizationEndpoint", lms.authorizationEndpoint().toString(), "tokenEndpoint", lms.tokenEndpoint().toString(),
                "jwksUrl", lms.jwksUri().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);

        courseTitle = "Правовая грамотность " + World.unique("");
        CourseFixture course = CourseFixture.create(World.create(), university, courseTitle, "ru");
        String week = course.module("Неделя 1: ваши права");
        course.item(week, Items.page("Чтение: ваши права", "<p>Каждый человек имеет право на юридическую помощь.</p>"));
        course.item(week, Items.file("Конспект", course.upload("notes.pdf",
                Fixtures.pdf(new String[] {"Lecture notes", EveryKindCourse.PDF_WORD + " corpus"}))));
        course.item(week, Items.media("Лекция 1", course.upload("lecture.webm", CourseFixture.demoFile("lecture.webm"))));
        course.item(week, Items.quiz("Проверьте себя", 3));
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
        return lms.coursePageUri(URI.create(ItServer.url() + "/api/lti/login"));
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
        browser.driver.get(lms.loginInitiationUri(URI.create(ItServer.url() + "/api/lti/login")).toString());

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
        // A recording is named, not played: a <video> could not send the bearer token.
        browser.visible("course-preview .preview-item[data-kind=media] [data-media-not-played]");
        assertThat(browser.all("course-preview video")).isEmpty();
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
