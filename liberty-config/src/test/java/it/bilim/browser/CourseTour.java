package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every course screen and state of the kiosk and the officer's console, in one walk per front end,
 * calling {@code check} at each (axe, or the reflow width), like {@link Tour} does for the rest.
 * {@code highContrast} walks with the learner's or officer's high-contrast choice switched on.
 */
final class CourseTour {
    private final Browser b;
    private final Consumer<String> check;
    private final boolean highContrast;

    CourseTour(Browser browser, boolean highContrast, Consumer<String> check) {
        this.b = browser;
        this.highContrast = highContrast;
        this.check = check;
    }

    void kiosk() {
        World world = World.create();
        World.Learner learner = world.learner("kk");
        EveryKindCourse course = EveryKindCourse.build(world, learner);
        Flows.enrolAsKiosk(b, world);
        Flows.signInLearner(b, learner);
        if (highContrast) {
            b.click("label[for=kiosk-a11y-highContrast]");
            htmlClass("a11y-high-contrast");
        }
        b.visible("kiosk-home li.course progress");
        check.accept("kiosk: home with a course");

        b.click("kiosk-home [data-open-course]");
        b.visible("course-outline li.outline-item");
        check.accept("kiosk: course outline");

        go(course, course.pageKey());
        b.visible("page-reader [data-page-html]");
        check.accept("kiosk: page");
        b.js("window.scrollTo(0, document.documentElement.scrollHeight)");
        b.visible("page-reader [data-page-status] [data-i18n]");
        check.accept("kiosk: page read to its end");

        go(course, course.fileKey());
        b.visible("pdf-viewer[data-rendered='1']", Duration.ofSeconds(30));
        check.accept("kiosk: PDF viewer");

        go(course, course.mediaKey());
        b.visible("media-player video");
        b.waiting(Browser.WAIT).until(d -> ((Number) b.js("return document.querySelector('media-player video').readyState")).intValue() >= 1);
        check.accept("kiosk: video player");

        go(course, course.caseKey());
        b.visible("case-study #answer-0").sendKeys("Он может отказаться подписывать.");
        b.textContains("case-study [data-save-status]", ":");
        check.accept("kiosk: case study, draft saved");
        b.click("case-study [data-attachment='0']");
        b.visible("case-study pdf-viewer[data-rendered='1']", Duration.ofSeconds(30));
        check.accept("kiosk: case study with its attachment open");
        b.click("case-study [data-submit]");
        b.visible("dialog.confirm-dialog[open]");
        check.accept("kiosk: case study, submit confirmation");
        b.click("dialog.confirm-dialog [data-answer=yes]");
        b.visible("case-study [data-submission-state]");
        check.accept("kiosk: case study submitted");

        go(course, course.quizKey());
        b.visible("practice-quiz fieldset.question");
        check.accept("kiosk: practice quiz");
        b.click("label[for='q-0-1']");
        b.click("label[for='q-1-0']");
        b.click("practice-quiz [data-quiz-submit]");
        b.visible("practice-quiz [data-result-heading]");
        check.accept("kiosk: practice quiz result");

        WebElement box = search("kiosk-search", "kiosk-app", "kiosk");
        b.click("search-results a[data-facet-kind=page]");
        b.visible("search-results a[data-facet-kind=page][aria-current=true]");
        b.visible("search-results .search-hit");
        check.accept("kiosk: search results narrowed by kind");
        box.clear();
        box.sendKeys("\"rights", Keys.ENTER);
        b.visible("search-results [data-search-problem] .problem-box");
        check.accept("kiosk: search refused");
        box.clear();
        box.sendKeys("zzqxv", Keys.ENTER);
        b.visible("search-results [data-no-results]");
        check.accept("kiosk: search found nothing");
    }

    void officer() {
        World world = World.create();
        World.Learner learner = world.learner("ru");
        EveryKindCourse course = EveryKindCourse.build(world);
        Api.Response u = world.adminApi().post("/api/staff/universities", Api.object("name", World.unique("Университет ")));
        assertThat(u.status()).as(u.toString()).isEqualTo(201);
        CourseFixture draft = CourseFixture.create(world, "ru");
        draft.item(draft.module("Неделя 1"), Items.page("Чтение", "<p>Текст <img src=\"https://example.org/x.png\" alt=\"x\"></p>"));
        submitCaseStudy(world, course, learner);

        Flows.signInOfficer(b, world);
        if (highContrast) {
            b.click("label[for=display-highContrast]");
            htmlClass("a11y-high-contrast");
        }
        b.click("[data-nav=courses]");
        b.visible("course-list tbody tr");
        check.accept("officer: courses to vet");

        b.open("/officer/#/imports");
        b.visible("#import-university option:nth-child(2)");
        check.accept("officer: import form");
        b.click("course-import form[data-form=import] button[type=submit]");
        b.visible("#import-problem h2");
        check.accept("officer: import form with field errors");
        Path cartridge = Fixtures.temporaryFile("course.imscc", Fixtures.cartridge(World.unique("Импорт "), "Каждый имеет право на защиту."));
        b.driver.findElement(By.id("import-file")).sendKeys(cartridge.toString());
        new Select(b.visible("#import-university")).selectByValue(String.valueOf(u.json().get("id").asLong()));
        b.fill("#import-code", World.unique("IMP-"));
        b.click("course-import form[data-form=import] button[type=submit]");
        b.visible("import-job [data-job-state=SUCCEEDED]", Duration.ofSeconds(60));
        check.accept("officer: finished import with its report");

        b.open("/officer/#/courses/" + draft.id());
        b.visible("course-preview [data-content-hash]");
        check.accept("officer: preview of a draft with sanitiser findings");
        b.click("course-preview [data-reject]");
        b.visible("#decision-problem h2");
        check.accept("officer: rejection without a reason");

        b.open("/officer/#/courses/" + course.id());
        b.visible("course-preview [data-media-slot] video");
        check.accept("officer: preview of an approved course with every kind of item");
        b.click("course-preview [data-open-file]");
        b.visible("course-preview pdf-viewer[data-rendered='1']", Duration.ofSeconds(30));
        check.accept("officer: preview with a document open");

        b.open("/officer/#/enrolments?course=" + course.id());
        b.visible("course-enrolment input[data-learner-id]");
        check.accept("officer: enrolment");
        b.click("label[for='enrol-select-page']");
        b.click("course-enrolment [data-enrol]");
        b.visible("course-enrolment [data-enrol-done]");
        b.visible("course-enrolment button[data-withdraw]");
        check.accept("officer: enrolment done, learners enrolled");
        b.click("course-enrolment button[data-withdraw]");
        b.visible("dialog.confirm-dialog[open]");
        check.accept("officer: withdraw confirmation");
        b.type(Keys.ESCAPE);

        b.click("[data-nav=grading]");
        b.visible("submission-list tbody tr");
        check.accept("officer: submissions to grade");
        b.click("submission-list tbody th a");
        b.visible("submission-grader #grade-score");
        check.accept("officer: grading a case study");
        b.fill("#grade-score", "8");
        b.click("submission-grader form[data-form=grade] button[type=submit]");
        b.visible("submission-grader [data-graded-done]");
        check.accept("officer: case study graded");

        b.click("[data-nav=search]");
        b.visible("course-search [data-search-start]");
        check.accept("officer: search courses");
        search("staff-search", "course-search", "officer");
        b.click("course-search .search-hit[data-hit-kind=page] a.hit-title");
        b.visible("course-preview .preview-item-found");
        check.accept("officer: preview at a search hit");
    }

    /**
     * In the search box {@code id} (within {@code view}): suggestions for "Readi" (the page "Reading: your
     * rights"), then a search for "rights", each state checked; returns the box.
     */
    private WebElement search(String id, String view, String screen) {
        WebElement box = b.visible("#" + id + "-q");
        box.sendKeys("Readi");
        b.visible("#" + id + "-suggestions [role=option]");
        check.accept(screen + ": search suggestions open");
        box.sendKeys(Keys.ESCAPE);
        box.clear();
        box.sendKeys("rights", Keys.ENTER);
        b.visible(view + " .search-hit .hit-snippet mark");
        check.accept(screen + ": search results");
        return box;
    }

    private void go(EveryKindCourse course, String key) {
        b.js("location.hash = arguments[0]", "#/courses/" + course.id() + "/items/" + key);
        b.waiting(Browser.WAIT).until(d -> b.all("course-item [data-body][aria-busy]").isEmpty()
                && !b.all("course-item [data-body] > *").isEmpty());
    }

    private void htmlClass(String cls) {
        b.waiting(Browser.WAIT).until(d -> d.findElement(By.tagName("html")).getAttribute("class").contains(cls));
    }

    /** A learner of another kiosk session submits the case study, so the officer has one to grade. */
    private static void submitCaseStudy(World world, EveryKindCourse course, World.Learner learner) {
        course.course().enrol(learner);
        World.Kiosk kiosk = world.enrolledKiosk();
        assertThat(kiosk.signIn(learner).status()).isEqualTo(201);
        String base = "/api/kiosk/courses/" + course.id() + "/items/" + course.caseKey();
        JsonNode item = kiosk.device().get(base).json();
        Api.Response saved = kiosk.device().put(base + "/submission/tasks/" + item.get("tasks").get(0).get("key").asText(),
                Api.object("text", "Он может отказаться подписывать и попросить адвоката.", "revision", null));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        Api.Response submitted = kiosk.device().post(base + "/submission/submit", Api.object("revision", saved.json().get("revision").asLong()));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    }
}
