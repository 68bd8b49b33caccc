package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The officer's course work in the console: import a cartridge and read its report, vet the
 * course (preview, approve), enrol a learner and withdraw them, have a rejection without a reason
 * refused next to the reason field, see a decision on changed content refused, and grade a
 * submitted case study.
 */
class OfficerCourseIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void importACartridgeWatchItFinishVetAndApproveItThenEnrolAndWithdrawALearner() {
        World world = World.create();
        World.Learner learner = world.learner("ru");
        String university = World.unique("University ");
        Api.Response u = world.adminApi().post("/api/staff/universities", Api.object("name", university));
        assertThat(u.status()).as(u.toString()).isEqualTo(201);
        String title = World.unique("Imported law ");
        Path cartridge = Fixtures.temporaryFile("law.imscc", Fixtures.cartridge(title, "Every person has the right to a fair trial."));

        Flows.signInOfficer(browser, world);
        browser.click("[data-nav=courses]");
        browser.visible("course-list h1");
        browser.click("course-list a[href='#/imports']");
        browser.visible("course-import form[data-form=import]");
        browser.visible("#import-university option[value='" + u.json().get("id").asLong() + "']");

        // Without a file: said next to the field, before anything is sent.
        browser.click("course-import form[data-form=import] button[type=submit]");
        browser.visible("#import-problem h2");
        assertThat(browser.visible("#import-file").getAttribute("aria-invalid")).isEqualTo("true");

        browser.driver.findElement(By.id("import-file")).sendKeys(cartridge.toString());
        new Select(browser.visible("#import-university")).selectByVisibleText(university);
        browser.fill("#import-code", World.unique("LAW-"));
        new Select(browser.visible("#import-language")).selectByValue("en");
        browser.click("course-import form[data-form=import] button[type=submit]");

        browser.visible("import-job [data-job-state=SUCCEEDED]", Duration.ofSeconds(60));
        WebElement bar = browser.visible("import-job progress");
        assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max"));
        assertThat(browser.all("import-job [data-entries] tr[data-reason=PAGE]")).hasSize(1);
        assertThat(browser.all("import-job [data-entries] tr[data-reason=QUIZ]")).hasSize(1);
        // The page's tracker image and outside link were removed; the officer reads why, in words.
        List<WebElement> findings = browser.all("import-job [data-lint-table] tr[data-finding=OUTSIDE_ORIGIN]");
        assertThat(findings).isNotEmpty();
        assertThat(findings.get(0).getText()).contains(Catalogue.text("en", "lint.reason.OUTSIDE_ORIGIN"))
                .contains(Catalogue.text("en", "lint.action.REMOVED"));

        browser.click("import-job [data-vet-course]");
        browser.visible("course-preview [data-content-hash]");
        browser.textContains("course-preview h1", title);
        browser.textContains("course-preview [data-preview-content]", "Every person has the right to a fair trial.");
        WebElement right = browser.visible("course-preview .preview-choices li[data-correct=true]");
        assertThat(right.getText()).contains("Astana").contains(Catalogue.text("en", "preview.right"));
        assertThat(browser.all("course-preview [data-lint-table] tbody tr")).isNotEmpty();
        long courseId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*#/courses/(\\d+).*", "$1"));
        JsonNode detail = world.officer().get("/api/staff/courses/" + courseId).json();
        assertThat(browser.visible("course-preview [data-content-hash]").getText()).isEqualTo(detail.get("latest").get("contentHash").asText());

        browser.click("course-preview [data-approve]");
        browser.visible("course-preview [data-decision-done=APPROVED]");
        assertThat(world.officer().get("/api/staff/course-decisions?courseId=" + courseId).json().toString()).contains("APPROVED");

        // Enrol the learner, found by number; then withdraw them again.
        browser.click("course-preview [data-decision-done] a");
        browser.visible("course-enrolment #enrol-q");
        browser.fill("#enrol-q", learner.number());
        browser.click("course-enrolment form[data-form=search] button[type=submit]");
        browser.waiting(Browser.WAIT).until(d -> browser.all("course-enrolment input[data-learner-id]").size() == 1);
        browser.click("label[for='enrol-l-" + learner.id() + "']");
        browser.click("course-enrolment [data-enrol]");
        browser.textContains("course-enrolment [data-enrolled-names]", "Learner " + learner.number());
        WebElement row = browser.visible("course-enrolment tr[data-learner-id='" + learner.id() + "']");
        assertThat(row.getText()).contains(learner.number())
                .contains(Catalogue.text("en", "kiosk.courses.progress", "completed", 0, "items", 2));

        // Enrolling again says "already enrolled".
        browser.click("label[for='enrol-select-page']");
        browser.click("course-enrolment [data-enrol]");
        browser.textContains("course-enrolment [data-already-names]", "Learner " + learner.number());

        browser.click("course-enrolment button[data-withdraw]");
        browser.visible("dialog.confirm-dialog[open]");
        browser.click("dialog.confirm-dialog [data-answer=yes]");
        browser.visible("course-enrolment [data-none-enrolled]");
    }

    @Test
    void rejectingWithoutAReasonIsRefusedNextToTheReasonField() {
        World world = World.create();
        CourseFixture course = CourseFixture.create(world, "ru");
        String module = course.module("Неделя 1");
        course.item(module, Items.page("Чтение", "<p>Каждый имеет право на защиту.</p>"));

        Flows.signInOfficer(browser, world);
        browser.open("/officer/#/courses/" + course.id());
        browser.visible("course-preview [data-reject]");
        browser.click("course-preview [data-reject]");
        WebElement summary = browser.visible("#decision-problem h2");
        assertThat(summary.getText()).isNotBlank();
        WebElement reason = browser.visible("#decision-reason");
        assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(reason.getAttribute("aria-describedby")).contains("decision-reason-error");
        assertThat(browser.visible("#decision-reason-error").getText()).isNotBlank();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("decision-problem");

        browser.fill("#decision-reason", "Видео без субтитров.");
        browser.click("course-preview [data-reject]");
        browser.visible("course-preview [data-decision-done=REJECTED]");
        browser.click("[data-nav=courses]");
        browser.visible("course-list tr[data-course-id='" + course.id() + "'] [data-decision=REJECTED]");
    }

    @Test
    void aDecisionOnContentThatChangedMeanwhileIsRefusedAndTheCurrentContentCanBeLoaded() {
        World world = World.create();
        CourseFixture course = CourseFixture.create(world, "en");
        String module = course.module("Week 1");
        course.item(module, Items.page("First reading", "<p>The first version.</p>"));

        Flows.signInOfficer(browser, world);
        browser.open("/officer/#/courses/" + course.id());
        String shown = browser.visible("course-preview [data-content-hash]").getText();
        course.item(module, Items.page("Second reading", "<p>Added while the officer was reading.</p>"));
        assertThat(course.hash()).isNotEqualTo(shown);

        browser.click("course-preview [data-approve]");
        WebElement problem = browser.visible("#decision-problem[data-hash-mismatch]");
        assertThat(problem.getText()).isNotBlank();
        browser.click("course-preview [data-reload]");
        browser.text("course-preview [data-content-hash]", course.hash());
        browser.textContains("course-preview [data-preview-content]", "Added while the officer was reading.");
        browser.click("course-preview [data-approve]");
        browser.visible("course-preview [data-decision-done=APPROVED]");
    }

    @Test
    void aSubmittedCaseStudyIsGradedWithScoreAndFeedback() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        EveryKindCourse course = EveryKindCourse.build(world, learner);
        World.Kiosk kiosk = world.enrolledKiosk();
        assertThat(kiosk.signIn(learner).status()).isEqualTo(201);
        String base = "/api/kiosk/courses/" + course.id() + "/items/" + course.caseKey();
        JsonNode item = kiosk.device().get(base).json();
        String first = item.get("tasks").get(0).get("key").asText();
        Api.Response saved = kiosk.device().put(base + "/submission/tasks/" + first,
                Api.object("text", "He may refuse to sign.", "revision", null));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        Api.Response submitted = kiosk.device().post(base + "/submission/submit",
                Api.object("revision", saved.json().get("revision").asLong()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);

        Flows.signInOfficer(browser, world);
        browser.click("[data-nav=grading]");
        WebElement link = browser.visible("submission-list tbody th a");
        assertThat(link.getText()).isEqualTo("Learner " + learner.number());
        link.click();
        browser.textContains("submission-grader [data-answer]", "He may refuse to sign.");
        browser.fill("#grade-score", "25");
        browser.click("submission-grader form[data-form=grade] button[type=submit]");
        browser.visible("#grade-problem h2");
        assertThat(browser.visible("#grade-score").getAttribute("aria-invalid")).isEqualTo("true");
        browser.fill("#grade-score", "15");
        browser.fill("#grade-feedback", "Good: you named the right to a lawyer.");
        browser.click("submission-grader form[data-form=grade] button[type=submit]");
        browser.visible("submission-grader [data-graded-done]");

        JsonNode graded = kiosk.device().get(base).json().get("submission");
        assertThat(graded.get("state").asText()).isEqualTo("GRADED");
        assertThat(graded.get("feedback").asText()).isEqualTo("Good: you named the right to a lawyer.");

        // The learner reads the grade at the kiosk.
        browser.forgetEverything();
        Flows.enrolAsKiosk(browser, world);
        Flows.signInLearner(browser, learner);
        browser.js("location.hash = arguments[0]", "#/courses/" + course.id() + "/items/" + course.caseKey());
        browser.visible("case-study [data-submission-state=GRADED]");
        assertThat(browser.visible("case-study [data-score]").getText())
                .isEqualTo(Catalogue.text("en", "case.scoreValue", "score", 15, "max", 20));
        assertThat(browser.visible("case-study [data-feedback]").getText()).isEqualTo("Good: you named the right to a lawyer.");
    }
}
