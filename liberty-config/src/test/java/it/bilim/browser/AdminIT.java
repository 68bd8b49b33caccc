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
 * The administrator sets up a facility (address range, classroom) and an officer for it; the
 * officer signs in. Staff sessions: a console answers an ended session with the sign-in page and
 * the server's reason, and each console tells a person of the other role where to go.
 */
class AdminIT {
    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void facilityRangeClassroomAndAnOfficerForIt() {
        Flows.signInAdmin(browser);
        String code = World.unique("PVL-");
        browser.fill("#ff-code", code);
        browser.fill("#ff-name", "Учреждение " + code);
        browser.fill("#ff-region", "Павлодарская область");
        new Select(browser.visible("#ff-language")).selectByValue("kk");
        browser.click("facility-list form[data-form=facility] button[type=submit]");
        browser.visible("facility-editor #fr-cidr");
        assertThat(browser.driver.getCurrentUrl()).matches(".*#/facilities/\\d+$");
        long facilityId = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/", ""));

        browser.fill("#fr-cidr", "10.20.0.0/16");
        browser.fill("#fr-label", "Classroom network");
        browser.click("facility-editor form[data-form=range] button[type=submit]");
        browser.visible("facility-editor tr[data-range-id]");
        browser.fill("#fr-cidr", "10.20.0.0/16");
        browser.click("facility-editor form[data-form=range] button[type=submit]");
        browser.visible("#fr-problem");
        assertThat(browser.visible("#fr-cidr").getAttribute("aria-invalid")).as("a duplicate range is refused at its field").isEqualTo("true");
        browser.fill("#fc-name", "Класс 1");
        browser.click("facility-editor form[data-form=classroom] button[type=submit]");
        browser.textContains("facility-editor [data-room-list]", "Класс 1");

        JsonNode facility = World.admin().get("/api/staff/facilities/" + facilityId).json();
        assertThat(facility.get("code").asText()).isEqualTo(code.toUpperCase());
        assertThat(facility.get("defaultLanguage").asText()).isEqualTo("kk");
        assertThat(facility.get("addressRanges")).hasSize(1);
        assertThat(facility.get("addressRanges").get(0).get("cidr").asText()).isEqualTo("10.20.0.0/16");
        assertThat(facility.get("classrooms").get(0).get("name").asText()).isEqualTo("Класс 1");

        // Editing the details.
        browser.fill("#fd-region", "Павлодарская обл.");
        browser.click("facility-editor form[data-form=facility] button[type=submit]");
        browser.waiting(Browser.WAIT).until(d -> World.admin().get("/api/staff/facilities/" + facilityId).json()
                .get("region").asText().equals("Павлодарская обл."));

        // Removing the range, after confirming.
        browser.click("facility-editor button[data-remove-range]");
        browser.click("dialog.confirm-dialog [data-answer=yes]");
        browser.visible("facility-editor [data-ranges] .empty-state");
        assertThat(World.admin().get("/api/staff/facilities/" + facilityId).json().get("addressRanges")).isEmpty();

        // An officer for it.
        browser.click("[data-nav=accounts]");
        browser.visible("#af-username");
        String username = World.unique("off-");
        String password = World.unique("pw-") + "-long-enough";
        browser.fill("#af-username", username);
        browser.fill("#af-name", "Жанар Officer");
        new Select(browser.visible("#af-role")).selectByValue("OFFICER");
        new Select(browser.visible("#af-facility")).selectByVisibleText("Учреждение " + code);
        new Select(browser.visible("#af-language")).selectByValue("kk");
        browser.fill("#af-password", password);
        browser.click("staff-accounts form[data-form=account] button[type=submit]");
        WebElement row = browser.visible("staff-accounts tr[data-account-id] a[href]:focus");
        assertThat(row.getText()).isEqualTo("Жанар Officer");

        // Disable and enable again on the account's page.
        row.click();
        browser.visible("#ae-enabled");
        browser.click("#ae-enabled");
        browser.click("staff-account-editor form[data-form=account] button[type=submit]");
        browser.waiting(Browser.WAIT).until(d -> !accountOf(username).get("enabled").asBoolean());
        assertThat(Api.client().post("/api/staff/session", Api.object("username", username, "password", password)).status())
                .isEqualTo(401);
        browser.click("#ae-enabled");
        browser.click("staff-account-editor form[data-form=account] button[type=submit]");
        browser.waiting(Browser.WAIT).until(d -> accountOf(username).get("enabled").asBoolean());

        // A new password, which the administrator hands over in person.
        String newPassword = World.unique("new-pw-") + "-long-enough";
        browser.fill("#ap-password", "too short");
        browser.click("staff-account-editor form[data-form=password] button[type=submit]");
        assertThat(browser.visible("#ap-password-error").getText()).isNotBlank();
        browser.fill("#ap-password", newPassword);
        browser.click("staff-account-editor form[data-form=password] button[type=submit]");
        browser.visible("staff-account-editor [data-password-done]");
        assertThat(Api.client().post("/api/staff/session", Api.object("username", username, "password", password)).status())
                .as("the old password no longer works").isEqualTo(401);

        // The new officer signs in to their console, in Kazakh, in their facility.
        browser.click("[data-session-bar] [data-sign-out]");
        browser.visible("staff-signin [data-notice]");
        Flows.signInStaff(browser, "officer", username, newPassword);
        browser.visible("learner-list h1");
        browser.language("kk");
        browser.textContains("[data-session-bar] .who", "Учреждение " + code);
    }

    @Test
    void aStaffMembersLanguageIsKeptWithTheirAccount() {
        World world = World.create();
        Flows.signInOfficer(browser, world);
        browser.language("en");
        browser.visible("language-switch button[lang=ru]").click();
        browser.language("ru");
        // Another browser (nothing stored here any more) signs in as the same officer: still Russian.
        browser.forgetEverything();
        Flows.signInOfficer(browser, world);
        browser.language("ru");
        assertThat(world.officer().get("/api/staff/session").json().get("language").asText()).isEqualTo("ru");
    }

    @Test
    void anEndedSessionLeadsBackToSignInWithTheReason() {
        World world = World.create();
        Flows.signInOfficer(browser, world);
        // The administrator sets a new password: every session of the officer ends at once.
        JsonNode officer = accountOf(world.officerUsername);
        String newPassword = World.unique("pw-") + "-long-enough";
        Api.Response reset = world.adminApi().put("/api/staff/accounts/" + officer.get("id").asLong() + "/password",
                Api.object("password", newPassword));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);

        browser.click("[data-nav=kiosks]");
        WebElement notice = browser.visible("staff-signin [data-notice]");
        Api.Response ended = Api.client().header("Accept-Language", "en").get("/api/staff/session");
        assertThat(notice.getText()).contains(ended.json().get("title").asText());
        assertThat(browser.all("[data-session-bar] [data-sign-out]").stream().filter(WebElement::isDisplayed)).isEmpty();

        // Signing in again returns to where the officer was going.
        browser.fill("#staff-username", world.officerUsername);
        browser.fill("#staff-password", newPassword);
        browser.click("staff-signin button[type=submit]");
        browser.visible("kiosk-list h1");
    }

    @Test
    void eachConsoleSendsTheOtherRoleToItsOwn() {
        World world = World.create();
        browser.open("/admin/");
        browser.fill("#staff-username", world.officerUsername);
        browser.fill("#staff-password", world.officerPassword);
        browser.click("staff-signin button[type=submit]");
        browser.text("main h1", Catalogue.text("en", "console.wrongRole.heading"));
        assertThat(browser.all("[data-nav]")).as("no administrator navigation for an officer").isEmpty();
        browser.click("main a[href='/officer/']");
        browser.visible("learner-list h1");
        assertThat(browser.all("[data-nav]")).extracting(e -> e.getAttribute("data-nav"))
                .containsExactly("learners", "courses", "search", "enrolments", "grading", "grade-deliveries", "lms-courses", "kiosks", "audit");
        browser.click("[data-nav=audit]");
        browser.visible("audit-log [data-verdict=intact]");
        assertThat(browser.focused().getTagName()).as("focus moves to the view's heading").isEqualTo("h1");
        assertThat(browser.driver.getTitle()).isEqualTo(Catalogue.text("en", "audit.heading") + " — "
                + Catalogue.text("en", "officer.console.name") + " — " + Catalogue.text("en", "app.name"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-nav=audit]")).getAttribute("aria-current")).isEqualTo("page");
    }

    private static JsonNode accountOf(String username) {
        for (JsonNode a : World.admin().get("/api/staff/accounts").json()) {
            if (a.get("username").asText().equals(username)) {
                return a;
            }
        }
        throw new AssertionError("no account " + username);
    }
}
