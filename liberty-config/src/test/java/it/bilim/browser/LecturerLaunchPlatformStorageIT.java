package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.CourseFixture;
import it.bilim.support.ItServer;
import it.bilim.support.RegisteredLms;
import it.bilim.support.World;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bilim.lti.sim.PlatformSimulator;
import org.bilim.lti.sim.SimMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A lecturer opens Bilim in the LMS's frame in a browser that blocks third-party cookies. The LMS
 * (the platform simulator) is on {@code localhost} and Bilim on {@code 127.0.0.1}: two sites, so
 * Bilim's login cookie in the LMS's page is a third-party cookie, never kept. Without the LMS's
 * storage the launch is refused — the control that shows the cookie is really gone; with the
 * storage frame the LMS offers ({@code lti_storage_target}), Bilim keeps the login's state there
 * by postMessage and the lecturer lands in the workspace inside the frame. An LMS whose storage
 * never answers leaves the plain refusal; Bilim's pages on the way are axe-clean.
 */
class LecturerLaunchPlatformStorageIT {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final Duration BOTH_PAGES_WAIT_THEIR_TIMEOUT = Duration.ofSeconds(45);

    @RegisterExtension
    static final Browser browser = Browser.blockingThirdPartyCookies();

    private static PlatformSimulator withStorage;
    private static PlatformSimulator cookieOnly;
    private static long courseId;
    private static String courseTitle;

    @BeforeAll
    static void twoLmsOfOneUniversityOnAnotherSite() throws IOException {
        long university = CourseFixture.university(World.unique("al-Farabi KazNU "));
        withStorage = RegisteredLms.start(PlatformSimulator.builder().host("localhost").platformStorage("lti_storage_frame"), university);
        cookieOnly = RegisteredLms.start(PlatformSimulator.builder().host("localhost"), university);
        courseTitle = "Правовая грамотность " + World.unique("");
        CourseFixture course = CourseFixture.create(World.create(), university, courseTitle, "ru");
        course.item(course.module("Неделя 1: ваши права"), Items.page("Чтение: ваши права", "<p>Каждый человек имеет право на юридическую помощь.</p>"));
        courseId = course.id();
    }

    @AfterAll
    static void stop() {
        for (PlatformSimulator lms : new PlatformSimulator[] {withStorage, cookieOnly}) {
            if (lms != null) {
                lms.close();
            }
        }
    }

    /** The LMS launches this instructor of the course into a frame of its course page. */
    private static void openTheCoursePageAs(PlatformSimulator lms, String name) {
        assertThat(lms.issuer()).startsWith("http://localhost:");
        assertThat(ItServer.url()).startsWith("http://127.0.0.1:");
        lms.launchWith(Map.of("sub", World.unique("teacher-"), "name", name, "given_name", name.split(" ")[0],
                "family_name", name.split(" ")[1], LTI + "roles", List.of(SimMember.INSTRUCTOR),
                LTI + "custom", Map.of("bilim_course", Long.toString(courseId)),
                LTI + "launch_presentation", Map.of("document_target", "iframe", "locale", "ru", "return_url", lms.baseUri() + "/course")));
        browser.driver.get(lms.coursePageUri(URI.create(ItServer.url() + "/api/lti/login")).toString());
        browser.driver.switchTo().frame(browser.visible("iframe[data-tool-frame]"));
    }

    /**
     * Waits until the tool's frame shows this element, and leaves the driver in the frame. The frame
     * goes from Bilim to the LMS and back, another site each time; the driver follows it again each try.
     */
    private static void inTheToolFrame(String css, Duration within) {
        browser.waiting(within).until(d -> {
            d.switchTo().defaultContent();
            d.switchTo().frame(d.findElement(By.cssSelector("iframe[data-tool-frame]")));
            return !d.findElements(By.cssSelector(css)).isEmpty();
        });
    }

    @Test
    void withoutTheLmsStorageTheFramedLaunchLosesItsCookieAndIsRefused() {
        openTheCoursePageAs(cookieOnly, "Асель " + World.unique("Нурланова-"));

        inTheToolFrame("main.lti-message .reference", Browser.WAIT);
        browser.text("main.lti-message h1", "Bilim could not open");
        browser.textContains("main.lti-message .reference", "lti.launch.STATE_MISMATCH");
        assertThat(browser.all("lecturer-workspace")).isEmpty();
        browser.driver.switchTo().defaultContent();
    }

    @Test
    void theLmsStorageCarriesTheLoginAndTheLecturerLandsInTheWorkspaceInTheFrame() {
        String name = "Данияр " + World.unique("Омаров-");
        openTheCoursePageAs(withStorage, name);

        inTheToolFrame("lecturer-workspace", Browser.WAIT);
        browser.text("lecturer-workspace [data-me-name]", name);
        browser.text("course-preview h1", Catalogue.text("ru", "preview.heading", "title", courseTitle));
        browser.visible("course-preview .preview-item[data-kind=page]");
        Axe.check(browser, "lecturer workspace in the LMS frame, launched through the LMS's storage");
        browser.driver.switchTo().defaultContent();
    }

    @Test
    void anLmsWhoseStorageNeverAnswersLeavesThePlainRefusalAndBilimsPagesOnTheWayAreAccessible() {
        withStorage.storageSilent(true);
        try {
            openTheCoursePageAs(withStorage, "Гүлнар " + World.unique("Сейітова-"));

            // The login's page waits for the LMS to keep the state…
            inTheToolFrame("main[data-lti-storage=put]", Browser.WAIT);
            assertThat(browser.language()).isEqualTo("en");
            browser.text("main[data-lti-storage] h1", "Opening Bilim");
            Axe.check(browser, "Bilim's page keeping the login in the LMS's storage");
            // …then goes on with the cookie alone; the launch's page waits to read the state back…
            inTheToolFrame("main[data-lti-storage=get]", BOTH_PAGES_WAIT_THEIR_TIMEOUT);
            Axe.check(browser, "Bilim's page reading the login back from the LMS's storage");
            // …and with nothing read back, and no cookie, the launch is refused in the frame.
            inTheToolFrame("main.lti-message .reference", BOTH_PAGES_WAIT_THEIR_TIMEOUT);
            browser.textContains("main.lti-message .reference", "lti.launch.STATE_MISMATCH");
            assertThat(browser.all("lecturer-workspace")).isEmpty();
        } finally {
            withStorage.storageSilent(false);
            browser.driver.switchTo().defaultContent();
        }
    }
}
