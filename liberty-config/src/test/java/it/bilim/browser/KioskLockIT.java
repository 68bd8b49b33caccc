package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An officer registers a kiosk in the console and sees its code once; the browser enrols as that
 * kiosk with it; the officer locks the kiosk; a learner who then tries to sign in there is refused
 * in the kiosk's language. Unlocking lets learners in again.
 */
class KioskLockIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void registerEnrolLockRefuseUnlock() {
        World world = World.create();
        World.Learner learner = world.learner("ru");

        // The officer's tab: register a kiosk in Room 1; the code is shown once.
        Flows.signInOfficer(browser, world);
        browser.click("[data-nav=kiosks]");
        browser.visible("kiosk-list h1");
        String name = World.unique("Class 1 seat ");
        browser.fill("#kf-name", name);
        browser.waiting(Browser.WAIT).until(d -> new Select(d.findElement(By.id("kf-classroom"))).getOptions().size() == 2);
        new Select(browser.visible("#kf-classroom")).selectByVisibleText("Room 1");
        browser.click("kiosk-list form[data-form=kiosk] button[type=submit]");
        String code = browser.visible("one-time-secret [data-secret]").getText();
        assertThat(code).matches("[A-Z0-9]{5}-[A-Z0-9]{5}");
        assertThat(browser.visible("one-time-secret").getText())
                .contains(Catalogue.text("en", "kiosks.code.title", "name", name))
                .contains("/kiosk/#enrol=" + code);
        WebElement row = row(name);
        assertThat(row.getText()).contains("Room 1");
        String officerTab = browser.driver.getWindowHandle();

        // The kiosk's tab: enrol with the code, stay on the sign-in screen.
        browser.newTab();
        String kioskTab = browser.driver.getWindowHandle();
        browser.open("/kiosk/");
        browser.fill("#enrol-code", code);
        browser.click("kiosk-enrol button[type=submit]");
        browser.text("kiosk-signin h1", Catalogue.text("ru", "kiosk.signin.heading"));
        assertThat(browser.visible("[data-place]").getText()).contains(name).contains("Room 1");

        // The officer locks it, after confirming.
        browser.switchTo(officerTab);
        browser.driver.navigate().refresh();
        browser.visible("kiosk-list h1");
        row(name).findElement(By.cssSelector("button[data-action=lock]")).click();
        WebElement dialog = browser.visible("dialog.confirm-dialog[open]");
        assertThat(dialog.getText()).contains(Catalogue.text("en", "kiosks.lock.confirm.title", "name", name));
        browser.click("dialog.confirm-dialog [data-answer=yes]");
        browser.waiting(Browser.WAIT).until(d -> "locked".equals(
                row(name).findElement(By.cssSelector("[data-kiosk-state]")).getAttribute("data-kiosk-state")));
        assertThat(row(name).getText()).contains(Catalogue.text("en", "kiosks.locked"));

        // A learner on the locked kiosk is refused, in the facility's language.
        browser.switchTo(kioskTab);
        browser.fill("#learner-number", learner.number());
        browser.fill("#learner-pin", learner.pin());
        browser.click("kiosk-signin button[type=submit]");
        String expected = lockedTitle(world, "ru");
        browser.text("main h1[data-problem-code]", expected);
        assertThat(browser.visible("main h1").getAttribute("data-problem-code")).isEqualTo("kiosk.locked");
        assertThat(browser.all("kiosk-home")).isEmpty();

        // Changing the language asks again, and the refusal is told in Kazakh.
        browser.visible("language-switch button[lang=kk]").click();
        browser.language("kk");
        browser.text("main h1[data-problem-code]", lockedTitle(world, "kk"));

        // Unlocked: the kiosk's "try again" leads to sign-in, and the learner gets in.
        browser.switchTo(officerTab);
        row(name).findElement(By.cssSelector("button[data-action=unlock]")).click();
        browser.click("dialog.confirm-dialog [data-answer=yes]");
        browser.waiting(Browser.WAIT).until(d -> "open".equals(
                row(name).findElement(By.cssSelector("[data-kiosk-state]")).getAttribute("data-kiosk-state")));
        browser.switchTo(kioskTab);
        browser.click("main [data-retry]");
        browser.visible("kiosk-signin h1");
        Flows.signInLearner(browser, learner);
    }

    /** The facility's address range no longer includes this machine: the kiosk says where the request came from. */
    @Test
    void aKioskOutsideTheFacilityNetworkIsRefused() {
        World world = World.create();
        Flows.enrolAsKiosk(browser, world);
        World.Kiosk other = world.enrolledKiosk();
        JsonNode facility = world.adminApi().get("/api/staff/facilities/" + world.facilityId).json();
        long rangeId = facility.get("addressRanges").get(0).get("id").asLong();
        Api.Response removed = world.adminApi().delete("/api/staff/facilities/" + world.facilityId + "/address-ranges/" + rangeId);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        Api.Response refused = other.device().header("Accept-Language", "ru").get("/api/kiosk/device");
        assertThat(refused.code()).isEqualTo("kiosk.address-not-allowed");

        browser.driver.navigate().refresh();
        browser.text("main h1[data-problem-code]", refused.json().get("title").asText());
        browser.textContains("main .lead", "127.0.0.1");
        assertThat(browser.visible("main .lead").getText()).isEqualTo(refused.json().get("detail").asText());
        assertThat(browser.all("kiosk-signin")).isEmpty();

        Api.Response added = world.adminApi().post("/api/staff/facilities/" + world.facilityId + "/address-ranges",
                Api.object("cidr", "127.0.0.1/32", "label", "test machine again"));
        assertThat(added.status()).isEqualTo(201);
        browser.click("main [data-retry]");
        browser.text("kiosk-signin h1", Catalogue.text("ru", "kiosk.signin.heading"));
    }

    private WebElement row(String kioskName) {
        return browser.waiting(Browser.WAIT).until(d -> d.findElements(By.cssSelector("kiosk-list tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("[data-kiosk-name]")).getText().equals(kioskName))
                .findFirst().orElse(null));
    }

    /** The server's own title for kiosk.locked in {@code lang}, from another kiosk of the same world, locked for this. */
    private static String lockedTitle(World world, String lang) {
        World.Kiosk other = world.enrolledKiosk();
        Api.Response lock = world.officer().post("/api/staff/kiosks/" + other.id() + "/lock", null);
        assertThat(lock.status()).as(lock.toString()).isEqualTo(200);
        Api.Response refused = other.device().header("Accept-Language", lang).get("/api/kiosk/device");
        assertThat(refused.code()).isEqualTo("kiosk.locked");
        return refused.json().get("title").asText();
    }
}
