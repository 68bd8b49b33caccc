package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An officer searches the courses their facility approved, in the console's Search courses: the
 * same suggestions and results as the kiosk, filters by course, and a hit that opens the course
 * preview at the item found, with focus on it.
 */
class OfficerSearchIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String HEADING = "course-search [data-results-heading]";

    @Test
    void theOfficerFindsWordsInTheApprovedCoursesAndAHitOpensThePreviewAtTheItem() {
        World world = World.create();
        String word = SearchCourse.freshWord();
        SearchCourse first = SearchCourse.build(world, word);
        SearchCourse second = SearchCourse.build(world, word);

        Flows.signInOfficer(browser, world);
        browser.click("[data-nav=search]");
        browser.text("course-search h1", Catalogue.text("en", "search.officer.heading"));
        assertThat(browser.focused().getTagName()).as("focus on the view's heading").isEqualTo("h1");
        assertThat(browser.visible("[data-nav=search]").getAttribute("aria-current")).isEqualTo("page");
        browser.visible("course-search [data-search-start]");
        Axe.check(browser, "officer: search courses");

        WebElement box = browser.visible("#staff-search-q");
        box.sendKeys(word.substring(0, 12));
        browser.visible("#staff-search-suggestions [role=option]");
        assertThat(browser.all("#staff-search-suggestions [role=option]")).hasSize(2);
        Axe.check(browser, "officer: search suggestions open");
        browser.type(Keys.ESCAPE);
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(box.getAttribute("value")).as("Escape closes the list and keeps the words").isEqualTo(word.substring(0, 12));

        box.sendKeys(word.substring(12), Keys.ENTER);
        String heading = Catalogue.text("en", "search.heading", "query", word, "total", 4);
        browser.text(HEADING, heading);
        browser.waiting(Browser.WAIT).until(d -> heading.equals(browser.focused().getText()));
        assertThat(browser.driver.getCurrentUrl()).contains("#/search?q=");
        assertThat(browser.all("course-search a[data-facet-course]")).extracting(a -> a.getAttribute("data-facet-course"))
                .containsExactly("", String.valueOf(first.id()), String.valueOf(second.id()));
        assertThat(browser.all("course-search .hit-snippet mark")).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getText()).isEqualToIgnoringCase(word));
        Axe.check(browser, "officer: search results");

        // Narrowed to the second course, the page found there opens its preview at that page.
        browser.click("course-search a[data-facet-course='" + second.id() + "']");
        browser.text(HEADING, Catalogue.text("en", "search.heading", "query", word, "total", 2));
        assertThat(browser.all("course-search .search-hit")).extracting(h -> h.getAttribute("data-course-id"))
                .containsOnly(String.valueOf(second.id()));
        browser.click("course-search .search-hit[data-hit-kind=page] a.hit-title");
        WebElement item = browser.visible("course-preview .preview-item-found");
        assertThat(item.getAttribute("data-item")).isEqualTo(second.pageKey());
        assertThat(browser.driver.getCurrentUrl()).endsWith("#/courses/" + second.id() + "?item=" + second.pageKey());
        browser.waiting(Browser.WAIT).until(d -> browser.focused().getText().startsWith(second.pageTitle()));
    }
}
