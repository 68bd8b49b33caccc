package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.ItServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (nothing is downloaded: both paths
 * are set, so Selenium Manager never runs), with a fresh profile that is deleted at the end. Waits
 * poll the page with an upper bound; there is no sleeping.
 *
 * <p>A JUnit extension: {@code @RegisterExtension static final Browser browser = new Browser();}
 * starts one browser per test class, makes it forget cookies and storage before each test (tests
 * do not depend on each other or on order), and when a test fails prints where the page was, what
 * it showed and what it logged.
 */
final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, TestWatcher {
    static final Duration WAIT = Duration.ofSeconds(15);

    ChromeDriver driver;
    private Path profile;
    private final boolean blockThirdPartyCookies;

    Browser() {
        this(false);
    }

    private Browser(boolean blockThirdPartyCookies) {
        this.blockThirdPartyCookies = blockThirdPartyCookies;
    }

    /**
     * A browser that refuses third-party cookies, as Safari does and Chrome does when a person asks
     * it to: a page framed by a page of another site gets none of its own cookies.
     */
    static Browser blockingThirdPartyCookies() {
        return new Browser(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        closeOtherTabs();
        forgetEverything();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        try {
            System.err.println("=== " + context.getDisplayName() + " failed at " + driver.getCurrentUrl());
            System.err.println("=== page text:\n" + js("return document.body ? document.body.innerText : ''"));
            // A test that failed inside a frame (an LMS's page framing Bilim): what each frame showed.
            driver.switchTo().defaultContent();
            for (WebElement frame : driver.findElements(By.tagName("iframe"))) {
                driver.switchTo().frame(frame);
                System.err.println("=== frame " + js("return location.href") + ":\n" + js("return document.body ? document.body.innerText : ''"));
                driver.switchTo().defaultContent();
            }
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                System.err.println("=== console: " + e.getLevel() + " " + e.getMessage());
            }
        } catch (RuntimeException e) {
            System.err.println("=== could not describe the page: " + e);
        }
    }

    private void start() {
        ItServer.awaitReady();
        try {
            profile = Files.createTempDirectory("bilim-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-US",
                "--user-data-dir=" + profile.toAbsolutePath());
        if (blockThirdPartyCookies) {
            options.setExperimentalOption("prefs", java.util.Map.of("profile.cookie_controls_mode", 1,
                    "profile.block_third_party_cookies", true));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Opens a page of the test server, e.g. {@code /kiosk/}. */
    void open(String path) {
        driver.get(ItServer.url() + path);
    }

    /** Forgets everything this origin stored: cookies (device, learner, staff) and web storage. */
    void forgetEverything() {
        open("/favicon.svg");
        // WebDriver's deleteAllCookies sees only the cookies of the current path; Bilim's live
        // under /api/kiosk and /api/staff. The DevTools command clears them all.
        driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
        js("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}");
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Opens a second tab and makes it current; returns the handle of the tab that was current. */
    String newTab() {
        String previous = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        return previous;
    }

    void switchTo(String handle) {
        driver.switchTo().window(handle);
    }

    /** Closes every tab but the current one. */
    void closeOtherTabs() {
        String keep = driver.getWindowHandle();
        for (String h : driver.getWindowHandles()) {
            if (!h.equals(keep)) {
                driver.switchTo().window(h);
                driver.close();
            }
        }
        driver.switchTo().window(keep);
    }

    WebDriverWait waiting(Duration d) {
        WebDriverWait wait = new WebDriverWait(driver, d, Duration.ofMillis(100));
        // Views re-render after each answer from the server: an element found a moment ago may be gone.
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    WebElement visible(String css) {
        return waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement visible(String css, Duration within) {
        return waiting(within).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the element's text is exactly {@code text} and returns it. */
    WebElement text(String css, String text) {
        waiting(WAIT).until(ExpectedConditions.textToBe(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css));
    }

    WebElement textContains(String css, String text) {
        waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits for the page's language (`<html lang>`). */
    void language(String lang) {
        waiting(WAIT).until(d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the focused element matches {@code css}, at most {@code max} times. */
    WebElement tabTo(String css, int max) {
        for (int i = 0; i < max; i++) {
            WebElement active = focused();
            if (Boolean.TRUE.equals(js("return arguments[0].matches(arguments[1])", active, css))) {
                return active;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab did not reach " + css + " in " + max + " presses; focus is on "
                + focused().getTagName() + "#" + focused().getAttribute("id"));
    }

    /** Types into whatever has focus, as a keyboard would. */
    void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void fill(String css, String value) {
        WebElement e = visible(css);
        e.clear();
        e.sendKeys(value);
    }

    void click(String css) {
        waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Sets the viewport width (the window of headless Chromium has no frame). */
    void width(int width) {
        driver.manage().window().setSize(new Dimension(width, 900));
        waiting(WAIT).until(d -> ((Number) js("return window.innerWidth")).intValue() == width);
    }

    /** Fails if the page is wider than the viewport, i.e. would scroll sideways. */
    void assertNoHorizontalScroll(String screen) {
        Number scrollWidth = (Number) js("return document.documentElement.scrollWidth");
        Number viewport = (Number) js("return document.documentElement.clientWidth");
        @SuppressWarnings("unchecked")
        List<String> wide = (List<String>) js("""
                const limit = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > limit + 1 && !e.closest('.table-wrap, .visually-hidden, dialog:not([open])'))
                  .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className);""");
        assertThat(scrollWidth.intValue()).as("%s scrolls sideways at %spx; too wide: %s", screen, viewport, wide)
                .isLessThanOrEqualTo(viewport.intValue());
    }

    /**
     * Fails if a control of the current screen is smaller than 44 by 44 CSS pixels (WCAG 2.5.5):
     * buttons, links, fields, and the labels that make a checkbox's target.
     */
    void assertTouchTargets(String screen) {
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) js("""
                const visible = e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
                  && !e.closest('.visually-hidden, dialog:not([open])') && getComputedStyle(e).visibility !== 'hidden'; };
                const modal = document.querySelector('dialog[open]');
                const scope = modal || document;
                const targets = [...scope.querySelectorAll('button, a[href], input:not([type=checkbox]):not([type=hidden]), select')]
                  .concat([...scope.querySelectorAll('input[type=checkbox]')].map(c => c.labels && c.labels[0]).filter(Boolean));
                return targets.filter(visible).filter(e => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; })
                  .map(e => { const r = e.getBoundingClientRect();
                    return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' + (e.textContent || '').trim().slice(0, 30)
                      + '" ' + Math.round(r.width) + 'x' + Math.round(r.height); });""");
        assertThat(small).as("touch targets under 44x44 px on %s", screen).isEmpty();
    }

    private void close() {
        if (driver == null) {
            return;
        }
        try {
            driver.quit();
        } finally {
            try (Stream<Path> walk = Files.walk(profile)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // A profile left in the temporary directory is harmless.
            }
        }
    }
}
