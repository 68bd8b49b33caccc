package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Recordings at the kiosk: a recording that is sound only plays in an audio player (no empty video
 * frame) with its transcript beside it, started from the keyboard; a video counts as completed
 * once most of it has been watched — skipping to its end is not watching it — and the outline says
 * so after a reload, because the server was told.
 */
class KioskMediaIT {
    /** The committed test video lasts eight seconds; 90 % of it must play. */
    private static final double VIDEO_SECONDS = 8.0;

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aSoundRecordingPlaysInAnAudioPlayerWithItsTranscript() {
        World world = World.create();
        World.Learner learner = world.learner("kk");
        CourseFixture course = CourseFixture.create(world, "kk");
        String module = course.module("1-апта");
        JsonNode wav = course.upload("radio.wav", Fixtures.wav(2));
        assertThat(wav.get("mediaType").asText()).isEqualTo("audio/wav");
        String title = "Радиобағдарлама: құқықтарыңыз";
        String key = Items.lastKey(course.item(module, Api.object("kind", "media", "title", title, "media", wav,
                "captions", List.of(), "transcriptHtml", "<p>Әркімнің білікті заң көмегін алуға құқығы бар.</p>")), module);
        course.approve();
        course.enrol(learner);
        Flows.enrolAsKiosk(browser, world);
        Flows.signInLearner(browser, learner);
        browser.language("kk");
        open(course, key, title);

        WebElement audio = browser.visible("media-player audio");
        assertThat(browser.all("media-player video")).as("no video frame for a sound recording").isEmpty();
        assertThat(audio.getAttribute("controls")).isNotNull();
        assertThat(audio.getAttribute("aria-label")).isEqualTo(title);
        assertThat(browser.visible("media-player #transcript-title").getText()).isEqualTo(Catalogue.text("kk", "media.transcript"));
        WebElement transcript = browser.visible("media-player [data-transcript]");
        assertThat(transcript.getText()).isEqualTo("Әркімнің білікті заң көмегін алуға құқығы бар.");
        assertThat(transcript.getAttribute("lang")).isEqualTo("kk");
        browser.waiting(Browser.WAIT).until(d -> ((Number) browser.js(
                "return document.querySelector('media-player audio').readyState")).intValue() >= 1);
        assertThat(((Number) browser.js("return document.querySelector('media-player audio').duration")).doubleValue())
                .isCloseTo(2.0, within(0.1));

        // The player's own control, from the keyboard: Tab to it, Space plays; it plays to the end.
        browser.tabTo("media-player audio", 30);
        browser.type(Keys.SPACE);
        browser.waiting(Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.js(
                "return document.querySelector('media-player audio').ended")));
        assertThat(((Number) browser.js("const a = document.querySelector('media-player audio'); "
                + "let s = 0; for (let i = 0; i < a.played.length; i++) { s += a.played.end(i) - a.played.start(i); } return s;"))
                .doubleValue()).as("seconds heard").isGreaterThan(1.8);
        browser.text("media-player [data-media-status]", Catalogue.text("kk", "media.listened"));
    }

    @Test
    void aVideoWatchedPastNinetyPercentIsCompletedInTheOutlineAfterAReload() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        CourseFixture course = CourseFixture.create(world, "en");
        String module = course.module("Week 1");
        JsonNode video = course.upload("ui-lecture.webm", Items.resource("/content/ui-lecture.webm"));
        JsonNode captions = course.upload("ui-lecture.en.vtt", Items.resource("/content/ui-lecture.en.vtt"));
        String title = "Lecture 1";
        String key = Items.lastKey(course.item(module, Items.media(title, video, Items.caption("en", "English", captions))), module);
        course.approve();
        course.enrol(learner);
        Flows.enrolAsKiosk(browser, world);
        Flows.signInLearner(browser, learner);
        open(course, key, title);
        browser.waiting(Browser.WAIT).until(d -> ((Number) browser.js(
                "return document.querySelector('media-player video').readyState")).intValue() >= 1);
        assertThat(((Number) browser.js("return document.querySelector('media-player video').duration")).doubleValue())
                .isCloseTo(VIDEO_SECONDS, within(0.5));

        // Skipping to the last second and letting it run out is not watching the lecture.
        browser.tabTo("media-player video", 30);
        browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const v = document.querySelector('media-player video');
                v.addEventListener('seeked', () => done(), { once: true });
                v.currentTime = 7;""");
        browser.type(Keys.SPACE);
        browser.waiting(Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(browser.js(
                "return document.querySelector('media-player video').ended")));
        assertThat(browser.visible("media-player [data-media-status]").getText()).as("not completed by skipping").isEmpty();

        // Played again from the start, it is watched past 90 % and the player says so at once.
        browser.type(Keys.SPACE);
        browser.text("media-player [data-media-status]", Catalogue.text("en", "media.completed"));
        assertThat(watched()).isGreaterThanOrEqualTo(0.9 * VIDEO_SECONDS - 0.3);

        // A reload asks the server again: the outline has it completed.
        browser.driver.navigate().refresh();
        browser.text("course-item h1", title);
        browser.click("course-item [data-course-link]");
        WebElement row = browser.visible("course-outline li[data-item='" + key + "']");
        assertThat(row.getAttribute("data-state")).isEqualTo("completed");
        assertThat(browser.visible("course-outline li[data-item='" + key + "'] .item-state").getText())
                .isEqualTo(Catalogue.text("en", "course.state.completed"));
        assertThat(browser.visible("course-outline [data-progress-text], course-outline label[for=outline-progress]").getText())
                .isEqualTo(Catalogue.text("en", "kiosk.courses.progress", "completed", 1, "items", 1));
    }

    private static void open(CourseFixture course, String key, String title) {
        browser.js("location.hash = arguments[0]", "#/courses/" + course.id() + "/items/" + key);
        browser.text("course-item h1", title);
    }

    /** Seconds of the recording that have played in this visit. */
    private static double watched() {
        return ((Number) browser.js("const v = document.querySelector('media-player video'); "
                + "let s = 0; for (let i = 0; i < v.played.length; i++) { s += v.played.end(i) - v.played.start(i); } return s;"))
                .doubleValue();
    }
}
