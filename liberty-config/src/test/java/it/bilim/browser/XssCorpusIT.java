package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The courses module's XSS corpus (one payload a line) as one course page, put through the real
 * authoring API, approved and opened where people read it: the learner's page reader and the
 * officer's preview. Neither may run any of it: no dialog (alert, confirm, prompt — the payloads
 * call them), no event handler or active element left in the document, no request to another
 * origin, and no inline code left for the Content-Security-Policy to block.
 */
class XssCorpusIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    /** Counts calls of the dialog functions instead of opening them, and records CSP violations. */
    private static final String SENTINELS = """
            window.__xss = 0;
            window.__violations = [];
            for (const f of ['alert', 'confirm', 'prompt', 'print']) { window[f] = () => { window.__xss++; }; }
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));""";

    /** Gives handlers on focus, hover and animation a chance, then waits a moment for timers. */
    private static final String PROVOKE = """
            const done = arguments[arguments.length - 1];
            const root = document.querySelector(arguments[0]);
            for (const e of root.querySelectorAll('*')) {
              for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'animationstart', 'toggle']) {
                try { e.dispatchEvent(new Event(type)); } catch (x) {}
              }
              if (e.focus) { try { e.focus(); } catch (x) {} }
            }
            window.scrollTo(0, document.documentElement.scrollHeight);
            setTimeout(() => done(true), 1500);""";

    /** What must not be in the sanitised markup, whatever the payload tried. */
    private static final String LEFT_OVER = """
            const root = document.querySelector(arguments[0]);
            const found = [];
            for (const e of root.querySelectorAll('script, iframe, frame, object, embed, form, base, meta, link, style, svg, math, applet')) {
              found.push('<' + e.tagName.toLowerCase() + '>');
            }
            for (const e of root.querySelectorAll('*')) {
              for (const a of e.attributes) {
                const v = a.value.trim().toLowerCase();
                if (a.name.startsWith('on') || a.name === 'style' && /expression|url\\(/.test(v) || a.name === 'srcdoc'
                    || /^(javascript|vbscript|data:text|data:application)/.test(v.replace(/\\s/g, ''))) {
                  found.push(e.tagName.toLowerCase() + '[' + a.name + '=' + a.value.slice(0, 40) + ']');
                }
              }
            }
            return found;""";

    @Test
    void theCorpusRunsNowhereInTheKioskReaderOrTheOfficersPreview() {
        List<String> corpus = Fixtures.xssCorpus();
        assertThat(corpus).hasSizeGreaterThan(50);
        World world = World.create();
        World.Learner learner = world.learner("en");
        CourseFixture course = CourseFixture.create(world, "en");
        String module = course.module("Hostile content");
        // No closing text: the corpus ends with <plaintext>, which takes everything after it.
        String key = Items.lastKey(course.item(module, Items.page("Every payload",
                "<p>The corpus begins.</p>\n" + String.join("\n", corpus))), module);
        course.approve();
        course.enrol(learner);

        Flows.enrolAsKiosk(browser, world);
        Flows.signInLearner(browser, learner);
        browser.js(SENTINELS);
        browser.js("location.hash = arguments[0]", "#/courses/" + course.id() + "/items/" + key);
        browser.visible("page-reader [data-page-html]");
        assertHarmless("page-reader [data-page-html]", "the kiosk reader");

        browser.forgetEverything();
        Flows.signInOfficer(browser, world);
        browser.js(SENTINELS);
        browser.js("location.hash = arguments[0]", "#/courses/" + course.id());
        browser.visible("course-preview [data-page-html]");
        assertHarmless("course-preview [data-preview-content]", "the officer's preview");
    }

    private void assertHarmless(String root, String where) {
        assertThat(browser.driver.executeAsyncScript(PROVOKE, root)).isEqualTo(true);
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).as("a dialog opened in %s", where)
                .isInstanceOf(NoAlertPresentException.class);
        assertThat(((Number) browser.js("return window.__xss")).intValue()).as("dialog functions called in %s", where).isZero();
        assertThat(browser.js(LEFT_OVER, root)).as("active markup left in %s", where).isEqualTo(List.of());
        assertThat(browser.js("return window.__violations")).as("CSP had to block something in %s", where).isEqualTo(List.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> foreign = (List<Map<String, Object>>) browser.js("""
                return performance.getEntriesByType('resource').filter(e => !e.name.startsWith(location.origin + '/'))
                  .map(e => ({ name: e.name, type: e.initiatorType }));""");
        assertThat(foreign).as("requests to another origin from %s", where).isEmpty();
        assertThat(browser.visible(root).getText()).as("the page around the payloads is shown").contains("The corpus begins.");
    }
}
