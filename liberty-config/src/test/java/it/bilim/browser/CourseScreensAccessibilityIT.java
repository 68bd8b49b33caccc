package it.bilim.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0/2.1 A and AA, and best practices) on every course screen of the kiosk and
 * the officer's console ({@link CourseTour}): in the default theme, with the high-contrast choice,
 * and at 640 CSS pixels wide — 200 % zoom of a 1280-pixel screen — where no screen may scroll
 * sideways either (WCAG 1.4.10; tables and a zoomed PDF page scroll inside their own region).
 */
class CourseScreensAccessibilityIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    private CourseTour tour(boolean highContrast) {
        return new CourseTour(browser, highContrast, screen -> Axe.check(browser, screen));
    }

    private CourseTour zoomed() {
        browser.width(640);
        return new CourseTour(browser, false, screen -> {
            browser.assertNoHorizontalScroll(screen + " at 200 %");
            Axe.check(browser, screen + " at 200 %");
        });
    }

    @Test
    void kiosk() {
        tour(false).kiosk();
    }

    @Test
    void kioskHighContrast() {
        tour(true).kiosk();
    }

    @Test
    void kioskAt200Percent() {
        zoomed().kiosk();
    }

    @Test
    void officer() {
        tour(false).officer();
    }

    @Test
    void officerHighContrast() {
        tour(true).officer();
    }

    @Test
    void officerAt200Percent() {
        zoomed().officer();
    }
}
