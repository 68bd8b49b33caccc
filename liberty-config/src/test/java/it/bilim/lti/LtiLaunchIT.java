package it.bilim.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bilim.lti.sim.PlatformSimulator;
import org.bilim.lti.sim.SimMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A university LMS (the platform simulator, with its own keys) launches Bilim through the real
 * OIDC login and id_token post, as a browser carries them: an instructor lands in the lecturer
 * workspace of the linked course, with a session that reaches that course only; a learner gets a
 * polite page and no session; a replayed launch, a launch from another browser and a login from
 * an unknown LMS are refused with a plain page and a reference code.
 */
class LtiLaunchIT {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static PlatformSimulator lms;
    private static Api admin;
    private static long registrationId;
    private static long courseId;
    private static long otherCourseId;

    @BeforeAll
    static void aRegisteredLmsAndACourseOfItsUniversity() throws java.io.IOException {
        String tool = ItServer.url();
        lms = PlatformSimulator.builder().clientId(World.unique("client-")).deploymentId(World.unique("deployment-"))
                .toolRedirectUri(URI.create(tool + "/api/lti/launch")).toolTargetLinkUri(URI.create(tool + "/"))
                .toolJwksUrl(URI.create(tool + "/api/lti/jwks")).start();
        admin = World.admin();
        long university = CourseFixture.university(World.unique("al-Farabi KazNU "));
        Api.Response r = admin.post("/api/staff/lti/registrations", Api.object("universityId", university, "issuer", lms.issuer(),
                "clientId", lms.clientId(), "deploymentIds", List.of(lms.deploymentId()),
                "authorizationEndpoint", lms.authorizationEndpoint().toString(), "tokenEndpoint", lms.tokenEndpoint().toString(),
                "jwksUrl", lms.jwksUri().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("state").asText()).isEqualTo("ACTIVE");
        registrationId = r.json().get("id").asLong();

        World world = World.create();
        courseId = course(world, university);
        otherCourseId = CourseFixture.create(world, "ru").id();
    }

    @AfterAll
    static void stop() {
        if (lms != null) {
            lms.close();
        }
    }

    private static long course(World world, long university) {
        Api.Response r = world.officer().post("/api/staff/courses", Api.object("universityId", university, "code", World.unique("LAW-"),
                "title", "Правовая грамотность", "description", "", "language", "ru", "credits", 3));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private static void instructorOfTheCourse(String sub) {
        lms.launchWith(Map.of("sub", sub, "name", "Daniyar Omarov", LTI + "roles", List.of(SimMember.INSTRUCTOR,
                "http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator"), LTI + "custom", Map.of("bilim_course",
                Long.toString(courseId)), LTI + "launch_presentation", Map.of("document_target", "iframe", "locale", "kk",
                "return_url", lms.baseUri() + "/course/view")));
    }

    @Test
    void anInstructorLandsInTheWorkspaceOfTheLinkedCourseAndReachesThatCourseOnly() {
        instructorOfTheCourse(World.unique("teacher-"));
        LtiBrowser browser = new LtiBrowser(lms);
        LtiBrowser.Page launched = browser.launch();

        assertThat(launched.status()).as(launched.toString()).isEqualTo(200);
        assertThat(launched.body()).contains("<lecturer-workspace>").contains("<html lang=\"kk\"")
                .contains("<meta name=\"bilim-course\" content=\"" + courseId + "\">");
        String csp = launched.header("Content-Security-Policy");
        assertThat(csp).endsWith("frame-ancestors " + origin(lms.baseUri())).contains("script-src 'self'");
        String token = meta(launched.body(), "bilim-session");

        Api lecturer = Api.client().header("Authorization", "Bearer " + token);
        Api.Response course = lecturer.get("/api/staff/courses/" + courseId);
        assertThat(course.status()).as(course.toString()).isEqualTo(200);
        Api.Response other = lecturer.get("/api/staff/courses/" + otherCourseId);
        assertThat(other.status()).as(other.toString()).isIn(403, 404);
        // The platform said "administrator" too: it grants nothing in Bilim.
        Api.Response adminOnly = lecturer.get("/api/staff/lti/registrations");
        assertThat(adminOnly.status()).as(adminOnly.toString()).isEqualTo(403);

        // Signing out with the bearer token ends the session on the server.
        assertThat(lecturer.delete("/api/staff/session").status()).isEqualTo(204);
        assertThat(lecturer.get("/api/staff/courses/" + courseId).status()).isEqualTo(401);

        JsonNode audit = admin.get("/api/staff/audit?size=50").json();
        assertThat(audit.toString()).contains("lti.launch").contains("lti.lecturer-created");
    }

    @Test
    void aRecordingReachesTheFramedWorkspaceThroughAShortLivedLinkOnly() {
        instructorOfTheCourse(World.unique("teacher-"));
        Api lecturer = Api.client().header("Authorization", "Bearer " + meta(new LtiBrowser(lms).launch().body(), "bilim-session"));
        byte[] bytes = CourseFixture.tinyPdf();
        Api.Binary uploaded = lecturer.binary("POST", "/api/staff/files?name=lecture.pdf", "application/octet-stream", bytes);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String fileId = uploaded.json().get("fileId").asText();

        Api.Response link = lecturer.post("/api/staff/files/" + fileId + "/link", Map.of());
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        String url = link.json().get("url").asText();
        assertThat(url).startsWith("/api/media/");
        // The link is the credential: no session, and a range as a player asks for it.
        Api.Binary part = Api.client().binary("GET", url, null, null, "Range", "bytes=0-9");
        assertThat(part.status()).isEqualTo(206);
        assertThat(part.body()).containsExactly(java.util.Arrays.copyOf(bytes, 10));
        assertThat(Api.client().binary("GET", url.substring(0, url.length() - 4) + "AAAA", null, null).status()).isEqualTo(404);
        assertThat(Api.client().binary("GET", "/api/media/not-a-link", null, null).status()).isEqualTo(404);
        assertThat(Api.client().post("/api/staff/files/" + fileId + "/link", Map.of()).status()).isIn(401, 403);
    }

    @Test
    void theSameLecturerIsMatchedAgainByPlatformAndSub() {
        String sub = World.unique("teacher-");
        instructorOfTheCourse(sub);
        String first = meta(new LtiBrowser(lms).launch().body(), "bilim-session");
        String second = meta(new LtiBrowser(lms).launch().body(), "bilim-session");
        assertThat(first).isNotEqualTo(second);
        long firstId = Api.client().header("Authorization", "Bearer " + first).get("/api/staff/session").json().get("id").asLong();
        long secondId = Api.client().header("Authorization", "Bearer " + second).get("/api/staff/session").json().get("id").asLong();
        assertThat(secondId).isEqualTo(firstId);
    }

    @Test
    void aLearnerGetsAPolitePageAndNoSession() {
        lms.launchWith(Map.of("sub", World.unique("student-"), LTI + "roles", List.of(SimMember.LEARNER)));
        LtiBrowser.Page page = new LtiBrowser(lms).launch();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"ru\"").contains("Этот курс изучают в учреждении")
                .doesNotContain("bilim-session").doesNotContain("lecturer-workspace");
    }

    @Test
    void aReplayedLaunchIsRefused() {
        instructorOfTheCourse(World.unique("teacher-"));
        LtiBrowser browser = new LtiBrowser(lms);
        Map<String, String> form = browser.authorize(browser.login());
        assertThat(browser.post("/api/lti/launch", form).status()).isEqualTo(200);
        LtiBrowser.Page again = browser.post("/api/lti/launch", form);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).contains("lti.launch.").doesNotContain("bilim-session").doesNotContain(form.get("id_token"));
    }

    @Test
    void aLaunchCarriedByAnotherBrowserIsRefused() {
        instructorOfTheCourse(World.unique("teacher-"));
        LtiBrowser started = new LtiBrowser(lms);
        Map<String, String> form = started.authorize(started.login());
        LtiBrowser.Page stolen = new LtiBrowser(lms).post("/api/lti/launch", form);
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.body()).contains("lti.launch.").doesNotContain("bilim-session");
        // The login it belonged to is untouched: its own browser still completes it.
        assertThat(started.post("/api/lti/launch", form).status()).isEqualTo(200);
    }

    @Test
    void aLoginFromAnUnknownLmsIsRefusedWithAPlainPage() {
        LtiBrowser browser = new LtiBrowser(lms);
        LtiBrowser.Page page = browser.post("/api/lti/login", Map.of("iss", "https://lms.invalid", "login_hint", "x",
                "target_link_uri", ItServer.url() + "/"));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Bilim").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void bilimPublishesItsPublicKeysOnly() {
        Api.Response r = Api.client().get("/api/lti/jwks");
        assertThat(r.status()).isEqualTo(200);
        JsonNode keys = r.json().get("keys");
        assertThat(keys).isNotEmpty();
        keys.forEach(k -> {
            assertThat(k.get("kid").asText()).isNotBlank();
            assertThat(k.get("kty").asText()).isEqualTo("RSA");
            assertThat(k.has("d")).as("private exponent published").isFalse();
            assertThat(k.has("p")).isFalse();
        });
    }

    @Test
    void registrationsAreCheckedAndKeptByAdministratorsOnly() {
        long university = CourseFixture.university(World.unique("University "));
        Map<String, Object> body = new LinkedHashMap<>(Map.of("universityId", university, "issuer", "https://moodle.example.kz",
                "clientId", World.unique("c-"), "deploymentIds", List.of("1"),
                "authorizationEndpoint", "http://moodle.example.kz/mod/lti/auth.php",
                "tokenEndpoint", "https://moodle.example.kz/mod/lti/token.php", "jwksUrl", "https://moodle.example.kz/mod/lti/certs.php"));
        Api.Response plainHttp = admin.post("/api/staff/lti/registrations", body);
        assertThat(plainHttp.status()).as(plainHttp.toString()).isEqualTo(400);
        assertThat(plainHttp.code()).isEqualTo("lti.url-invalid");
        assertThat(plainHttp.body()).contains("authorizationEndpoint");

        body.put("authorizationEndpoint", "https://moodle.example.kz/mod/lti/auth.php");
        assertThat(admin.post("/api/staff/lti/registrations", body).status()).isEqualTo(201);
        Api.Response again = admin.post("/api/staff/lti/registrations", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("lti.registration-taken");

        Api officer = World.create().officer();
        assertThat(officer.get("/api/staff/lti/registrations").status()).isEqualTo(403);
        assertThat(officer.post("/api/staff/lti/registrations", body).status()).isEqualTo(403);
    }

    @Test
    void aDisabledRegistrationLaunchesNothingUntilApprovedAgain() {
        JsonNode reg = registration();
        Api.Response disabled = admin.put("/api/staff/lti/registrations/" + registrationId + "/state",
                Api.object("state", "DISABLED", "revision", reg.get("revision").asLong()));
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        try {
            LtiBrowser.Page refused = new LtiBrowser(lms).post("/api/lti/login", LtiBrowser.loginForm(lms));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("bilim-session");
        } finally {
            Api.Response active = admin.put("/api/staff/lti/registrations/" + registrationId + "/state",
                    Api.object("state", "ACTIVE", "revision", disabled.json().get("revision").asLong()));
            assertThat(active.status()).as(active.toString()).isEqualTo(200);
        }
    }

    @Test
    void aRotationPublishesTheNextKeyBeforeItSigns() {
        Api.Response rotated = admin.post("/api/staff/lti/keys/rotation", null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        List<String> states = rotated.json().findValuesAsText("state");
        assertThat(states).contains("NEXT", "CURRENT");
        JsonNode published = Api.client().get("/api/lti/jwks").json().get("keys");
        List<String> kids = published.findValuesAsText("kid");
        rotated.json().forEach(k -> {
            if (!k.get("state").asText().equals("RETIRED")) {
                assertThat(kids).contains(k.get("kid").asText());
            }
        });
    }

    private static JsonNode registration() {
        for (JsonNode r : admin.get("/api/staff/lti/registrations").json()) {
            if (r.get("id").asLong() == registrationId) {
                return r;
            }
        }
        throw new AssertionError("registration " + registrationId + " not listed");
    }


    private static String meta(String html, String name) {
        Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\">").matcher(html);
        assertThat(m.find()).as("meta %s in %s", name, html).isTrue();
        return m.group(1);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
