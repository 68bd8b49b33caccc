package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.ItServer;
import it.bilim.support.Poll;
import it.bilim.support.World;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bilim.lti.sim.Endpoint;
import org.bilim.lti.sim.Fault;
import org.bilim.lti.sim.PlatformSimulator;
import org.bilim.lti.sim.RecordedScore;
import org.bilim.lti.sim.SimMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Grades back to the university, on the screens: a lecturer launched from the LMS (the platform
 * simulator) grades a case study by keyboard in the LMS's frame; the officer reads the LMS roster
 * and confirms the student, and the grade arrives in the LMS's gradebook and is shown sent in both
 * consoles. A grade the LMS refuses is shown failed with its reason and sent again from the
 * screen; quiz essays are graded in the workspace, a concurrent grade is reloaded and said. Every
 * new screen passes axe, and at 640 px (200% zoom) nothing scrolls sideways.
 */
class GradesToUniversityIT {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final Duration PATIENCE = Poll.PATIENCE;

    @RegisterExtension
    static final Browser browser = new Browser();

    private Gradebook g;

    @AfterEach
    void stop() {
        if (g != null) {
            g.lms.close();
        }
        browser.closeOtherTabs();
        browser.width(1280);
    }

    /** An LMS of a university; a course of it with a case study and a quiz with an essay; a learner who submitted the case study. */
    private static final class Gradebook {
        final PlatformSimulator lms;
        final World world;
        final CourseFixture course;
        final World.Learner learner;
        final World.Kiosk kiosk;
        final String studentId = World.unique("stu-");
        final long submissionId;

        Gradebook() throws IOException {
            String tool = ItServer.url();
            lms = PlatformSimulator.builder().clientId(World.unique("client-")).deploymentId(World.unique("deployment-"))
                    .contextId(World.unique("ctx-")).toolRedirectUri(URI.create(tool + "/api/lti/launch"))
                    .toolTargetLinkUri(URI.create(tool + "/")).toolJwksUrl(URI.create(tool + "/api/lti/jwks")).start();
            long university = CourseFixture.university(World.unique("al-Farabi KazNU "));
            Api.Response r = World.admin().post("/api/staff/lti/registrations", Api.object("universityId", university, "issuer", lms.issuer(),
                    "clientId", lms.clientId(), "deploymentIds", List.of(lms.deploymentId()),
                    "authorizationEndpoint", lms.authorizationEndpoint().toString(), "tokenEndpoint", lms.tokenEndpoint().toString(),
                    "jwksUrl", lms.jwksUri().toString()));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);

            world = World.create();
            course = CourseFixture.create(world, university, "Қаржылық сауаттылық", "kk");
            String module = course.module("2-апта");
            course.item(module, Api.object("key", "case", "kind", "case-study", "title", "Отбасы бюджеті", "scenarioHtml", "<p>Жағдай</p>",
                    "tasks", List.of(Api.object("key", "t1", "promptHtml", "<p>Бюджет құрыңыз</p>", "rubricHtml", "<p>Табыс пен шығыс</p>",
                            "maxScore", 10))));
            course.item(module, Api.object("key", "quiz", "kind", "quiz", "title", "Бюджет тесті", "attemptsAllowed", 0, "questions", List.of(
                    Api.object("key", "q1", "type", "single-choice", "promptHtml", "<p>Бюджет?</p>", "points", 1, "choices", List.of(
                            Api.object("key", "a", "html", "Жоспар", "correct", true), Api.object("key", "b", "html", "Шот", "correct", false))),
                    Api.object("key", "letter", "type", "essay", "promptHtml", "<p>Банкке хат жазыңыз</p>", "points", 4,
                            "guidanceHtml", "<p>Сыпайы, нақты</p>"))));
            course.approve();
            learner = world.learner("kk");
            course.enrol(learner);
            kiosk = world.enrolledKiosk();
            assertThat(kiosk.signIn(learner).status()).isEqualTo(201);
            String base = "/api/kiosk/courses/" + course.id() + "/items/case/submission/";
            JsonNode saved = kiosk.device().put(base + "tasks/t1", Api.object("text", "Табыс <b>180 000</b>, шығыс 150 000", "revision", null))
                    .json();
            submissionId = kiosk.device().post(base + "submit", Api.object("revision", saved.get("revision").asLong())).json().get("id").asLong();
            lms.roster(List.of(SimMember.instructor("teacher-1", "Daniyar", "Omarov"),
                    SimMember.learner(studentId, "Learner", learner.number()),
                    SimMember.learner(World.unique("stu-"), "Асель", "Нурланова")));
        }

        /** The LMS will launch its instructor into the course; their LMS speaks Russian and shows tools in a frame. */
        void instructorLaunch() {
            Map<String, Object> claims = new LinkedHashMap<>(Map.of("sub", "teacher-1", "name", "Daniyar Omarov",
                    LTI + "roles", List.of(SimMember.INSTRUCTOR), LTI + "custom", Map.of("bilim_course", Long.toString(course.id())),
                    LTI + "launch_presentation", Map.of("document_target", "iframe", "locale", "ru", "return_url", lms.baseUri() + "/course")));
            lms.launchWith(claims);
        }

        String rosterPath(String action) {
            return "/api/staff/lms-courses/roster" + action + "?platform=" + platformId() + "&context="
                    + java.net.URLEncoder.encode(lms.contextId(), java.nio.charset.StandardCharsets.UTF_8);
        }

        long platformId() {
            for (JsonNode c : world.officer().get("/api/staff/lms-courses").json()) {
                if (c.get("contextId").asText().equals(lms.contextId())) {
                    return c.get("platformId").asLong();
                }
            }
            throw new AssertionError("the LMS course is not linked yet");
        }

        /** The officer's confirmation, made through the API for the tests that are about something else. */
        void confirmByApi() {
            assertThat(world.officer().post(rosterPath("/read"), Map.of()).status()).isEqualTo(200);
            Api.Response r = world.officer().put(rosterPath("/match"), Api.object("userId", studentId, "learnerId", learner.id()));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }

        List<RecordedScore> scores() {
            return lms.scores().stream().filter(s -> studentId.equals(s.userId())).toList();
        }

        String deliveryState() {
            JsonNode d = world.officer().get("/api/staff/grade-deliveries?course=" + course.id()).json();
            return d.isEmpty() ? "" : d.get(0).get("state").asText();
        }
    }

    /** The launch, then the workspace in the LMS's frame (the driver stays in it). */
    private void lecturerInTheFrame() {
        g.instructorLaunch();
        browser.driver.get(g.lms.coursePageUri(URI.create(ItServer.url() + "/api/lti/login")).toString());
        browser.driver.switchTo().frame(browser.visible("iframe[data-tool-frame]"));
        browser.text("lecturer-workspace [data-me-name]", "Daniyar Omarov");
    }

    /** A launch links the LMS course to the Bilim course and offers its gradebook and roster. */
    private void lecturerOpensBilimOnce() {
        g.instructorLaunch();
        browser.driver.get(g.lms.loginInitiationUri(URI.create(ItServer.url() + "/api/lti/login")).toString());
        browser.text("lecturer-workspace [data-me-name]", "Daniyar Omarov");
    }

    private void officerSignsIn() {
        Flows.signInOfficer(browser, g.world);
    }

    private void check(String screen) {
        Axe.check(browser, screen);
    }

    /** axe at full width, then no sideways scrolling at 640 px, then back. */
    private void checkNarrow(String screen) {
        Axe.check(browser, screen);
        browser.width(640);
        browser.assertNoHorizontalScroll(screen + " at 640 px");
        browser.width(1280);
    }

    @Test
    void theLecturerGradesByKeyboardTheOfficerConfirmsTheStudentAndTheGradeIsSentAndShownSent() throws IOException {
        g = new Gradebook();
        lecturerInTheFrame();

        // Keyboard only: from the workspace's navigation to the case study, its grade and the save.
        browser.js("document.querySelector('lecturer-workspace language-switch button').focus()");
        browser.tabTo("lecturer-workspace [data-nav=submissions]", 10);
        browser.type(Keys.ENTER);
        browser.visible("submission-list tbody tr[data-submission-id='" + g.submissionId + "']");
        WebElement learnerLink = browser.visible("submission-list tbody th a");
        assertThat(learnerLink.getText()).startsWith("S-").doesNotContain(g.learner.number());
        browser.visible("submission-list [data-passback-state=UNCONFIRMED]");
        check("lecturer: case studies to grade");
        browser.tabTo("submission-list tbody th a", 20);
        browser.type(Keys.ENTER);
        // The learner's answer is text, never markup; the rubric is the course's.
        browser.textContains("submission-grader [data-answer]", "Табыс <b>180 000</b>");
        assertThat(browser.all("submission-grader [data-answer] b")).isEmpty();
        browser.textContains("submission-grader article[data-task=t1]", "Табыс пен шығыс");
        browser.tabTo("#grade-score", 30);
        browser.type("8,5");
        browser.tabTo("#grade-feedback", 5);
        browser.type("Жақсы, бірақ жинақ жоқ");
        browser.tabTo("submission-grader form[data-form=grade] button[type=submit]", 5);
        browser.type(Keys.ENTER);
        browser.visible("submission-grader [data-graded-done]");
        // Nobody confirmed the student: nothing is sent, and the screen says why.
        browser.visible("submission-grader [data-passback=UNCONFIRMED]");
        check("lecturer: case study graded, student not confirmed");
        assertThat(g.lms.requests(Endpoint.SCORES)).isEmpty();
        String lecturerTab = browser.driver.getWindowHandle();

        // The officer reads the roster and confirms the student the screen suggests.
        browser.newTab();
        officerSignsIn();
        browser.click("[data-nav=lms-courses]");
        browser.visible("lms-courses [data-nothing-sent], lms-courses .notice");
        browser.click("lms-courses tr[data-lms-course='" + g.lms.contextId() + "'] th a");
        browser.visible("lms-roster [data-read-roster]");
        checkNarrow("officer: LMS roster not read yet");
        browser.click("lms-roster [data-read-roster]");
        browser.visible("lms-roster [data-roster-read]");
        String row = "lms-roster tr[data-member='" + g.studentId + "']";
        browser.visible(row + " [data-suggested]");
        assertThat(browser.visible(row + " select").getAttribute("value")).isEqualTo(Long.toString(g.learner.id()));
        // A suggestion is never a confirmation.
        assertThat(browser.visible(row).getAttribute("data-matched")).isEqualTo("no");
        checkNarrow("officer: LMS roster with a suggestion");
        browser.js("arguments[0].focus()", browser.visible(row + " select"));
        browser.tabTo(row + " button[type=submit]", 3);
        browser.type(Keys.ENTER);
        browser.visible("lms-roster [data-match-done=confirmed]");
        assertThat(browser.visible(row).getAttribute("data-matched")).isEqualTo("here");
        browser.textContains(row + " [data-matched-learner]", g.learner.number());
        check("officer: student confirmed");

        // The grade given before goes now, and reaches the LMS's gradebook.
        Poll.until("the score reaches the LMS", () -> g.scores().size() == 1);
        assertThat(g.scores().get(0).scoreGiven()).isEqualTo(8.5);
        browser.click("[data-nav=grade-deliveries]");
        browser.visible("grade-deliveries tr[data-delivery-state=SENT]", PATIENCE);
        browser.textContains("grade-deliveries tr[data-delivery-state=SENT] th", g.learner.number());
        checkNarrow("officer: grades to the university, sent");
        browser.open("/officer/#/submissions/" + g.submissionId);
        browser.visible("submission-grader [data-passback=SENT]", PATIENCE);
        check("officer: graded case study, sent");

        // And the lecturer, who had it open, sees it sent on checking again, and in the list of grades sent.
        browser.switchTo(lecturerTab);
        browser.driver.switchTo().frame(browser.visible("iframe[data-tool-frame]"));
        browser.click("submission-grader [data-passback-refresh]");
        browser.visible("submission-grader [data-passback=SENT]");
        browser.textContains("submission-grader [data-learner]", "Learner " + g.learner.number());
        browser.click("lecturer-workspace [data-nav=grade-deliveries]");
        browser.visible("grade-deliveries tr[data-delivery-state=SENT]");
        check("lecturer: grades sent to the university");
        browser.driver.switchTo().defaultContent();
    }

    @Test
    void aRefusedGradeIsShownFailedWithItsReasonAndSentAgainFromTheScreen() throws IOException {
        g = new Gradebook();
        lecturerOpensBilimOnce();
        g.confirmByApi();
        g.lms.failNext(Endpoint.SCORES, 1, Fault.status(400));
        Api.Response graded = g.world.officer().put("/api/staff/submissions/" + g.submissionId + "/grade", Api.object("score", 4, "feedback", ""));
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        Poll.until("the LMS refuses the grade", () -> "FAILED".equals(g.deliveryState()));

        officerSignsIn();
        browser.click("[data-nav=grade-deliveries]");
        String failed = "grade-deliveries tr[data-delivery-state=FAILED]";
        browser.visible(failed);
        assertThat(browser.visible(failed + " .delivery-error-cell").getText()).contains("400");
        browser.visible(failed + " [data-retry-delivery]");
        checkNarrow("officer: grades to the university, one failed");
        browser.open("/officer/#/grade-deliveries?state=SENT");
        browser.visible("grade-deliveries [data-empty]");

        // The grader shows it failed with the LMS's answer too, and sends it again.
        browser.open("/officer/#/submissions/" + g.submissionId);
        browser.visible("submission-grader [data-passback=FAILED]");
        assertThat(browser.visible("submission-grader [data-last-error]").getText()).contains("400");
        checkNarrow("officer: graded case study, delivery failed");
        browser.click("submission-grader [data-retry-delivery]");
        browser.visible("submission-grader [data-retried]");
        Poll.until("the score arrives after the retry", () -> g.scores().size() == 1);
        browser.visible("submission-grader [data-passback=SENT]", PATIENCE);
        browser.click("[data-nav=grade-deliveries]");
        browser.visible("grade-deliveries tr[data-delivery-state=SENT]");
        assertThat(browser.all("grade-deliveries [data-retry-delivery]")).isEmpty();
        assertThat(g.scores().get(0).scoreGiven()).isEqualTo(4.0);
    }

    @Test
    void theLecturerGradesAQuizEssayAndAGradeMadeMeanwhileIsReloadedAndSaid() throws IOException {
        g = new Gradebook();
        lecturerOpensBilimOnce();
        g.confirmByApi();
        Api.Response attempt = g.kiosk.device().post("/api/kiosk/courses/" + g.course.id() + "/items/quiz/attempts",
                Api.object("q1", Api.object("choices", List.of("a")), "letter", Api.object("text", "Құрметті банк, <b>несие</b> мерзімін ұзартыңыз.")));
        assertThat(attempt.status()).as(attempt.toString()).isEqualTo(200);

        // In a window of its own this time (the LMS's "open in a new window"), so that its width is the browser's.
        lecturerOpensBilimOnce();
        browser.click("lecturer-workspace [data-nav=essays]");
        browser.visible("essay-list tbody th a");
        checkNarrow("lecturer: quiz essays to grade");
        browser.click("essay-list tbody th a");
        browser.textContains("essay-grader [data-answer]", "<b>несие</b>");
        assertThat(browser.all("essay-grader [data-answer] b")).isEmpty();
        browser.visible("essay-grader [data-passback=NOT_GRADED]");

        // More than the essay's points: said at the field.
        browser.fill("#eg-0-score", "5");
        browser.click("essay-grader form[data-essay=letter] button[type=submit]");
        browser.visible("#eg-0-problem h2");
        assertThat(browser.visible("#eg-0-score").getAttribute("aria-invalid")).isEqualTo("true");
        checkNarrow("lecturer: essay score out of range");

        // Meanwhile the officer grades the same essay: the lecturer's save is refused, the page reloads and says so.
        long id = g.world.officer().get("/api/staff/quiz-attempts?complete=false").json().get(0).get("id").asLong();
        JsonNode seen = g.world.officer().get("/api/staff/quiz-attempts/" + id).json();
        Api.Response officer = g.world.officer().put("/api/staff/quiz-attempts/" + id + "/essays/letter",
                Api.object("score", 2, "feedback", "Қысқа", "revision", seen.get("revision").asLong()));
        assertThat(officer.status()).as(officer.toString()).isEqualTo(200);
        browser.fill("#eg-0-score", "3");
        browser.fill("#eg-0-feedback", "Жақсы хат, бірақ қысқа");
        browser.click("essay-grader form[data-essay=letter] button[type=submit]");
        browser.visible("essay-grader [data-concurrent-change]");
        assertThat(browser.focused().getAttribute("data-concurrent-change")).isNotNull();
        assertThat(browser.visible("#eg-0-score").getAttribute("value")).isEqualTo("2");
        check("lecturer: essay reloaded after a concurrent grade");

        browser.fill("#eg-0-score", "3");
        browser.fill("#eg-0-feedback", "Жақсы хат, бірақ қысқа");
        browser.click("essay-grader form[data-essay=letter] button[type=submit]");
        browser.visible("essay-grader form[data-essay=letter] [data-essay-graded][role=status]");
        browser.visible("essay-grader [data-attempt-state=complete]");
        Poll.until("the regraded quiz reaches the LMS", () -> g.scores().stream().anyMatch(s -> s.scoreGiven() == 4.0));
        browser.visible("essay-grader [data-passback=SENT]", PATIENCE);

        browser.click("label[for=display-highContrast]");
        browser.waiting(Browser.WAIT).until(d -> String.valueOf(browser.js("return document.documentElement.className")).contains("a11y-high-contrast"));
        checkNarrow("lecturer: essay graded and sent, high contrast");
        browser.click("lecturer-workspace [data-nav=grade-deliveries]");
        browser.visible("grade-deliveries tr[data-delivery-state=SENT]");
        checkNarrow("lecturer: grades sent to the university, high contrast");
        browser.click("label[for=display-highContrast]");
    }

    @Test
    void aRosterTheLmsDoesNotGiveWholeLeavesTheOldOneAndAConfirmationCanBeWithdrawn() throws IOException {
        g = new Gradebook();
        lecturerOpensBilimOnce();
        assertThat(g.world.officer().post(g.rosterPath("/read"), Map.of()).status()).isEqualTo(200);
        g.lms.roster(List.of(SimMember.learner(g.studentId, "Learner", g.learner.number()), SimMember.learner("late-1", "Ерлан", "Сапаров"),
                SimMember.learner("late-2", "Мадина", "Ахметова")));
        g.lms.rosterPageSize(1);
        g.lms.failRosterPage(2, 500);

        officerSignsIn();
        browser.click("[data-nav=lms-courses]");
        browser.click("lms-courses tr[data-lms-course='" + g.lms.contextId() + "'] th a");
        browser.visible("lms-roster tr[data-member='" + g.studentId + "']");
        browser.click("lms-roster [data-read-roster]");
        // The server's own words, in the console's language; the roster read before stays.
        browser.visible("#roster-problem h2");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("roster-problem");
        browser.visible("lms-roster [data-roster-error]");
        assertThat(browser.all("lms-roster tbody tr")).hasSize(2);
        assertThat(browser.all("lms-roster tr[data-member='late-1']")).isEmpty();
        checkNarrow("officer: LMS roster the LMS did not give");

        String row = "lms-roster tr[data-member='" + g.studentId + "']";
        browser.click(row + " button[type=submit]");
        browser.visible("lms-roster [data-match-done=confirmed]");
        browser.click(row + " [data-withdraw]");
        browser.visible("dialog.confirm-dialog[open]");
        assertThat(browser.focused().getAttribute("data-answer")).as("the safe answer has focus").isEqualTo("no");
        check("officer: withdraw a confirmation, confirmation");
        browser.click("dialog.confirm-dialog [data-answer=yes]");
        browser.visible("lms-roster [data-match-done=withdrawn]");
        assertThat(browser.visible(row).getAttribute("data-matched")).isEqualTo("no");
        JsonNode member = null;
        for (JsonNode m : g.world.officer().get(g.rosterPath("")).json().get("members")) {
            if (m.get("userId").asText().equals(g.studentId)) {
                member = m;
            }
        }
        assertThat(member).isNotNull();
        assertThat(member.hasNonNull("match")).isFalse();
        check("officer: confirmation withdrawn");
    }

}
