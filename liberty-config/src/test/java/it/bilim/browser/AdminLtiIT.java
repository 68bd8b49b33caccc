package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's LMS connections (LTI): Bilim's addresses to hand to an LMS administrator, an
 * LMS added through the form (an address the server refuses is shown at its field, then the LMS is
 * added), its deployments changed, the connection disabled and approved again after a
 * confirmation each, and Bilim's signing keys rotated — the new key listed as the next one. axe
 * finds nothing at each step, in high contrast too, and at 200% zoom nothing scrolls sideways.
 */
class AdminLtiIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void anAdministratorConnectsAnLmsDisablesAndApprovesItAndRotatesTheKeys() {
        Api admin = World.admin();
        String lang = admin.get("/api/staff/session").json().get("language").asText();
        String university = World.unique("Satbayev University ");
        CourseFixture.university(university);
        JsonNode tool = admin.get("/api/staff/lti/tool").json();

        Flows.signInAdmin(browser);
        browser.click("[data-nav=lti]");
        browser.text("lti-connections h1", Catalogue.text(lang, "lti.heading"));
        for (String address : List.of("toolUrl", "loginUrl", "redirectUrl", "jwksUrl")) {
            WebElement field = browser.visible("#lti-tool-" + address);
            assertThat(field.getAttribute("value")).as(address).isEqualTo(tool.get(address).asText());
            assertThat(field.getAttribute("readonly")).as(address + " is read-only").isNotNull();
            assertThat(browser.visible("button[data-copy='lti-tool-" + address + "']").getAttribute("textContent"))
                    .startsWith(Catalogue.text(lang, "lti.tool.copy"));
        }
        browser.visible("lti-connections tr[data-key-state=CURRENT]");
        Axe.check(browser, "admin: LMS connections");
        // Copying says what was copied (or, where the browser refuses the clipboard, selects it for Ctrl+C).
        browser.click("button[data-copy='lti-tool-loginUrl']");
        String label = Catalogue.text(lang, "lti.tool.loginUrl");
        browser.waiting(Browser.WAIT).until(d -> List.of(Catalogue.text(lang, "lti.tool.copied", "name", label),
                Catalogue.text(lang, "lti.tool.copyByHand", "name", label)).contains(browser.visible("[data-announcer]").getText()));

        // What the LMS administrator sent back, with one address over plain http.
        String issuer = "https://" + World.unique("moodle-") + ".example.kz";
        String clientId = World.unique("client-");
        new Select(browser.visible("#la-university")).selectByVisibleText(university);
        browser.fill("#la-issuer", issuer);
        browser.fill("#la-client", clientId);
        browser.fill("#la-deployments", "1\n\n  2  ");
        browser.fill("#la-authorizationEndpoint", "http://moodle.example.kz/mod/lti/auth.php");
        browser.fill("#la-tokenEndpoint", issuer + "/mod/lti/token.php");
        browser.fill("#la-jwksUrl", issuer + "/mod/lti/certs.php");
        browser.click("lti-connections form[data-form=registration] button[type=submit]");

        browser.visible("#lti-add-problem h2");
        WebElement error = browser.visible("#la-authorizationEndpoint-error");
        assertThat(error.getText()).isNotBlank();
        WebElement auth = browser.visible("#la-authorizationEndpoint");
        assertThat(auth.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(auth.getAttribute("aria-describedby")).contains("la-authorizationEndpoint-error");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("lti-add-problem");
        assertThat(browser.all("[data-field=issuer].invalid, [data-field=tokenEndpoint].invalid")).isEmpty();
        assertThat(registration(admin, issuer)).as("nothing was added").isNull();
        Axe.check(browser, "admin: new LMS connection with a refused address");

        browser.fill("#la-authorizationEndpoint", issuer + "/mod/lti/auth.php");
        browser.click("lti-connections form[data-form=registration] button[type=submit]");
        browser.text("lti-registration h1", Catalogue.text(lang, "lti.registration.heading", "name", university));
        JsonNode added = registration(admin, issuer);
        assertThat(added).isNotNull();
        assertThat(added.get("clientId").asText()).isEqualTo(clientId);
        assertThat(added.get("deploymentIds").toString()).as("one per line, blank lines dropped").isEqualTo("[\"1\",\"2\"]");
        assertThat(added.get("state").asText()).isEqualTo("ACTIVE");
        browser.visible("lti-registration [data-state-fact] [data-state=ACTIVE]");
        Axe.check(browser, "admin: an LMS connection");

        // A deployment added in the LMS, and the institution's own host where it serves grades and rosters: an origin, no path.
        browser.fill("#le-deployments", "1\n2\n3");
        browser.fill("#le-service-origins", "https://kaznu.instructure.com/api/lti");
        browser.click("lti-registration form[data-form=endpoints] button[type=submit]");
        browser.visible("#lr-endpoints-problem h2");
        assertThat(browser.visible("#le-service-origins").getAttribute("aria-invalid")).isEqualTo("true");
        browser.visible("#le-service-origins-error");
        assertThat(registration(admin, issuer).get("deploymentIds").size()).as("nothing was changed").isEqualTo(2);
        Axe.check(browser, "admin: an LMS connection with a refused service origin");
        browser.fill("#le-service-origins", "https://kaznu.instructure.com");
        browser.click("lti-registration form[data-form=endpoints] button[type=submit]");
        browser.visible("lti-registration [data-endpoints-saved]");
        assertThat(registration(admin, issuer).get("deploymentIds").size()).isEqualTo(3);
        assertThat(registration(admin, issuer).get("serviceOrigins")).singleElement()
                .satisfies(o -> assertThat(o.asText()).startsWith("https://kaznu.instructure.com"));

        browser.click("lti-registration [data-state-action=DISABLED]");
        browser.visible("dialog.confirm-dialog[open]");
        assertThat(browser.focused().getAttribute("data-answer")).as("the safe answer has focus").isEqualTo("no");
        assertThat(browser.visible("dialog.confirm-dialog #confirm-body").getText()).contains(issuer);
        Axe.check(browser, "admin: disable an LMS connection, confirmation");
        browser.click("dialog.confirm-dialog [data-answer=yes]");
        browser.visible("lti-registration [data-state-changed=DISABLED]");
        browser.visible("lti-registration [data-state-fact] [data-state=DISABLED]");
        assertThat(registration(admin, issuer).get("state").asText()).isEqualTo("DISABLED");
        browser.text("[data-announcer]", Catalogue.text(lang, "lti.disabled"));

        browser.click("lti-registration [data-state-action=ACTIVE]");
        browser.visible("dialog.confirm-dialog[open]");
        browser.click("dialog.confirm-dialog [data-answer=yes]");
        browser.visible("lti-registration [data-state-changed=ACTIVE]");
        assertThat(registration(admin, issuer).get("state").asText()).isEqualTo("ACTIVE");
        Axe.check(browser, "admin: an LMS connection approved again");

        browser.click("lti-registration a[href='#/lti']");
        browser.visible("lti-connections tr[data-registration-id='" + added.get("id").asLong() + "'][data-state=ACTIVE]");
        browser.click("lti-connections [data-rotate]");
        browser.visible("dialog.confirm-dialog[open]");
        assertThat(browser.visible("dialog.confirm-dialog #confirm-body").getText()).isEqualTo(Catalogue.text(lang, "lti.keys.confirm.body"));
        Axe.check(browser, "admin: key rotation, confirmation");
        browser.click("dialog.confirm-dialog [data-answer=yes]");
        browser.visible("lti-connections [data-rotated]");
        browser.visible("lti-connections tr[data-key-state=NEXT]");
        browser.visible("lti-connections tr[data-key-state=CURRENT]");
        List<String> states = admin.get("/api/staff/lti/keys").json().findValuesAsText("state");
        assertThat(states).contains("NEXT", "CURRENT");
        Axe.check(browser, "admin: LMS connections after a key rotation");

        browser.click("label[for=display-highContrast]");
        browser.waiting(Browser.WAIT).until(d -> browser.js("return document.documentElement.className").toString()
                .contains("a11y-high-contrast"));
        Axe.check(browser, "admin: LMS connections, high contrast");
        // 200% zoom of a 1280-pixel screen: nothing scrolls sideways but the tables, inside their own region.
        browser.width(640);
        browser.assertNoHorizontalScroll("admin: LMS connections at 640 px");
        browser.click("lti-connections tr[data-registration-id='" + added.get("id").asLong() + "'] a");
        browser.visible("lti-registration form[data-form=endpoints]");
        browser.assertNoHorizontalScroll("admin: an LMS connection at 640 px");
        Axe.check(browser, "admin: an LMS connection, high contrast");
    }

    private static JsonNode registration(Api admin, String issuer) {
        for (JsonNode r : admin.get("/api/staff/lti/registrations").json()) {
            if (r.get("issuer").asText().equals(issuer)) {
                return r;
            }
        }
        return null;
    }
}
