package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.Api;
import it.bilim.support.World;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An officer who reads Kazakh imports hostile cartridges through the import screen: one whose zip
 * holds an entry that climbs out of its folder ({@code ../evil.txt}) beside a valid-looking
 * manifest, and one whose manifest declares a DOCTYPE. Each is refused; the officer reads why in
 * Kazakh — the reason in words, not its code — with what was found, and the refusal is an alert a
 * screen reader speaks as it appears.
 */
class OfficerImportRefusalIT {
    private static final String LANG = "kk";

    /** A Common Cartridge 1.3 manifest with one module and one web page: nothing wrong with it by itself. */
    private static final String MANIFEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="M1" xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1">
              <metadata><schema>IMS Common Cartridge</schema><schemaversion>1.3.0</schemaversion></metadata>
              <organizations>
                <organization identifier="O1" structure="rooted-hierarchy">
                  <item identifier="ROOT">
                    <item identifier="MOD1"><title>1-апта</title>
                      <item identifier="I1" identifierref="R1"><title>Оқу</title></item>
                    </item>
                  </item>
                </organization>
              </organizations>
              <resources>
                <resource identifier="R1" type="webcontent" href="week1/reading.html"><file href="week1/reading.html"/></resource>
              </resources>
            </manifest>
            """;
    private static final String PAGE = "<html><body><p>Әркімнің қорғалуға құқығы бар.</p></body></html>";

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aCartridgeWithAnEntryOutsideItsFolderAndOneWithADoctypeAreRefusedInTheOfficersLanguage() {
        World world = World.create();
        String university = World.unique("Университет ");
        Api.Response u = world.adminApi().post("/api/staff/universities", Api.object("name", university));
        assertThat(u.status()).as(u.toString()).isEqualTo(201);
        String username = World.unique("officer-kk-");
        String password = World.unique("pw-") + "-long-enough";
        Api.Response account = world.adminApi().post("/api/staff/accounts", Api.object("username", username,
                "fullName", "Офицер " + world.facilityCode, "role", "OFFICER", "facilityId", world.facilityId,
                "language", LANG, "password", password));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);

        Flows.signInStaff(browser, "officer", username, password);
        browser.visible("learner-list h1");
        browser.language(LANG);

        // An entry named ../evil.txt would be written beside the extraction folder.
        String escapingName = World.unique("zhol-") + ".imscc";
        Path escaping = Fixtures.temporaryFile(escapingName, Fixtures.zip("imsmanifest.xml", MANIFEST,
                "week1/reading.html", PAGE, "../evil.txt", "written outside the folder"));
        importThroughTheForm(escaping, university);
        WebElement refusal = refusal("PATH_ESCAPES");
        assertThat(details()).containsExactly(List.of(Catalogue.text(LANG, "import.param.entry"), "../evil.txt"));
        assertThat(refusal.getText()).doesNotContain("PATH_ESCAPES");
        Axe.check(browser, "officer: import refused, an entry outside the archive's folder");

        // Back to the form; a manifest that declares a DOCTYPE (the door to XML entity attacks).
        browser.click("import-job a[href='#/imports']");
        browser.visible("course-import form[data-form=import]");
        String withDoctype = MANIFEST.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE manifest [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n");
        String doctypeName = World.unique("doctype-") + ".imscc";
        Path doctype = Fixtures.temporaryFile(doctypeName, Fixtures.zip("imsmanifest.xml", withDoctype, "week1/reading.html", PAGE));
        importThroughTheForm(doctype, university);
        refusal("XML_FORBIDDEN");
        assertThat(details()).first().isEqualTo(List.of(Catalogue.text(LANG, "import.param.path"), "imsmanifest.xml"));
        assertThat(details()).extracting(d -> d.get(0)).contains(Catalogue.text(LANG, "import.param.problem"));
        Axe.check(browser, "officer: import refused, a DOCTYPE in the manifest");

        // Both are listed among the recent imports as refused, in words.
        browser.click("import-job a[href='#/imports']");
        browser.visible("course-import [data-recent] tbody tr");
        for (String name : List.of(escapingName, doctypeName)) {
            assertThat(browser.all("course-import [data-recent] tbody tr").stream().map(WebElement::getText)
                    .filter(row -> row.contains(name))).singleElement().asString()
                    .contains(Catalogue.text(LANG, "import.state.REFUSED"));
        }
    }

    private void importThroughTheForm(Path cartridge, String university) {
        browser.click("[data-nav=courses]");
        browser.visible("course-list h1");
        browser.click("course-list a[href='#/imports']");
        browser.visible("course-import form[data-form=import]");
        browser.driver.findElement(By.id("import-file")).sendKeys(cartridge.toString());
        browser.waiting(Browser.WAIT).until(d -> !browser.all("#import-university option").stream()
                .filter(o -> o.getText().equals(university)).toList().isEmpty());
        new Select(browser.visible("#import-university")).selectByVisibleText(university);
        browser.fill("#import-code", World.unique("HOST-"));
        browser.click("course-import form[data-form=import] button[type=submit]");
        browser.visible("import-job h1");
    }

    /** The refusal as the officer meets it: an alert, the state, why in words, with the job's page heading focused above it. */
    private WebElement refusal(String code) {
        browser.visible("import-job [data-job-state=REFUSED]", Duration.ofSeconds(60));
        assertThat(browser.visible("import-job [data-job-state] strong").getText()).isEqualTo(Catalogue.text(LANG, "import.state.REFUSED"));
        WebElement box = browser.visible("import-job [data-refusal='" + code + "']");
        assertThat(box.getAttribute("role")).isEqualTo("alert");
        assertThat(browser.driver.findElements(By.cssSelector("import-job progress")))
                .as("a refused import did not get to the end: no full progress bar").isEmpty();
        assertThat(box.getText()).contains(Catalogue.text(LANG, "import.refused"))
                .contains(Catalogue.text(LANG, "import.refusal." + code));
        assertThat(browser.focused().getText()).as("focus on the job's heading, the refusal follows")
                .isEqualTo(Catalogue.text(LANG, "import.job.heading"));
        // Read line by line, the page must not go on to say that the archive is still being checked.
        assertThat((String) browser.js("return document.querySelector('import-job [data-job-status]').textContent"))
                .as("the job's status line after the refusal").isEmpty();
        return box;
    }

    /** The refusal's details as (name, value) pairs, in the order shown. */
    private List<List<String>> details() {
        return browser.all("import-job [data-refusal] dl.params > div").stream()
                .map(d -> List.of(d.findElement(By.tagName("dt")).getText(), d.findElement(By.tagName("dd")).getText()))
                .toList();
    }
}
