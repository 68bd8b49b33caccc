package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core 4.14.1 (vendored under test resources /axe, MPL-2.0) run in the page against WCAG 2.0
 * and 2.1 A and AA, plus axe's best practices. A violation fails the test with its rule, help text
 * and the elements concerned.
 */
final class Axe {
    private static final String SOURCE = load();
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {
              runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
              resultTypes: ['violations']
            }).then(r => done(JSON.stringify(r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary }))
            }))))).catch(e => done('ERROR ' + e));""";

    private Axe() {
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing from the test resources (/axe)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe on the current page and fails on any violation; {@code screen} names the state for the message. */
    static void check(Browser browser, String screen) {
        JavascriptExecutor js = browser.driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(SOURCE);
        }
        String result = (String) js.executeAsyncScript(RUN);
        assertThat(result).as("axe on %s", screen).doesNotStartWith("ERROR");
        JsonNode violations;
        try {
            violations = Api.JSON.readTree(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode v : violations) {
            lines.add(v.path("id").asText() + " (" + v.path("impact").asText() + "): " + v.path("help").asText());
            for (JsonNode n : v.path("nodes")) {
                lines.add("    " + n.path("target").asText() + " — " + n.path("summary").asText().replace('\n', ' '));
            }
        }
        assertThat(violations.size()).as("axe violations on %s:%n%s", screen, String.join("\n", lines)).isZero();
    }
}
