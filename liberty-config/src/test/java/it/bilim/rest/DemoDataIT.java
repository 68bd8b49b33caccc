package it.bilim.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo that `./bilim run` starts (the H2 test server runs in demo mode): what the README promises is there and works. */
class DemoDataIT {

    @Test
    void theDemoFacilityHasAClassroomTwoKiosksThreeLearnersAnOfficerAndAnAdministrator() throws Exception {
        assumeTrue(!ItServer.postgres(), "the demo runs on the embedded database");
        Path file = Path.of(ItServer.property("bilim.it.data.dir"), "demo-credentials.properties");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        Properties p = demoCredentials();
        Api officer = World.signIn(p.getProperty("officer.username"), p.getProperty("officer.password"));
        JsonNode me = officer.get("/api/staff/session").json();
        assertThat(me.get("role").asText()).isEqualTo("OFFICER");
        JsonNode learners = officer.get("/api/staff/learners").json();
        assertThat(learners.get("total").asLong()).isEqualTo(3);
        assertThat(learners.findValues("learnerNumber")).extracting(JsonNode::asText)
                .contains(p.getProperty("learner.1.number"), p.getProperty("learner.2.number"), p.getProperty("learner.3.number"));
        assertThat(learners.findValues("language")).extracting(JsonNode::asText).contains("kk", "ru", "en");
        JsonNode kiosks = officer.get("/api/staff/kiosks").json();
        // Other tests may register more kiosks in the demo facility; the demo's own two stand in its classroom.
        assertThat(kiosks.findParents("classroom")).extracting(k -> k.get("name").asText())
                .containsExactlyInAnyOrder("Kiosk 1", "Kiosk 2");
        assertThat(officer.get("/api/staff/classrooms").json()).hasSize(1);

        Api admin = World.signIn(p.getProperty("admin.username"), p.getProperty("admin.password"));
        assertThat(admin.get("/api/staff/session").json().get("role").asText()).isEqualTo("ADMIN");
        JsonNode facility = admin.get("/api/staff/facilities").json().findParents("code").stream()
                .filter(f -> f.get("code").asText().equals("DEMO-ALM")).findFirst().orElseThrow();
        assertThat(facility.get("addressRanges").findValues("cidr")).extracting(JsonNode::asText).contains("127.0.0.0/8", "::1/128");
    }

    @Test
    void theServerLogPrintsWhereToGoAndADemoLearnerSignsInOnADemoKiosk() throws Exception {
        assumeTrue(!ItServer.postgres(), "the demo runs on the embedded database");
        Properties p = demoCredentials();
        Path console = Path.of(ItServer.property("bilim.it.server.log")).resolveSibling("console.log");
        String printed = Files.exists(console) ? Files.readString(console) : "";
        assertThat(printed).contains("/kiosk/").contains("/officer/").contains("/admin/")
                .contains(p.getProperty("officer.password")).contains(p.getProperty("learner.1.pin"));
        String code = printed.lines().filter(l -> l.contains("#enrol=")).findFirst().orElseThrow()
                .replaceAll(".*#enrol=([A-Z0-9-]+).*", "$1");
        Api kiosk = Api.client();
        Api.Response enrolled = kiosk.post("/api/kiosk/enrolment", Api.object("code", code));
        // Another test may have used this code already; a fresh one is printed at every start.
        assumeTrue(enrolled.status() == 200, "the printed code was used earlier in this run");
        Api.Response in = kiosk.post("/api/kiosk/session", Api.object("learnerNumber", p.getProperty("learner.2.number"),
                "pin", p.getProperty("learner.2.pin")));
        assertThat(in.status()).as(in.toString()).isEqualTo(201);
    }

    @Test
    void theDemoCoursesAreCompleteApprovedAndOpenToEveryDemoLearner() throws Exception {
        assumeTrue(!ItServer.postgres(), "the demo runs on the embedded database");
        Properties p = demoCredentials();
        Api officer = World.signIn(p.getProperty("officer.username"), p.getProperty("officer.password"));
        assertThat(officer.get("/api/staff/enrolments/courses").json().findValues("code")).extracting(JsonNode::asText)
                .contains("LAW-101", "FIN-101");
        Api device = demoLearnerAtNewKiosk(p, officer, 1);

        JsonNode mine = device.get("/api/kiosk/me/courses").json();
        assertThat(mine.findValues("language")).extracting(JsonNode::asText).contains("ru", "kk");
        for (JsonNode course : mine) {
            if (!Set.of("LAW-101", "FIN-101").contains(course.get("code").asText())) {
                continue;
            }
            JsonNode outline = device.get("/api/kiosk/courses/" + course.get("id").asLong()).json();
            assertThat(outline.findValues("kind")).extracting(JsonNode::asText)
                    .contains("page", "file", "media", "case-study", "quiz");
            for (JsonNode item : outline.findValues("items").stream().flatMap(i -> java.util.stream.StreamSupport.stream(i.spliterator(), false)).toList()) {
                String base = "/api/kiosk/courses/" + course.get("id").asLong() + "/items/" + item.get("key").asText();
                JsonNode view = device.get(base).json();
                switch (view.get("kind").asText()) {
                    case "file" -> assertThat(device.binary("GET", view.get("file").get("url").asText(), null, null)
                            .header("Content-Type")).isEqualTo("application/pdf");
                    case "media" -> {
                        assertThat(device.binary("GET", view.get("media").get("url").asText(), null, null, "Range", "bytes=0-99")
                                .status()).isEqualTo(206);
                        assertThat(view.get("captions").findValues("language")).extracting(JsonNode::asText).contains("ru", "kk");
                    }
                    case "quiz" -> {
                        // The demo quizzes can be passed: every question has a right answer a learner can give.
                        JsonNode attempt = device.post(base + "/attempts", DemoAnswers.rightAnswers(item.get("key").asText())).json();
                        assertThat(attempt.get("score").decimalValue()).as(attempt.toString())
                                .isEqualByComparingTo(attempt.get("maxScore").decimalValue());
                    }
                    case "case-study" -> assertThat(view.get("tasks")).hasSize(2);
                    default -> assertThat(view.get("html").asText()).contains("<table>");
                }
            }
        }
    }

    @Test
    void theDemoCoursesAreSearchableInRussianKazakhAndBothAtOnce() throws Exception {
        assumeTrue(!ItServer.postgres(), "the demo runs on the embedded database");
        Properties p = demoCredentials();
        // The index was built from the database when the demo server first started.
        JsonNode index = World.signIn(p.getProperty("admin.username"), p.getProperty("admin.password"))
                .get("/api/staff/search-index?waitSeconds=60").json();
        assertThat(index.get("state").asText()).as(index.toString()).isEqualTo("READY");
        Api device = demoLearnerAtNewKiosk(p, World.signIn(p.getProperty("officer.username"), p.getProperty("officer.password")), 2);

        // Inflected forms meet: "юридической помощи" finds the lecture's "юридическую помощь" at its moment.
        JsonNode ru = device.get("/api/kiosk/search?q=" + java.net.URLEncoder.encode("юридической помощи", "UTF-8")).json();
        assertThat(ru.findValues("courseTitle")).extracting(JsonNode::asText).contains("Правовая грамотность");
        assertThat(ru.findValues("seconds")).isNotEmpty();
        // Kazakh plural and case endings: "бюджеттің" (of the budget) finds the pages about "бюджет".
        JsonNode kk = device.get("/api/kiosk/search?q=" + java.net.URLEncoder.encode("бюджеттің", "UTF-8")).json();
        assertThat(kk.findValues("courseTitle")).extracting(JsonNode::asText).contains("Қаржылық сауаттылық");
        JsonNode both = device.get("/api/kiosk/search?q=" + java.net.URLEncoder.encode("конституция бюджет", "UTF-8")
                + "&size=50").json();
        assertThat(both.get("courses")).hasSize(2);
    }

    private static Properties demoCredentials() throws java.io.IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(ItServer.property("bilim.it.data.dir"), "demo-credentials.properties"))) {
            p.load(r);
        }
        return p;
    }

    /** Demo learner n signed in at a kiosk the demo officer registers and enrols for this test. */
    private static Api demoLearnerAtNewKiosk(Properties p, Api officer, int n) {
        JsonNode kiosk = officer.post("/api/staff/kiosks", Api.object("name", World.unique("Demo test kiosk "))).json();
        Api device = Api.client();
        assertThat(device.post("/api/kiosk/enrolment", Api.object("code", kiosk.get("enrolmentCode").asText())).status()).isEqualTo(200);
        assertThat(device.post("/api/kiosk/session", Api.object("learnerNumber", p.getProperty("learner." + n + ".number"),
                "pin", p.getProperty("learner." + n + ".pin"))).status()).isEqualTo(201);
        return device;
    }
}
