package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.World;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;

/**
 * The administrator's Search index panel: the index's state, and a rebuild asked for after a
 * confirmation, watched while it runs (the panel shows it rebuilding, then ready) and announced
 * when it is done, with the figures the server reports.
 */
class AdminSearchIndexIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aRebuildIsConfirmedWatchedAndAnnounced() {
        // One approved course at least, so there is something to index.
        SearchCourse.build(World.create());
        // The console speaks the administrator's language, kept with the account.
        String lang = World.admin().get("/api/staff/session").json().get("language").asText();
        Flows.signInAdmin(browser);
        browser.click("[data-nav=search-index]");
        browser.text("search-index h1", Catalogue.text(lang, "index.heading"));
        browser.visible("search-index [data-index-state]");
        Axe.check(browser, "admin: search index");

        // Every state the panel shows from now on is noted, however briefly it shows.
        browser.js("""
                window.indexStates = [];
                new MutationObserver(() => {
                  const e = document.querySelector('search-index [data-index-state]');
                  const s = e && e.getAttribute('data-index-state');
                  if (s && window.indexStates[window.indexStates.length - 1] !== s) { window.indexStates.push(s); }
                }).observe(document.querySelector('search-index'), { subtree: true, childList: true });""");
        OffsetDateTime asked = OffsetDateTime.now().minusSeconds(5);
        browser.click("search-index [data-rebuild]");
        browser.visible("dialog.confirm-dialog[open]");
        assertThat(browser.focused().getAttribute("data-answer")).as("the safe answer has focus").isEqualTo("no");
        Axe.check(browser, "admin: rebuild confirmation");
        browser.click("dialog.confirm-dialog [data-answer=yes]");

        WebElement done = browser.visible("search-index [data-rebuild-done=READY]", Duration.ofSeconds(60));
        @SuppressWarnings("unchecked")
        List<String> states = (List<String>) browser.js("return window.indexStates");
        assertThat(states).as("the panel showed the rebuild running, then ready").containsSubsequence("REBUILDING", "READY")
                .endsWith("READY");

        JsonNode status = World.admin().get("/api/staff/search-index").json();
        assertThat(status.get("state").asText()).isEqualTo("READY");
        assertThat(status.get("reason").asText()).isEqualTo("ADMIN");
        assertThat(OffsetDateTime.parse(status.get("startedAt").asText())).isAfter(asked);
        int total = status.get("coursesTotal").asInt();
        assertThat(total).isPositive();
        String message = Catalogue.text(lang, "index.done", "done", status.get("coursesDone").asInt(), "total", total,
                "failed", status.get("coursesFailed").asInt());
        assertThat(done.getText()).isEqualTo(message);
        browser.text("[data-announcer]", message);
        assertThat(browser.visible("search-index [data-reason]").getText()).isEqualTo(Catalogue.text(lang, "index.reason.ADMIN"));
        WebElement bar = browser.visible("search-index progress#index-progress");
        assertThat(bar.getAttribute("max")).isEqualTo(String.valueOf(total));
        assertThat(bar.getAttribute("value")).isEqualTo(String.valueOf(status.get("coursesDone").asInt()));
        assertThat(browser.visible("search-index label[for=index-progress]").getText())
                .isEqualTo(Catalogue.text(lang, "index.progress", "done", status.get("coursesDone").asInt(), "total", total));
        assertThat(browser.visible("search-index [data-rebuild]").isEnabled()).isTrue();
        Axe.check(browser, "admin: search index rebuilt");
    }
}
