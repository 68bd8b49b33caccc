package it.bilim.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.net.URI;
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
 * Deep Linking 2.0: an instructor adding Bilim to their LMS course picks a Bilim course and a quiz
 * of their university; Bilim answers with a JWT signed by its published key, addressed to the
 * platform, echoing the platform's data, with a gradebook column for the graded item. The request
 * is answered once, by the lecturer who launched it, and offers nothing of another university.
 */
class DeepLinkingIT {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    private static PlatformSimulator lms;
    private static CourseFixture course;
    private static CourseFixture foreign;

    @BeforeAll
    static void aRegisteredLmsAndACourseWithAQuiz() throws java.io.IOException {
        String tool = ItServer.url();
        lms = PlatformSimulator.builder().clientId(World.unique("client-")).deploymentId(World.unique("deployment-"))
                .toolRedirectUri(URI.create(tool + "/api/lti/launch")).toolTargetLinkUri(URI.create(tool + "/"))
                .toolJwksUrl(URI.create(tool + "/api/lti/jwks")).start();
        long university = CourseFixture.university(World.unique("KazNU "));
        Api.Response r = World.admin().post("/api/staff/lti/registrations", Api.object("universityId", university, "issuer", lms.issuer(),
                "clientId", lms.clientId(), "deploymentIds", List.of(lms.deploymentId()),
                "authorizationEndpoint", lms.authorizationEndpoint().toString(), "tokenEndpoint", lms.tokenEndpoint().toString(),
                "jwksUrl", lms.jwksUri().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        World world = World.create();
        course = CourseFixture.create(world, "kk", university);
        String module = course.module("1-апта");
        course.item(module, Api.object("key", "reading", "kind", "page", "title", "Оқу", "html", "<p>Мәтін</p>"));
        course.item(module, Api.object("key", "check", "kind", "quiz", "title", "Өзін-өзі тексеру", "attemptsAllowed", 2,
                "questions", List.of(Api.object("key", "q1", "type", "single-choice", "promptHtml", "<p>Бюджет?</p>", "points", 1,
                        "correctFeedbackHtml", "", "incorrectFeedbackHtml", "", "choices", List.of(
                                Api.object("key", "a", "html", "Жоспар", "correct", true),
                                Api.object("key", "b", "html", "Шот", "correct", false))))));
        foreign = CourseFixture.create(world, "ru");
    }

    @AfterAll
    static void stop() {
        if (lms != null) {
            lms.close();
        }
    }

    private static String instructorPicks(String sub) {
        lms.launchWith(request -> {
            Map<String, Object> claims = lms.deepLinkingMessageFor(request.nonce());
            claims.put("sub", sub);
            return claims;
        });
        LtiBrowser.Page page = new LtiBrowser(lms).launch();
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("<lecturer-workspace>");
        assertThat(page.header("Content-Security-Policy")).contains("form-action 'self' " + origin(lms.baseUri()));
        return page.body();
    }

    @Test
    void aLecturerPicksACourseAndAQuizAndThePlatformGetsASignedAnswer() throws Exception {
        String shell = instructorPicks(World.unique("teacher-"));
        String ref = meta(shell, "bilim-deep-linking");
        Api lecturer = Api.client().header("Authorization", "Bearer " + meta(shell, "bilim-session"));

        JsonNode choices = lecturer.get("/api/staff/lti/deep-linking/" + ref).json();
        assertThat(choices.get("acceptTypes").toString()).contains("ltiResourceLink");
        assertThat(choices.get("courses").findValuesAsText("id")).contains(Long.toString(course.id()))
                .doesNotContain(Long.toString(foreign.id()));
        assertThat(choices.toString()).contains("\"key\":\"check\"").contains("\"kind\":\"quiz\"").doesNotContain("\"key\":\"reading\"");

        Api.Response answer = lecturer.post("/api/staff/lti/deep-linking/" + ref, Api.object("selections", List.of(
                Api.object("courseId", course.id()), Api.object("courseId", course.id(), "itemKey", "check"))));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("action").asText()).isEqualTo(lms.deepLinkingReturnUrl().toString());
        assertThat(answer.json().get("field").asText()).isEqualTo("JWT");

        JWTClaimsSet claims = verifiedByBilimsKeys(answer.json().get("jwt").asText());
        assertThat(claims.getIssuer()).isEqualTo(lms.clientId());
        assertThat(claims.getAudience()).containsExactly(lms.issuer());
        assertThat(claims.getStringClaim(LTI + "message_type")).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getStringClaim(LTI + "deployment_id")).isEqualTo(lms.deploymentId());
        assertThat(claims.getStringClaim(DL + "data")).startsWith("simulator-");
        List<Object> items = claims.getListClaim(DL + "content_items");
        assertThat(items).hasSize(2);
        String quiz = Api.JSON.writeValueAsString(items.get(1));
        assertThat(quiz).contains("\"bilim_course\":\"" + course.id() + "\"").contains("\"bilim_item\":\"check\"")
                .contains("\"scoreMaximum\":100").contains("bilim:course:" + course.id() + ":item:check");
        assertThat(Api.JSON.writeValueAsString(items.get(0))).doesNotContain("lineItem");

        // Answered once.
        Api.Response twice = lecturer.post("/api/staff/lti/deep-linking/" + ref, Api.object("selections", List.of(Api.object("courseId", course.id()))));
        assertThat(twice.status()).isEqualTo(404);
        assertThat(twice.code()).isEqualTo("lti.deep-linking-not-found");
    }

    @Test
    void onlyTheLecturerWhoLaunchedMayAnswerAndOnlyWithTheirUniversitysCourses() {
        String shell = instructorPicks(World.unique("teacher-"));
        String ref = meta(shell, "bilim-deep-linking");
        Api owner = Api.client().header("Authorization", "Bearer " + meta(shell, "bilim-session"));
        String otherShell = instructorPicks(World.unique("teacher-"));
        Api other = Api.client().header("Authorization", "Bearer " + meta(otherShell, "bilim-session"));

        assertThat(other.get("/api/staff/lti/deep-linking/" + ref).status()).isEqualTo(404);
        Api.Response foreignCourse = owner.post("/api/staff/lti/deep-linking/" + ref, Api.object("selections", List.of(
                Api.object("courseId", foreign.id()))));
        assertThat(foreignCourse.status()).isEqualTo(404);
        assertThat(foreignCourse.code()).isEqualTo("course.not-found");
        Api.Response page = owner.post("/api/staff/lti/deep-linking/" + ref, Api.object("selections", List.of(
                Api.object("courseId", course.id(), "itemKey", "reading"))));
        assertThat(page.status()).as("a page is not graded work").isEqualTo(404);
        // Refusals spent nothing: the right choice still goes through.
        assertThat(owner.post("/api/staff/lti/deep-linking/" + ref, Api.object("selections", List.of(Api.object("courseId", course.id()))))
                .status()).isEqualTo(200);
    }

    @Test
    void aLearnersDeepLinkingLaunchOpensNothing() {
        lms.launchWith(request -> {
            Map<String, Object> claims = lms.deepLinkingMessageFor(request.nonce());
            claims.put("sub", World.unique("student-"));
            claims.put(LTI + "roles", List.of(SimMember.LEARNER));
            return claims;
        });
        LtiBrowser.Page page = new LtiBrowser(lms).launch();
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("bilim-session").doesNotContain("bilim-deep-linking");
    }

    private static JWTClaimsSet verifiedByBilimsKeys(String jwt) throws Exception {
        JWKSet keys = JWKSet.parse(Api.client().get("/api/lti/jwks").body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return processor.process(jwt, null);
    }

    private static String meta(String html, String name) {
        Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\">").matcher(html);
        assertThat(m.find()).as("meta %s", name).isTrue();
        return m.group(1);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
