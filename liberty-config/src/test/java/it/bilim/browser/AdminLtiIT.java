package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.lti.RegistrationUrls;
import it.bilim.support.CourseFixture;
import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.bilim.lti.sim.PlatformSimulator;
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
 * An invitation for an LMS to register itself: its registration URL shown once, with a copy
 * button; used by the LMS (the simulator's dynamic registration), it is listed as used with the
 * connection it made, waiting for approval, which the administrator gives from there.
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
        // The outbound allowlist names the active connection's addresses, and what each is for.
        browser.visible("lti-allowlist tr[data-origin='" + issuer.toLowerCase() + ":443'] a[href='#/lti/" + added.get("id").asLong() + "']");
        assertThat(browser.visible("lti-allowlist tr[data-origin='" + issuer.toLowerCase() + ":443'] td").getText())
                .contains(Catalogue.text(lang, "lti.allowlist.why.ENDPOINT"));
        Axe.check(browser, "admin: LMS connections with the allowlist");
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

    @Test
    void anInvitedLmsRegistersItselfAndTheInvitationShowsTheConnectionToApprove() throws IOException {
        Api admin = World.admin();
        String lang = admin.get("/api/staff/session").json().get("language").asText();
        String university = World.unique("Toraighyrov University ");
        CourseFixture.university(university);
        try (PlatformSimulator lms = PlatformSimulator.builder().product("moodle", "4.5").start()) {
            Flows.signInAdmin(browser);
            browser.click("[data-nav=lti]");
            browser.visible("lti-invitations form[data-form=invitation]");

            // An address that is not https is refused at its field, and nothing is made.
            int invitations = admin.get("/api/staff/lti/invitations").json().size();
            new Select(browser.visible("#li-university")).selectByVisibleText(university);
            browser.fill("#li-lmsUrl", "ftp://moodle.example.kz");
            browser.click("lti-invitations form[data-form=invitation] button[type=submit]");
            browser.visible("#lti-invite-problem h2");
            assertThat(browser.visible("#li-lmsUrl-error").getText()).isNotBlank();
            assertThat(browser.visible("#li-lmsUrl").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.focused().getAttribute("id")).isEqualTo("lti-invite-problem");
            assertThat(admin.get("/api/staff/lti/invitations").json().size()).isEqualTo(invitations);
            Axe.check(browser, "admin: LMS invitation with a refused address");

            browser.fill("#li-lmsUrl", lms.baseUri().toString());
            browser.click("lti-invitations form[data-form=invitation] button[type=submit]");
            WebElement shown = browser.visible("one-time-secret[data-id=lti-invitation-url] input#lti-invitation-url-value");
            String url = shown.getAttribute("value");
            assertThat(url).startsWith(ItServer.url() + "/api/lti/dynamic-registration?invitation=");
            assertThat(shown.getAttribute("readonly")).isNotNull();
            assertThat(browser.focused().getAttribute("id")).isEqualTo("lti-invitation-url-title");
            assertThat(browser.visible("one-time-secret[data-id=lti-invitation-url]").getText())
                    .contains(Catalogue.text(lang, "lti.invite.made", "university", university)).contains(Catalogue.text(lang, "secret.once"));
            String origin = lms.baseUri().getScheme() + "://" + lms.baseUri().getRawAuthority();
            JsonNode invitation = invitation(admin, origin);
            String row = "lti-invitations tr[data-invitation-id='" + invitation.get("id").asLong() + "']";
            browser.visible(row + "[data-invitation-state=UNUSED]");
            assertThat(browser.visible(row).getText()).contains(university)
                    .contains(Catalogue.text(lang, "lti.invitations.noRegistration"));
            Axe.check(browser, "admin: an LMS registration URL, shown once");
            browser.click("one-time-secret[data-id=lti-invitation-url] [data-copy]");
            String label = Catalogue.text(lang, "lti.invite.url");
            browser.waiting(Browser.WAIT).until(d -> List.of(Catalogue.text(lang, "lti.tool.copied", "name", label),
                    Catalogue.text(lang, "lti.tool.copyByHand", "name", label)).contains(browser.visible("[data-announcer]").getText()));

            // The LMS's administrator pastes the URL into the LMS; the LMS registers Bilim.
            HttpResponse<String> registered = RegistrationUrls.open(url, lms.openIdConfigurationUrl(), null);
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);

            // Shown once: back on the screen the URL is gone, the invitation used, its connection waiting.
            browser.driver.navigate().refresh();
            browser.visible(row + "[data-invitation-state=USED]");
            assertThat(browser.all("one-time-secret[data-id=lti-invitation-url] input")).isEmpty();
            long registration = invitation(admin, origin).get("registrationId").asLong();
            browser.visible(row + " [data-invitation-registration='" + registration + "']");
            browser.visible(row + " [data-state=PENDING]");
            browser.visible("lti-connections tr[data-registration-id='" + registration + "'][data-state=PENDING]");
            Axe.check(browser, "admin: an invitation used, its connection waiting for approval");

            browser.click(row + " [data-invitation-registration='" + registration + "']");
            browser.visible("lti-registration [data-state-fact] [data-state=PENDING]");
            browser.click("lti-registration [data-state-action=ACTIVE]");
            browser.visible("dialog.confirm-dialog[open]");
            browser.click("dialog.confirm-dialog [data-answer=yes]");
            browser.visible("lti-registration [data-state-changed=ACTIVE]");
            assertThat(registration(admin, lms.issuer()).get("state").asText()).isEqualTo("ACTIVE");
            browser.click("lti-registration a[href='#/lti']");
            browser.visible(row + "[data-invitation-state=USED] [data-state=ACTIVE]");

            browser.width(640);
            browser.assertNoHorizontalScroll("admin: LMS connections with invitations at 640 px");
        }
    }

    private static JsonNode invitation(Api admin, String lmsOrigin) {
        for (JsonNode i : admin.get("/api/staff/lti/invitations").json()) {
            if (i.get("lmsOrigin").asText().equals(lmsOrigin)) {
                return i;
            }
        }
        throw new AssertionError("no invitation for " + lmsOrigin);
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
