package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.Api;
import it.bilim.support.World;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A learner at a kiosk: signs in with the keyboard alone, changes the language (and finds it again
 * at the next sign-in), is signed out after being idle, and reads why a sign-in failed.
 */
class KioskLearnerIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    /** The facility speaks Russian; the learner English, then chooses Kazakh. */
    @Test
    void keyboardSignInLanguageRememberedAndIdleSignOut() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        Flows.enrolAsKiosk(browser, world);
        browser.language("ru");
        browser.text("kiosk-signin h1", Catalogue.text("ru", "kiosk.signin.heading"));

        keyboardSignIn(learner);
        String name = "Learner " + learner.number();
        browser.language("en");
        browser.text("kiosk-home h1", Catalogue.text("en", "kiosk.home.welcome", "name", name));
        assertThat(browser.focused().getText()).as("focus moves to the new screen's heading")
                .isEqualTo(Catalogue.text("en", "kiosk.home.welcome", "name", name));

        // The language switch, by keyboard: Enter on the Kazakh button.
        browser.visible("language-switch button[lang=kk]").sendKeys(Keys.ENTER);
        browser.language("kk");
        browser.text("kiosk-home h1", Catalogue.text("kk", "kiosk.home.welcome", "name", name));
        browser.text("#courses-title", Catalogue.text("kk", "kiosk.courses.heading"));
        assertThat(browser.visible("language-switch button[lang=kk]").getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(browser.driver.getTitle()).isEqualTo(Catalogue.text("kk", "kiosk.home.welcome", "name", name)
                + " — " + Catalogue.text("kk", "kiosk.title"));

        // Sign out: the kiosk returns to the facility's language for the next person.
        browser.visible("kiosk-home [data-sign-out]").sendKeys(Keys.ENTER);
        browser.text("kiosk-signin h1", Catalogue.text("ru", "kiosk.signin.heading"));
        browser.language("ru");

        // Signing in again brings back the learner's own choice.
        keyboardSignIn(learner);
        browser.language("kk");
        browser.text("kiosk-home h1", Catalogue.text("kk", "kiosk.home.welcome", "name", name));

        // Idle: warning after 10 s without input (test server: timeout 20 s, warning 10 s before).
        WebElement dialog = browser.visible("dialog.idle-warning[open]", Duration.ofSeconds(20));
        assertThat(dialog.findElement(org.openqa.selenium.By.cssSelector("h2")).getText())
                .isEqualTo(Catalogue.text("kk", "idle.title"));
        assertThat(dialog.getAttribute("aria-labelledby")).isEqualTo("idle-title");
        assertThat(browser.focused().getAttribute("data-continue")).as("focus is on Continue").isNotNull();
        assertThat(dialog.findElement(org.openqa.selenium.By.cssSelector("[role=timer]")).getText()).matches(".*\\d+.*");

        // No answer: signed out, back at sign-in, told why in the language the learner was reading.
        browser.visible("kiosk-signin [data-notice]", Duration.ofSeconds(20));
        browser.textContains("kiosk-signin [data-notice]", Catalogue.text("kk", "kiosk.idle.signedOut.title"));
        browser.language("kk");
        assertThat(browser.js("return document.documentElement.className")).as("display preferences are reset").isEqualTo("");
        assertThat(browser.all("dialog.idle-warning[open]")).isEmpty();
        Object status = browser.driver.executeAsyncScript(
                "const done = arguments[0]; fetch('/api/kiosk/session').then(r => done(r.status));");
        assertThat(((Number) status).intValue()).as("the server session ended too").isEqualTo(401);
    }

    @Test
    void continueKeepsTheLearnerSignedIn() {
        World world = World.create();
        World.Learner learner = world.learner("ru");
        Flows.enrolAsKiosk(browser, world);
        Flows.signInLearner(browser, learner);
        browser.visible("dialog.idle-warning[open]", Duration.ofSeconds(20));
        browser.click("dialog.idle-warning [data-continue]");
        browser.waiting(Duration.ofSeconds(5)).until(d -> browser.all("dialog.idle-warning[open]").isEmpty());
        assertThat(browser.all("kiosk-home h1")).hasSize(1);
        assertThat(browser.focused().getTagName()).isNotEqualTo("body");
    }

    /** The officer resets the PIN while the learner is signed in: the learner's next step leads to sign-in, with the server's reason. */
    @Test
    void aSessionEndedElsewhereReturnsToSignInWithTheServersReason() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        Flows.enrolAsKiosk(browser, world);
        Flows.signInLearner(browser, learner);
        browser.language("en");
        Api.Response reset = world.officer().post("/api/staff/learners/" + learner.id() + "/pin-reset", null);
        assertThat(reset.status()).as(reset.toString()).isEqualTo(200);

        browser.click("label[for=kiosk-a11y-largeText]");
        WebElement notice = browser.visible("kiosk-signin [data-notice]");
        // session.required, as a request without a session gets it (here on the staff entry point, which needs no kiosk).
        Api.Response ended = Api.client().header("Accept-Language", "en").get("/api/staff/session");
        assertThat(ended.code()).isEqualTo("session.required");
        assertThat(notice.getText()).contains(ended.json().get("title").asText());
        browser.language("en");
        assertThat(browser.js("return document.documentElement.className")).isEqualTo("");
        assertThat(world.officer().get("/api/staff/learners/" + learner.id()).json().get("accessibility").get("largeText").asBoolean())
                .as("the refused change was not saved").isFalse();
    }

    @Test
    void wrongPinIsExplainedNextToTheField() {
        World world = World.create();
        World.Learner learner = world.learner("kk");
        Flows.enrolAsKiosk(browser, world);
        browser.fill("#learner-number", learner.number());
        browser.fill("#learner-pin", wrong(learner.pin()));
        browser.click("kiosk-signin button[type=submit]");
        WebElement summary = browser.visible("#signin-problem");
        assertThat(summary.getText()).contains(serverTitle(world, "ru"));
        assertThat(browser.focused().getAttribute("id")).isEqualTo("signin-problem");
        WebElement pin = browser.visible("#learner-pin");
        assertThat(pin.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(pin.getAttribute("aria-describedby")).contains("learner-pin-error");
        assertThat(pin.getAttribute("value")).as("the wrong PIN is cleared").isEmpty();
        assertThat(pin.getAttribute("inputmode")).isEqualTo("numeric");
        assertThat(pin.getAttribute("autocomplete")).isEqualTo("off");
        assertThat(browser.visible("#learner-pin-error").getText()).isNotBlank();
    }

    @Test
    void enrolmentCodeTypedByHand() {
        World world = World.create();
        String code = world.registerKiosk(World.unique("Kiosk ")).get("enrolmentCode").asText();
        browser.open("/kiosk/");
        browser.text("kiosk-enrol h1", Catalogue.text("en", "kiosk.enrol.heading"));
        browser.fill("#enrol-code", "WRONG-CODE1");
        browser.click("kiosk-enrol button[type=submit]");
        browser.visible("#enrol-problem");
        assertThat(browser.visible("#enrol-code").getAttribute("aria-invalid")).isEqualTo("true");
        browser.fill("#enrol-code", code.toLowerCase());
        browser.click("kiosk-enrol button[type=submit]");
        browser.visible("kiosk-signin h1");
        browser.language("ru");
        browser.textContains("kiosk-signin [data-notice]", Catalogue.text("ru", "kiosk.enrolled.title"));
    }

    private void keyboardSignIn(World.Learner learner) {
        browser.visible("kiosk-signin h1");
        browser.tabTo("#learner-number", 12);
        browser.type(learner.number());
        browser.type(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("learner-pin");
        browser.type(learner.pin(), Keys.ENTER);
        browser.visible("kiosk-home h1");
    }

    static String wrong(String pin) {
        char first = pin.charAt(0);
        return (first == '9' ? '0' : (char) (first + 1)) + pin.substring(1);
    }

    /** What the server itself says, in {@code lang}, to a sign-in with a wrong PIN. */
    static String serverTitle(World world, String lang) {
        World.Kiosk device = world.enrolledKiosk();
        device.device().header("Accept-Language", lang);
        var answer = device.signIn(World.unique("NOBODY-"), "000000");
        assertThat(answer.code()).isEqualTo("signin.invalid-credentials");
        return answer.json().get("title").asText();
    }
}
