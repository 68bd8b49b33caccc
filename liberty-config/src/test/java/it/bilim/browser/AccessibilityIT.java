package it.bilim.browser;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0/2.1 A and AA, and best practices) on every screen and state of the kiosk and
 * the two consoles, in the default theme, high contrast and large text where a person can choose them;
 * on the kiosk also the size of every touch target.
 */
class AccessibilityIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    private Tour tour() {
        return new Tour(browser, screen -> Axe.check(browser, screen));
    }

    @Test
    void startPage() {
        tour().startPage();
    }

    /** The kiosk is a touch screen: every target is at least 44 by 44 pixels as well. */
    @Test
    void kiosk() {
        new Tour(browser, screen -> {
            Axe.check(browser, screen);
            browser.assertTouchTargets(screen);
        }).kiosk();
    }

    @Test
    void officerConsole() {
        tour().officer();
    }

    @Test
    void adminConsole() {
        tour().admin();
    }

    @Test
    void lecturerWorkspace() throws IOException {
        tour().lecturer();
    }
}
