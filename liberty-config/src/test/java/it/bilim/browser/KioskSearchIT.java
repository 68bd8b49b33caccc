package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A learner searches at the kiosk: the box in the header suggests titles as they type and opens
 * one from the keyboard; a search shows the count in a heading that takes focus and is announced,
 * hits with the found words marked, filters by kind; a hit opens its item, and a hit in a
 * lecture's captions opens the video at that moment. A query the server refuses shows its
 * problem; exam mode takes the search away. Each test builds its own facility, learner and course.
 */
class KioskSearchIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String BOX = "#kiosk-search-q";
    private static final String OPTIONS = "#kiosk-search-suggestions [role=option]";
    private static final String HEADING = "search-results [data-results-heading]";

    private static SearchCourse start(World world, World.Learner learner) {
        SearchCourse course = SearchCourse.build(world, learner);
        Flows.enrolAsKiosk(browser, world);
        Flows.signInLearner(browser, learner);
        return course;
    }

    @Test
    void suggestionsOpenAnItemThenResultsAreMarkedAnnouncedAndNarrowedByKind() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        SearchCourse course = start(world, learner);

        // The box is in the header, before the languages: Shift+Tab from the home screen's heading reaches it.
        WebElement box = shiftTabTo(BOX, 10);
        browser.type(course.word().substring(0, 12));
        browser.visible(OPTIONS);
        assertThat(box.getAttribute("role")).isEqualTo("combobox");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.all(OPTIONS)).extracting(o -> o.findElement(org.openqa.selenium.By.cssSelector(".suggestion-title")).getText())
                .containsExactly(course.pageTitle());
        Axe.check(browser, "kiosk: search suggestions open");

        browser.type(Keys.ARROW_DOWN);
        WebElement option = browser.all(OPTIONS).get(0);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(option.getAttribute("id"));
        assertThat(option.getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.focused()).as("focus stays in the box").isEqualTo(box);
        browser.type(Keys.ENTER);
        browser.text("course-item h1", course.pageTitle());
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/courses/" + course.id() + "/items/" + course.pageKey());
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");

        // A search from the item's screen: Enter in the box.
        box.clear();
        box.sendKeys(course.word(), Keys.ENTER);
        String heading = Catalogue.text("en", "search.heading", "query", course.word(), "total", 2);
        browser.text(HEADING, heading);
        browser.waiting(Browser.WAIT).until(d -> heading.equals(browser.focused().getText()));
        assertThat(browser.driver.getTitle()).startsWith(heading);
        browser.text("[data-announcer]", Catalogue.text("en", "search.announce", "query", course.word(), "total", 2, "page", 1, "pages", 1));
        assertThat(browser.all("search-results .search-hit")).extracting(h -> h.getAttribute("data-hit-kind"))
                .containsExactlyInAnyOrder("page", "case-study");
        List<WebElement> marks = browser.all("search-results .hit-snippet mark");
        assertThat(marks).hasSizeGreaterThanOrEqualTo(2).allSatisfy(m -> assertThat(m.getText()).isEqualToIgnoringCase(course.word()));
        assertThat(browser.visible("search-results .search-hit[data-hit-kind=page] .hit-snippet").getText())
                .contains("Листья растений").doesNotContain("<mark>");
        assertThat(browser.visible("search-results a[data-facet-kind='']").getAttribute("aria-current")).isEqualTo("true");
        Axe.check(browser, "kiosk: search results");

        // Only pages: the filter by kind, from the keyboard.
        browser.visible("search-results a[data-facet-kind=page]").sendKeys(Keys.ENTER);
        browser.text(HEADING, Catalogue.text("en", "search.heading", "query", course.word(), "total", 1));
        assertThat(browser.driver.getCurrentUrl()).contains("kind=page");
        assertThat(browser.visible("search-results a[data-facet-kind=page]").getAttribute("aria-current")).isEqualTo("true");
        assertThat(browser.all("search-results .search-hit")).extracting(h -> h.getAttribute("data-hit-kind")).containsExactly("page");

        // The hit opens the page.
        browser.visible("search-results .search-hit a.hit-title").sendKeys(Keys.ENTER);
        browser.text("course-item h1", course.pageTitle());
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/courses/" + course.id() + "/items/" + course.pageKey());
    }

    @Test
    void aCaptionHitOpensTheLectureAtTheMomentTheWordsAreSaid() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        SearchCourse course = start(world, learner);

        WebElement box = browser.visible(BOX);
        box.sendKeys(SearchCourse.CUE_WORDS, Keys.ENTER);
        browser.visible("search-results .search-hit");
        String from = Catalogue.text("en", "search.hit.from", "time", "0:08");
        String hit = "search-results .search-hit[data-hit-kind=media][data-item-key='" + course.lectureKey() + "']";
        assertThat(browser.visible(hit + " [data-hit-from]").getText()).isEqualTo(from);
        assertThat(browser.visible(hit + " .hit-snippet mark").getText()).isEqualTo("юридическую");

        browser.click(hit + " a.hit-title");
        browser.text("course-item h1", course.lectureTitle());
        assertThat(browser.driver.getCurrentUrl())
                .endsWith("#/courses/" + course.id() + "/items/" + course.lectureKey() + "?t=" + SearchCourse.CUE_SECONDS);
        assertThat(browser.visible("media-player [data-start-at]").getText())
                .isEqualTo(Catalogue.text("en", "media.startAt", "time", "0:08"));
        browser.waiting(Duration.ofSeconds(20)).until(d -> Math.abs(currentTime() - SearchCourse.CUE_SECONDS) < 0.5);
        // The learner hears where it starts, too.
        browser.text("[data-announcer]", Catalogue.text("en", "media.startAt", "time", "0:08"));
    }

    @Test
    void aQueryTheServerRefusesShowsItsProblem() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        start(world, learner);
        String bad = "\"право";

        browser.visible(BOX).sendKeys(bad, Keys.ENTER);
        WebElement problem = browser.visible("search-results [data-search-problem='search.query-unbalanced-quotes'] .problem-box");
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        // The same words the server gives in English to anyone who asks so.
        World.Kiosk other = world.enrolledKiosk();
        assertThat(other.signIn(world.learner("en")).status()).isEqualTo(201);
        JsonNode expected = other.device().header("Accept-Language", "en")
                .get("/api/kiosk/search?q=" + URLEncoder.encode(bad, StandardCharsets.UTF_8)).json();
        assertThat(problem.getText()).contains(expected.get("title").asText()).contains(expected.get("detail").asText());
        browser.text(HEADING, Catalogue.text("en", "search.title"));
        assertThat(browser.visible(BOX).getAttribute("value")).as("the query stays in the box to be mended").isEqualTo(bad);
        Axe.check(browser, "kiosk: search refused");
    }

    @Test
    void examModeTakesSearchAwayAndTheNextLearnerFindsTheBoxEmpty() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        start(world, learner);
        assertThat(browser.visible(BOX).isDisplayed()).isTrue();

        browser.js("document.querySelector('kiosk-app').examMode = true");
        browser.waiting(Browser.WAIT).until(d -> !d.findElement(org.openqa.selenium.By.cssSelector("kiosk-app search-box")).isDisplayed());
        browser.js("location.hash = '#/search?q=' + encodeURIComponent('право')");
        browser.visible("kiosk-home h1");
        assertThat(browser.all("search-results")).as("no search screen in exam mode").isEmpty();

        browser.js("document.querySelector('kiosk-app').removeAttribute('exam-mode')");
        browser.visible(BOX).sendKeys("что-то личное");
        browser.click("kiosk-home [data-sign-out]");
        browser.visible("kiosk-signin [data-notice]");
        assertThat(browser.driver.findElement(org.openqa.selenium.By.cssSelector("kiosk-app search-box")).isDisplayed())
                .as("no search before sign-in").isFalse();
        Flows.signInLearner(browser, learner);
        assertThat(browser.visible(BOX).getAttribute("value")).isEmpty();
    }

    private static double currentTime() {
        Object t = browser.js("const v = document.querySelector('media-player video'); return v && v.readyState >= 1 ? v.currentTime : -100;");
        return ((Number) t).doubleValue();
    }

    /** Presses Shift+Tab until the focused element matches {@code css}, at most {@code max} times. */
    private static WebElement shiftTabTo(String css, int max) {
        for (int i = 0; i < max; i++) {
            WebElement active = browser.focused();
            if (Boolean.TRUE.equals(browser.js("return arguments[0].matches(arguments[1])", active, css))) {
                return active;
            }
            browser.type(Keys.chord(Keys.SHIFT, Keys.TAB));
        }
        throw new AssertionError("Shift+Tab did not reach " + css + " in " + max + " presses");
    }
}
