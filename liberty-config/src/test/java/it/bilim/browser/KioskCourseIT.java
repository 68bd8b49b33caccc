package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.bilim.support.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A learner at the kiosk works through a course: finds it at home with its progress, continues
 * where the server says, reads a page to its end, reads a PDF drawn by pdf.js (with a text layer a
 * screen reader can read), watches and seeks a captioned video, writes and submits a case study,
 * takes the practice quiz with the keyboard alone, and after signing in again is offered the item
 * they were at. Each test builds its own facility, learner and approved course through the API.
 */
class KioskCourseIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    private EveryKindCourse start(World world, World.Learner learner) {
        EveryKindCourse course = EveryKindCourse.build(world, learner);
        Flows.enrolAsKiosk(browser, world);
        Flows.signInLearner(browser, learner);
        return course;
    }

    @Test
    void homeShowsProgressContinueOpensTheItemAndAPageReadToItsEndIsCompleted() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        EveryKindCourse course = start(world, learner);

        String card = "kiosk-home li.course[data-course-id='" + course.id() + "']";
        browser.textContains(card + " .course-title", course.title());
        assertThat(browser.visible(card + " [data-progress-text]").getText())
                .isEqualTo(Catalogue.text("en", "kiosk.courses.progress", "completed", 0, "items", 5));
        WebElement bar = browser.visible(card + " progress");
        assertThat(bar.getAttribute("max")).isEqualTo("5");
        assertThat(bar.getAttribute("value")).isEqualTo("0");
        WebElement resume = browser.visible(card + " [data-continue]");
        assertThat(resume.getText()).isEqualTo(Catalogue.text("en", "kiosk.courses.continue") + " " + course.pageTitle());

        resume.click();
        browser.text("course-item h1", course.pageTitle());
        assertThat(browser.focused().getText()).as("focus on the item's heading").isEqualTo(course.pageTitle());
        assertThat(browser.visible("page-reader [data-page-html]").getAttribute("lang")).isEqualTo("en");
        assertThat(browser.all("page-reader [data-page-status] [data-i18n]")).as("not read to its end yet").isEmpty();

        // Read to the end: the end of the page comes into view and the reader says so.
        browser.js("window.scrollTo(0, document.documentElement.scrollHeight)");
        browser.text("page-reader [data-page-status]", Catalogue.text("en", "page.completed"));

        // After a reload the server remembers: completed, and the reader returns near where it was.
        browser.driver.navigate().refresh();
        browser.text("course-item h1", course.pageTitle());
        browser.text("page-reader [data-page-status]", Catalogue.text("en", "page.completed"));
        browser.waiting(Browser.WAIT).until(d -> ((Number) browser.js("return window.scrollY")).intValue() > 200);

        // The outline says it in words.
        browser.click("course-item [data-course-link]");
        browser.visible("course-outline li[data-item='" + course.pageKey() + "']");
        assertThat(browser.visible("course-outline li[data-item='" + course.pageKey() + "'] .item-state").getText())
                .isEqualTo(Catalogue.text("en", "course.state.completed"));
        assertThat(browser.visible("course-outline li[data-item='" + course.fileKey() + "'] .item-state").getText())
                .isEqualTo(Catalogue.text("en", "course.state.not-started"));
        assertThat(browser.all("course-outline h2")).extracting(WebElement::getText)
                .containsExactly("Week 1: your rights", "Week 2: practice");

        // The video is the last thing opened and not finished: after signing in again, Continue offers it.
        browser.driver.get(browser.driver.getCurrentUrl().replaceAll("#.*$", "") + "#/courses/" + course.id() + "/items/" + course.mediaKey());
        browser.text("course-item h1", course.mediaTitle());
        browser.visible("media-player video");
        browser.click("course-item .crumbs a[href='#/']");
        browser.visible("kiosk-home [data-sign-out]").click();
        browser.visible("kiosk-signin h1");
        assertThat(browser.driver.getCurrentUrl()).as("the learner's place is not left in the address").doesNotContain("#/courses");
        Flows.signInLearner(browser, learner);
        WebElement again = browser.visible(card + " [data-continue]");
        assertThat(again.getAttribute("data-continue")).isEqualTo(course.mediaKey());
        assertThat(again.getText()).isEqualTo(Catalogue.text("en", "kiosk.courses.continue") + " " + course.mediaTitle());
        assertThat(browser.visible(card + " [data-progress-text]").getText())
                .isEqualTo(Catalogue.text("en", "kiosk.courses.progress", "completed", 1, "items", 5));
    }

    @Test
    void pdfIsDrawnWithATextLayerAndPagesAndZoomWork() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        EveryKindCourse course = start(world, learner);
        browser.driver.get(browser.driver.getCurrentUrl().replaceAll("#.*$", "") + "#/courses/" + course.id() + "/items/" + course.fileKey());

        browser.visible("pdf-viewer[data-rendered='1']", Duration.ofSeconds(30));
        assertThat(((Number) browser.js("return document.querySelector('pdf-viewer canvas').width")).intValue()).isGreaterThan(100);
        assertThat(browser.visible("pdf-viewer canvas").getAttribute("aria-hidden")).isEqualTo("true");
        browser.waiting(Browser.WAIT).until(d -> textLayer().contains(EveryKindCourse.PDF_WORD));
        assertThat(browser.visible("pdf-viewer [data-position]").getText())
                .isEqualTo(Catalogue.text("en", "pdf.position", "page", 1, "pages", 2));
        assertThat(browser.visible("pdf-viewer [data-prev-page]").isEnabled()).isFalse();

        browser.click("pdf-viewer [data-next-page]");
        browser.visible("pdf-viewer[data-rendered='2']");
        browser.waiting(Browser.WAIT).until(d -> textLayer().contains(EveryKindCourse.PDF_SECOND_PAGE));
        assertThat(browser.visible("pdf-viewer [data-next-page]").isEnabled()).isFalse();

        int before = ((Number) browser.js("return document.querySelector('pdf-viewer canvas').clientWidth")).intValue();
        browser.click("pdf-viewer [data-zoom-in]");
        browser.text("pdf-viewer [data-zoom-level]", Catalogue.text("en", "pdf.zoomLevel", "percent", 125));
        browser.waiting(Browser.WAIT).until(d ->
                ((Number) browser.js("return document.querySelector('pdf-viewer canvas').clientWidth")).intValue() > before);

        // Nothing leads out of the kiosk: no link, no download.
        assertThat(browser.all("pdf-viewer a")).isEmpty();
        assertNoOtherOrigin();
    }

    @Test
    void videoHasCaptionsAndSeeksThroughRangeRequests() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        EveryKindCourse course = start(world, learner);
        browser.driver.get(browser.driver.getCurrentUrl().replaceAll("#.*$", "") + "#/courses/" + course.id() + "/items/" + course.mediaKey());

        WebElement video = browser.visible("media-player video");
        assertThat(video.getAttribute("controls")).isNotNull();
        List<WebElement> tracks = browser.all("media-player video track[kind=captions]");
        assertThat(tracks).extracting(t -> t.getAttribute("srclang")).containsExactly("en", "ru");
        assertThat(tracks.get(0).getAttribute("default")).as("captions in the learner's language are on").isNotNull();
        assertThat(tracks.get(1).getAttribute("default")).isNull();
        browser.textContains("media-player [data-transcript]", "legal help");

        // Seek as the player's slider would: the browser asks for a later byte range and plays from there.
        Object seeked = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const v = document.querySelector('media-player video');
                const go = () => { v.addEventListener('seeked', () => done(v.currentTime), { once: true }); v.currentTime = 5; };
                if (v.readyState >= 1) { go(); } else { v.addEventListener('loadedmetadata', go, { once: true }); }""");
        assertThat(((Number) seeked).doubleValue()).isCloseTo(5.0, within(0.5));
        assertThat(((Number) browser.js("const v = document.querySelector('media-player video'); "
                + "return v.seekable.length ? v.seekable.end(0) : 0")).doubleValue()).as("the whole recording is seekable")
                .isGreaterThan(7.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> range = (Map<String, Object>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('media-player video').currentSrc, { headers: { Range: 'bytes=100-199' } })
                  .then(r => r.arrayBuffer().then(b => done({ status: r.status, range: r.headers.get('Content-Range'), length: b.byteLength })));""");
        assertThat(((Number) range.get("status")).intValue()).isEqualTo(206);
        assertThat((String) range.get("range")).startsWith("bytes 100-199/");
        assertThat(((Number) range.get("length")).intValue()).isEqualTo(100);
        assertNoOtherOrigin();

        // Leaving reports the position; coming back starts there.
        browser.click("course-item [data-course-link]");
        browser.visible("course-outline li[data-item='" + course.mediaKey() + "']");
        browser.click("course-outline li[data-item='" + course.mediaKey() + "'] a");
        browser.visible("media-player video");
        browser.waiting(Browser.WAIT).until(d -> ((Number) browser.js(
                "return document.querySelector('media-player video').currentTime")).doubleValue() > 4.0);
    }

    @Test
    void caseStudyDraftIsSavedWhileTypingSurvivesAReloadAndIsSubmitted() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        EveryKindCourse course = start(world, learner);
        browser.driver.get(browser.driver.getCurrentUrl().replaceAll("#.*$", "") + "#/courses/" + course.id() + "/items/" + course.caseKey());

        browser.textContains("case-study [data-scenario]", "Arman");
        WebElement answer = browser.visible("case-study #answer-0");
        assertThat(browser.visible("label[for='answer-0']").getText()).isEqualTo(Catalogue.text("en", "case.answer", "number", 1));
        answer.sendKeys("He may refuse to sign and ask for a lawyer.");
        browser.textContains("case-study [data-save-status]", "Saved at");
        assertThat(browser.visible("case-study [data-save-status]").getAttribute("aria-live")).isEqualTo("polite");

        browser.driver.navigate().refresh();
        browser.waiting(Browser.WAIT).until(d -> "He may refuse to sign and ask for a lawyer."
                .equals(browser.visible("case-study #answer-0").getAttribute("value")));
        browser.visible("case-study #answer-1").sendKeys("Ask to call his family.");
        browser.click("case-study [data-attachment='0']");
        browser.visible("case-study [data-attachment-view] pdf-viewer[data-rendered='1']", Duration.ofSeconds(30));

        browser.click("case-study [data-submit]");
        browser.visible("dialog.confirm-dialog[open]");
        browser.click("dialog.confirm-dialog [data-answer=yes]");
        browser.visible("case-study [data-submission-state=SUBMITTED]");
        assertThat(browser.visible("case-study [data-answer]").getText()).isEqualTo("He may refuse to sign and ask for a lawyer.");
        assertThat(browser.all("case-study [data-answer]").get(1).getText()).isEqualTo("Ask to call his family.");
        assertThat(browser.all("case-study textarea")).as("answers are read-only after submitting").isEmpty();
    }

    /** The same draft open twice (a second tab stands for a second kiosk): the older copy's save is refused, said, and replaced. */
    @Test
    void aDraftChangedElsewhereIsToldAndReloaded() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        EveryKindCourse course = start(world, learner);
        String address = browser.driver.getCurrentUrl().replaceAll("#.*$", "") + "#/courses/" + course.id() + "/items/" + course.caseKey();
        browser.driver.get(address);
        browser.visible("case-study #answer-0").sendKeys("First thoughts.");
        browser.textContains("case-study [data-save-status]", "Saved at");

        String first = browser.newTab();
        browser.driver.get(address);
        browser.waiting(Browser.WAIT).until(d -> "First thoughts.".equals(browser.visible("case-study #answer-0").getAttribute("value")));
        browser.visible("case-study #answer-0").sendKeys(" Written in the other tab.");
        browser.textContains("case-study [data-save-status]", "Saved at");

        browser.switchTo(first);
        browser.visible("case-study #answer-0").sendKeys(" Typed in the old copy.");
        WebElement notice = browser.visible("case-study [data-conflict]");
        assertThat(notice.getAttribute("role")).isEqualTo("alert");
        assertThat(notice.getText()).contains(Catalogue.text("en", "case.conflict.title"));
        browser.waiting(Browser.WAIT).until(d -> "First thoughts. Written in the other tab."
                .equals(browser.visible("case-study #answer-0").getAttribute("value")));
    }

    @Test
    void practiceQuizByKeyboardShowsTheScoreAndEachQuestionsFeedback() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        EveryKindCourse course = start(world, learner);
        browser.driver.get(browser.driver.getCurrentUrl().replaceAll("#.*$", "") + "#/courses/" + course.id() + "/items/" + course.quizKey());
        browser.visible("practice-quiz fieldset.question");
        assertThat(browser.visible("practice-quiz [data-attempts]").getText())
                .isEqualTo(Catalogue.text("en", "quiz.attempts", "used", 0, "allowed", 3));

        // Keyboard alone: Tab into the first question, Space picks "Astana" (right); Tab to the
        // true/false question, arrow down to "False" (wrong); Tab to Submit, Enter.
        browser.tabTo("practice-quiz #q-0-0", 25);
        browser.type(Keys.SPACE);
        assertThat(browser.visible("practice-quiz #q-0-0").isSelected()).isTrue();
        browser.type(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q-1-0");
        browser.type(Keys.ARROW_DOWN);
        assertThat(browser.visible("practice-quiz #q-1-1").isSelected()).isTrue();
        browser.tabTo("practice-quiz [data-quiz-submit]", 5);
        browser.type(Keys.ENTER);

        WebElement heading = browser.visible("practice-quiz [data-result-heading]");
        assertThat(heading.getText()).isEqualTo(Catalogue.text("en", "quiz.result", "score", 1, "max", 2));
        assertThat(browser.focused().getAttribute("data-result-heading")).as("focus on the result").isNotNull();
        assertThat(browser.visible("practice-quiz [data-result='capital']").getAttribute("data-outcome")).isEqualTo("CORRECT");
        assertThat(browser.visible("practice-quiz [data-result='capital'] .outcome").getText())
                .isEqualTo(Catalogue.text("en", "quiz.outcome.CORRECT"));
        assertThat(browser.visible("practice-quiz [data-result='rights']").getAttribute("data-outcome")).isEqualTo("INCORRECT");
        assertThat(browser.visible("practice-quiz [data-result='rights'] [data-feedback]").getText())
                .contains("the Constitution gives everyone that right");
        assertThat(browser.visible("practice-quiz [data-attempts]").getText())
                .isEqualTo(Catalogue.text("en", "quiz.attempts", "used", 1, "allowed", 3));

        browser.visible("practice-quiz [data-try-again]").sendKeys(Keys.ENTER);
        browser.visible("practice-quiz fieldset.question");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("q-0-0");
        assertThat(browser.driver.findElements(By.cssSelector("practice-quiz input:checked"))).isEmpty();
    }

    private String textLayer() {
        return (String) browser.js("const l = document.querySelector('pdf-viewer .textLayer'); return l ? l.textContent : ''");
    }

    /** Every request the page made went to the server it came from. */
    private void assertNoOtherOrigin() {
        @SuppressWarnings("unchecked")
        List<String> foreign = (List<String>) browser.js(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin + '/'))");
        assertThat(foreign).isEmpty();
    }
}
