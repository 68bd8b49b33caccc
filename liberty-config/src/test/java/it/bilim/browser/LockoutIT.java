package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.Api;
import it.bilim.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Five wrong PINs lock a learner out, and the kiosk says so; the officer sees the lock in the
 * console and lifts it; then the learner signs in with their PIN.
 */
class LockoutIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void fiveWrongPinsLockTheOfficerUnlocksTheLearnerSignsIn() {
        World world = World.create();
        World.Learner learner = world.learner("en");
        String wrong = KioskLearnerIT.wrong(learner.pin());
        Flows.enrolAsKiosk(browser, world);
        String kioskTab = browser.driver.getWindowHandle();

        String invalid = serverTitle(world, "signin.invalid-credentials");
        for (int attempt = 1; attempt <= 4; attempt++) {
            submit(learner.number(), wrong);
            browser.textContains("#signin-problem", invalid);
            assertThat(browser.visible("#signin-problem").getAttribute("data-code")).isNull();
        }
        submit(learner.number(), wrong);
        String locked = serverTitle(world, "signin.locked");
        browser.textContains("#signin-problem h2", locked);
        assertThat(browser.all("kiosk-home")).isEmpty();
        // Even the right PIN is refused now.
        submit(learner.number(), learner.pin());
        browser.textContains("#signin-problem h2", locked);
        assertThat(browser.all("kiosk-home")).isEmpty();

        // The officer, in another tab: the learner shows as locked; unlock.
        browser.newTab();
        Flows.signInOfficer(browser, world);
        browser.fill("#learner-q", learner.number());
        browser.click("learner-list form[role=search] button[type=submit]");
        browser.visible("learner-list caption [data-total='1']");
        assertThat(browser.visible("learner-list tbody tr").getText()).contains(Catalogue.text("en", "learners.locked"));
        browser.click("learner-list [data-learner-name]");
        browser.visible("learner-editor [data-signin-locked=true]");
        browser.textContains("learner-editor [data-signin-state]", Catalogue.text("en", "learner.signin.attempts.value", "count", 5));
        browser.click("learner-editor [data-unlock]");
        browser.visible("learner-editor [data-signin-locked=false]");
        assertThat(browser.all("learner-editor [data-unlock]")).isEmpty();
        assertThat(browser.focused().getAttribute("data-signin-state")).as("focus stays in the sign-in section").isNotNull();
        assertThat(world.officer().get("/api/staff/learners/" + learner.id()).json().get("locked").asBoolean()).isFalse();

        // Back at the kiosk, the learner gets in.
        browser.switchTo(kioskTab);
        submit(learner.number(), learner.pin());
        browser.visible("kiosk-home h1");
        browser.language("en");
    }

    private void submit(String number, String pin) {
        browser.fill("#learner-number", number);
        browser.fill("#learner-pin", pin);
        browser.click("kiosk-signin button[type=submit]");
        browser.waiting(Browser.WAIT).until(d -> browser.all("kiosk-signin form[aria-busy]").isEmpty());
    }

    /**
     * What the server says, in Russian (the facility's language, which the kiosk speaks before
     * sign-in), to a refused sign-in of the given kind — from a learner and kiosk of the world's own.
     */
    private static String serverTitle(World world, String code) {
        World.Kiosk device = world.enrolledKiosk();
        device.device().header("Accept-Language", "ru");
        World.Learner other = world.learner("ru");
        Api.Response answer = null;
        for (int i = 0; i < 5 && (answer == null || !code.equals(answer.code())); i++) {
            answer = device.signIn(other.number(), KioskLearnerIT.wrong(other.pin()));
        }
        assertThat(answer.code()).isEqualTo(code);
        return answer.json().get("title").asText();
    }
}
