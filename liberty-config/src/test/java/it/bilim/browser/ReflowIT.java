package it.bilim.browser;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WCAG 1.4.10 reflow: at 640 CSS pixels wide — what a 1280-pixel screen shows at 200% zoom — no
 * screen of the kiosk or the consoles scrolls sideways. (Data tables may scroll inside their own
 * focusable region, which WCAG allows for two-dimensional content.)
 */
class ReflowIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @BeforeEach
    void narrow() {
        browser.width(640);
    }

    private Tour tour() {
        return new Tour(browser, browser::assertNoHorizontalScroll);
    }

    @Test
    void startPage() {
        tour().startPage();
    }

    @Test
    void kiosk() {
        tour().kiosk(false);
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
