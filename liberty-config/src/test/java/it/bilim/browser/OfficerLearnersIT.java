package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** An education officer's learners, through the console: add, find, edit, reset a PIN; bad input and hostile names. */
class OfficerLearnersIT {
    static final String HOSTILE = "<img src=x onerror=alert(1)> '; DROP TABLE learner;--";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aHostileNameIsStoredAndShownAsPlainText() {
        World world = World.create();
        Flows.signInOfficer(browser, world);
        browser.click("learner-list a[href='#/learners/new']");
        browser.text("learner-editor h1", Catalogue.text("en", "learner.add.heading"));
        String number = World.unique("X-").toUpperCase();
        browser.fill("#lf-number", number);
        browser.fill("#lf-name", HOSTILE);
        new Select(browser.visible("#lf-language")).selectByValue("kk");
        browser.click("learner-editor form[data-form=learner] button[type=submit]");

        String pin = browser.visible("one-time-secret [data-secret]").getText();
        assertThat(pin).matches("\\d{6}");
        assertThat(browser.visible("one-time-secret h2").getText())
                .isEqualTo(Catalogue.text("en", "learner.pin.title", "name", HOSTILE, "number", number));
        assertThat(browser.focused().getTagName()).as("focus on the PIN's heading").isEqualTo("h2");
        assertNoInjectedMarkup();

        // Stored exactly as typed, and the PIN shown is the learner's.
        JsonNode stored = onlyMatch(world, number);
        assertThat(stored.get("fullName").asText()).isEqualTo(HOSTILE);
        World.Kiosk kiosk = world.enrolledKiosk();
        assertThat(kiosk.signIn(number, pin).status()).isEqualTo(201);

        // In the list, in the record, and on the learner's own kiosk screen: text, never markup.
        browser.open("/officer/#/learners?q=" + number);
        WebElement link = browser.visible("learner-list [data-learner-name]");
        assertThat(link.getText()).isEqualTo(HOSTILE);
        link.click();
        browser.text("learner-editor h1", Catalogue.text("en", "learner.edit.heading", "name", HOSTILE));
        assertThat(browser.visible("#lf-name").getAttribute("value")).isEqualTo(HOSTILE);
        assertNoInjectedMarkup();

        Flows.enrolAsKiosk(browser, world);
        Flows.signInLearner(browser, new World.Learner(stored.get("id").asLong(), number, pin));
        browser.text("kiosk-home h1", Catalogue.text("kk", "kiosk.home.welcome", "name", HOSTILE));
        assertNoInjectedMarkup();
    }

    @Test
    void badInputShowsTheServersMessagesAtTheFieldsAndChangesNothing() {
        World world = World.create();
        world.learner("ru");
        long before = total(world);
        Flows.signInOfficer(browser, world);
        browser.open("/officer/#/learners/new");
        browser.visible("#lf-number");
        browser.fill("#lf-number", "bad number!");
        browser.click("learner-editor form[data-form=learner] button[type=submit]");

        WebElement summary = browser.visible("#learner-problem");
        Api.Response server = world.officer().header("Accept-Language", "en").post("/api/staff/learners",
                Api.object("learnerNumber", "bad number!", "fullName", "", "language", "en",
                        "accessibility", Map.of("largeText", false, "highContrast", false, "screenReader", false)));
        assertThat(server.status()).isEqualTo(400);
        Map<String, String> expected = fieldMessages(server.json());
        assertThat(expected).containsKeys("learnerNumber", "fullName");

        assertThat(summary.getText()).contains(server.json().get("title").asText()).contains(server.json().get("detail").asText());
        assertThat(browser.focused().getAttribute("id")).as("focus on the summary").isEqualTo("learner-problem");
        assertThat(browser.visible("#lf-number-error").getText()).endsWith(expected.get("learnerNumber"));
        assertThat(browser.visible("#lf-name-error").getText()).endsWith(expected.get("fullName"));
        for (String id : List.of("lf-number", "lf-name")) {
            WebElement input = browser.visible("#" + id);
            assertThat(input.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(input.getAttribute("aria-describedby")).contains(id + "-error");
        }
        assertThat(browser.visible("#lf-language").getAttribute("aria-invalid")).isNull();
        assertThat(browser.all("one-time-secret [data-secret]")).isEmpty();
        assertThat(total(world)).as("nothing was created").isEqualTo(before);

        // The summary's entry takes the keyboard to the field.
        summary.findElement(By.cssSelector("button[data-focus=lf-number]")).sendKeys(Keys.ENTER);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("lf-number");

        // A number already in use: the server's sentence appears at the number field.
        String taken = onlyMatchNumber(world);
        browser.fill("#lf-number", taken.toLowerCase());
        browser.fill("#lf-name", "Someone Else");
        browser.click("learner-editor form[data-form=learner] button[type=submit]");
        browser.textContains("#lf-number-error", taken);
        assertThat(browser.visible("#lf-name").getAttribute("aria-invalid")).isNull();
        assertThat(total(world)).isEqualTo(before);
    }

    @Test
    void editStatusResetPinAfterConfirming() {
        World world = World.create();
        World.Learner learner = world.learner("ru");
        World.Learner leaving = world.learner("en");
        World.Kiosk kiosk = world.enrolledKiosk();
        Flows.signInOfficer(browser, world);

        // Reset the PIN: Escape cancels the confirmation and changes nothing.
        browser.open("/officer/#/learners/" + learner.id());
        browser.text("learner-editor h1", Catalogue.text("en", "learner.edit.heading", "name", "Learner " + learner.number()));
        browser.click("learner-editor [data-reset-pin]");
        browser.visible("dialog.confirm-dialog[open]");
        assertThat(browser.focused().getAttribute("data-answer")).as("focus on the safe answer").isEqualTo("no");
        browser.type(Keys.ESCAPE);
        browser.waiting(Browser.WAIT).until(d -> browser.all("dialog.confirm-dialog").isEmpty());
        assertThat(browser.focused().getAttribute("data-reset-pin")).as("focus returns to the button").isNotNull();
        assertThat(kiosk.signIn(learner).status()).isEqualTo(201);

        browser.click("learner-editor [data-reset-pin]");
        browser.click("dialog.confirm-dialog [data-answer=yes]");
        String pin = browser.visible("one-time-secret[data-id=reset-pin] [data-secret]").getText();
        assertThat(pin).matches("\\d{6}").isNotEqualTo(learner.pin());
        assertThat(kiosk.signIn(learner).status()).as("the old PIN no longer works").isEqualTo(401);
        assertThat(kiosk.signIn(learner.number(), pin).status()).isEqualTo(201);

        // Edit another learner: new name, released, larger text.
        browser.open("/officer/#/learners/" + leaving.id());
        browser.visible("#lf-status");
        browser.fill("#lf-name", "Leaving Learner");
        new Select(browser.visible("#lf-status")).selectByValue("RELEASED");
        browser.click("#lf-largeText");
        browser.click("learner-editor form[data-form=learner] button[type=submit]");
        browser.text("learner-editor h1", Catalogue.text("en", "learner.edit.heading", "name", "Leaving Learner"));
        JsonNode saved = world.officer().get("/api/staff/learners/" + leaving.id()).json();
        assertThat(saved.get("status").asText()).isEqualTo("RELEASED");
        assertThat(saved.get("fullName").asText()).isEqualTo("Leaving Learner");
        assertThat(saved.get("accessibility").get("largeText").asBoolean()).isTrue();
        assertThat(kiosk.signIn(leaving).code()).isEqualTo("signin.account-closed");

        // Saving again on the same page works (the page keeps the version it saved).
        browser.fill("#lf-name", "Leaving Learner Two");
        browser.click("learner-editor form[data-form=learner] button[type=submit]");
        browser.text("learner-editor h1", Catalogue.text("en", "learner.edit.heading", "name", "Leaving Learner Two"));

        // Someone else changes the record meanwhile: the page says so and keeps the other change.
        JsonNode current = world.officer().get("/api/staff/learners/" + leaving.id()).json();
        Api.Response other = world.officer().put("/api/staff/learners/" + leaving.id(), Api.object(
                "learnerNumber", current.get("learnerNumber").asText(), "fullName", "Changed Elsewhere", "language", "en",
                "accessibility", current.get("accessibility"), "status", "RELEASED", "version", current.get("version").asLong()));
        assertThat(other.status()).as(other.toString()).isEqualTo(200);
        browser.fill("#lf-name", "My Stale Change");
        browser.click("learner-editor form[data-form=learner] button[type=submit]");
        browser.visible("#learner-problem");
        browser.visible("learner-editor [data-reload]");
        assertThat(world.officer().get("/api/staff/learners/" + leaving.id()).json().get("fullName").asText())
                .isEqualTo("Changed Elsewhere");
    }

    @Test
    void searchFilterAndPages() {
        World world = World.create();
        String tag = World.unique("Zed");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            Api.Response r = world.officer().post("/api/staff/learners", Api.object("learnerNumber", World.unique("P-").toUpperCase(),
                    "fullName", tag + " " + String.format("%02d", i), "language", "ru"));
            assertThat(r.status()).isEqualTo(201);
            ids.add(r.json().get("learner").get("id").asLong());
        }
        JsonNode released = world.officer().get("/api/staff/learners/" + ids.get(3)).json();
        Api.Response change = world.officer().put("/api/staff/learners/" + ids.get(3), Api.object(
                "learnerNumber", released.get("learnerNumber").asText(), "fullName", released.get("fullName").asText(),
                "language", "ru", "accessibility", released.get("accessibility"), "status", "RELEASED",
                "version", released.get("version").asLong()));
        assertThat(change.status()).isEqualTo(200);

        Flows.signInOfficer(browser, world);
        browser.fill("#learner-q", tag.toLowerCase());
        browser.type(Keys.ENTER);
        browser.waiting(Browser.WAIT).until(d -> d.getCurrentUrl().contains("q="));
        browser.visible("learner-list caption [data-total='27']");
        assertThat(browser.all("learner-list tbody tr")).hasSize(25);
        assertThat(browser.visible("learner-list .pager-position").getText())
                .isEqualTo(Catalogue.text("en", "pager.position", "page", 1, "pages", 2));
        assertThat(browser.visible("[data-announcer]").getAttribute("textContent"))
                .isEqualTo(Catalogue.text("en", "learners.found", "total", 27, "page", 1, "pages", 2));

        browser.click("learner-list data-pager button[data-page='1']");
        browser.text("learner-list .pager-position", Catalogue.text("en", "pager.position", "page", 2, "pages", 2));
        assertThat(browser.all("learner-list tbody tr")).hasSize(2);
        assertThat(browser.focused().getAttribute("data-table")).as("focus moves to the new page's table").isNotNull();

        new Select(browser.visible("#learner-status")).selectByValue("RELEASED");
        browser.click("learner-list form[role=search] button[type=submit]");
        browser.visible("learner-list caption [data-total='1']");
        assertThat(browser.visible("learner-list tbody").getText()).contains(released.get("fullName").asText());

        browser.fill("#learner-q", World.unique("nobody-"));
        browser.click("learner-list form[role=search] button[type=submit]");
        browser.text("learner-list [data-empty]", Catalogue.text("en", "learners.none.filtered"));
    }

    private void assertNoInjectedMarkup() {
        assertThat(browser.all("img")).as("no element made from a learner's name").isEmpty();
        assertThat(((Number) browser.js("return document.querySelectorAll('[onerror]').length")).intValue()).isZero();
    }

    private static long total(World world) {
        return world.officer().get("/api/staff/learners?size=1").json().get("total").asLong();
    }

    private static JsonNode onlyMatch(World world, String number) {
        JsonNode page = world.officer().get("/api/staff/learners?q=" + number).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        return page.get("items").get(0);
    }

    private static String onlyMatchNumber(World world) {
        return world.officer().get("/api/staff/learners?size=1").json().get("items").get(0).get("learnerNumber").asText();
    }

    /** The server's messages per field, joined as the page shows them. */
    private static Map<String, String> fieldMessages(JsonNode problem) {
        Map<String, String> byField = new TreeMap<>();
        for (JsonNode e : problem.get("errors")) {
            byField.merge(e.get("field").asText(), e.get("message").asText(), (a, b) -> a + " " + b);
        }
        return byField;
    }
}
