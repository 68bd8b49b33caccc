package it.bilim.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.0/2.1 A and AA, and best practices) on every screen and state of the kiosk and
 * the two consoles, in the default theme, high contrast and large text where a person can choose them.
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

    @Test
    void kiosk() {
        tour().kiosk();
    }

    @Test
    void officerConsole() {
        tour().officer();
    }

    @Test
    void adminConsole() {
        tour().admin();
    }
}
