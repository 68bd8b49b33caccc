package it.bilim.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.ItServer;
import it.bilim.support.Poll;
import it.bilim.support.World;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bilim.lti.sim.Endpoint;
import org.bilim.lti.sim.Fault;
import org.bilim.lti.sim.PlatformSimulator;
import org.bilim.lti.sim.RecordedScore;
import org.bilim.lti.sim.SimMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Grades go back to the university gradebook (AGS) through the outbox, for students an officer
 * confirmed from the LMS roster (NRPS), whatever the LMS does meanwhile: an outage, a timeout, an
 * expired token, a refusal, a roster page that fails, a claim that points elsewhere, and a server
 * killed between the grade's commit and its delivery. Each test has an LMS (the platform
 * simulator) of its own, so one test's faults never reach another's grades.
 */
class GradePassbackIT {
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    private Gradebook g;

    @AfterEach
    void stop() {
        if (g != null) {
            g.lms.close();
        }
    }

    /** An LMS registered for a university; a course of it with a case study; a learner who submitted; a lecturer launched. */
    private static final class Gradebook {
        final PlatformSimulator lms;
        final World world;
        final CourseFixture course;
        final World.Learner learner;
        final String studentId = World.unique("stu-");
        final long submissionId;
        final Api lecturer;
        final long platformId;
        final World.Kiosk kiosk;

        Gradebook() throws IOException {
            String tool = ItServer.url();
            lms = PlatformSimulator.builder().clientId(World.unique("client-")).deploymentId(World.unique("deployment-"))
                    .toolRedirectUri(URI.create(tool + "/api/lti/launch")).toolTargetLinkUri(URI.create(tool + "/"))
                    .toolJwksUrl(URI.create(tool + "/api/lti/jwks")).start();
            long university = CourseFixture.university(World.unique("al-Farabi KazNU "));
            Api.Response r = World.admin().post("/api/staff/lti/registrations", Api.object("universityId", university, "issuer", lms.issuer(),
                    "clientId", lms.clientId(), "deploymentIds", List.of(lms.deploymentId()),
                    "authorizationEndpoint", lms.authorizationEndpoint().toString(), "tokenEndpoint", lms.tokenEndpoint().toString(),
                    "jwksUrl", lms.jwksUri().toString()));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            platformId = r.json().get("id").asLong();

            world = World.create();
            course = CourseFixture.create(world, university, "Қаржылық сауаттылық", "kk");
            String module = course.module("2-апта");
            course.item(module, Api.object("key", "case", "kind", "case-study", "title", "Отбасы бюджеті", "scenarioHtml", "<p>Жағдай</p>",
                    "tasks", List.of(Api.object("key", "t1", "promptHtml", "<p>Бюджет құрыңыз</p>", "rubricHtml", "", "maxScore", 10))));
            course.item(module, Api.object("key", "quiz", "kind", "quiz", "title", "Бюджет тесті", "attemptsAllowed", 0, "questions", List.of(
                    Api.object("key", "q1", "type", "single-choice", "promptHtml", "<p>Бюджет?</p>", "points", 1, "choices", List.of(
                            Api.object("key", "a", "html", "Жоспар", "correct", true), Api.object("key", "b", "html", "Шот", "correct", false))),
                    Api.object("key", "letter", "type", "essay", "promptHtml", "<p>Банкке хат жазыңыз</p>", "points", 4,
                            "guidanceHtml", "<p>Сыпайы, нақты</p>"))));
            course.approve();
            learner = world.learner("kk");
            course.enrol(learner);
            kiosk = world.enrolledKiosk();
            assertThat(kiosk.signIn(learner).status()).isEqualTo(201);
            String base = "/api/kiosk/courses/" + course.id() + "/items/case/submission/";
            JsonNode saved = kiosk.device().put(base + "tasks/t1", Api.object("text", "Табыс 180 000, шығыс 150 000", "revision", null)).json();
            JsonNode submitted = kiosk.device().post(base + "submit", Api.object("revision", saved.get("revision").asLong())).json();
            submissionId = submitted.get("id").asLong();

            lms.roster(List.of(SimMember.instructor("teacher-1", "Daniyar", "Omarov"),
                    SimMember.learner(studentId, "Learner", learner.number()),
                    SimMember.learner(World.unique("stu-"), "Асель", "Нурланова")));
            lecturer = Api.client().header("Authorization", "Bearer " + launchAsInstructor(Map.of()));
        }

        /** An instructor launch of the course; {@code claims} replace the simulator's (e.g. service URLs). */
        String launchAsInstructor(Map<String, Object> claims) {
            Map<String, Object> all = new java.util.LinkedHashMap<>(Map.of("sub", "teacher-1", "name", "Daniyar Omarov",
                    LTI + "roles", List.of(SimMember.INSTRUCTOR), LTI + "custom", Map.of("bilim_course", Long.toString(course.id()))));
            all.putAll(claims);
            lms.launchWith(all);
            LtiBrowser.Page page = new LtiBrowser(lms).launch();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            return meta(page.body(), "bilim-session");
        }

        String roster() {
            return "/api/staff/lms-courses/roster?platform=" + platformId + "&context=" + URLEncoder.encode(lms.contextId(), StandardCharsets.UTF_8);
        }

        JsonNode readRoster() {
            Api.Response r = world.officer().post(roster().replace("/roster?", "/roster/read?"), Map.of());
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return r.json();
        }

        void confirmStudent() {
            Api.Response r = world.officer().put(roster().replace("/roster?", "/roster/match?"),
                    Api.object("userId", studentId, "learnerId", learner.id()));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }

        JsonNode grade(double score, String feedback) {
            Api.Response r = lecturer.put("/api/staff/submissions/" + submissionId + "/grade", Api.object("score", score, "feedback", feedback));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return r.json();
        }

        List<RecordedScore> scores() {
            return lms.scores().stream().filter(s -> studentId.equals(s.userId())).toList();
        }

        JsonNode deliveries() {
            Api.Response r = world.officer().get("/api/staff/grade-deliveries?course=" + course.id());
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return r.json();
        }

        String passbackState() {
            return lecturer.get("/api/staff/submissions/" + submissionId).json().get("passback").get("state").asText();
        }
    }

    @Test
    void aGradeReachesTheGradebookOnlyOnceTheOfficerConfirmedTheStudentAndEachRegradeIsLater() throws IOException {
        g = new Gradebook();
        // The lecturer sees the learner by pseudonym only, and grades; nobody confirmed the student yet.
        JsonNode listed = g.lecturer.get("/api/staff/submissions?course=" + g.course.id()).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).hasNonNull("learnerId")).isFalse();
        assertThat(listed.get(0).toString()).doesNotContain(g.learner.number()).contains("\"learnerNumber\":\"S-");
        JsonNode graded = g.grade(8.5, "Жақсы, бірақ жинақ жоқ");
        assertThat(graded.get("passback").get("state").asText()).isEqualTo("UNCONFIRMED");

        // The officer reads the roster: only students are kept, and the learner of the same name is suggested.
        JsonNode roster = g.readRoster();
        assertThat(roster.get("members")).hasSize(2);
        JsonNode student = member(roster, g.studentId);
        assertThat(student.get("suggestedLearnerId").asLong()).isEqualTo(g.learner.id());
        assertThat(roster.get("candidates").findValuesAsText("learnerNumber")).containsExactly(g.learner.number());
        assertThat(g.deliveries()).isEmpty();
        assertThat(g.lms.requests(Endpoint.SCORES)).isEmpty();

        // Confirmed: the grade given before goes now, to a gradebook column the LMS did not have yet.
        g.confirmStudent();
        Poll.until("the score reaches the LMS", () -> g.scores().size() == 1);
        RecordedScore first = g.scores().get(0);
        assertThat(first.scoreGiven()).isEqualTo(8.5);
        assertThat(first.body().get("scoreMaximum").asDouble()).isEqualTo(10.0);
        assertThat(first.body().get("comment").asText()).isEqualTo("Жақсы, бірақ жинақ жоқ");
        assertThat(first.activityProgress()).isEqualTo("Completed");
        assertThat(first.gradingProgress()).isEqualTo("FullyGraded");
        assertThat(g.lms.lineItems()).singleElement()
                .satisfies(item -> assertThat(item.get("resourceId").asText()).isEqualTo("bilim:course:" + g.course.id() + ":item:case"));
        Poll.until("the delivery is shown sent", () -> "SENT".equals(g.passbackState()));
        JsonNode delivery = g.deliveries().get(0);
        assertThat(delivery.get("state").asText()).isEqualTo("SENT");
        assertThat(delivery.get("learnerLabel").asText()).contains(g.learner.number());
        assertThat(g.lecturer.get("/api/staff/submissions/" + g.submissionId).json().get("learnerName").asText())
                .isEqualTo("Learner " + g.learner.number());

        // Two regrades in quick succession: each score is later than the last, in the same column.
        g.grade(9, "Жинақ қосылды");
        g.grade(9.5, "Өте жақсы");
        Poll.until("the last regrade reaches the LMS", () -> g.scores().stream().anyMatch(s -> s.scoreGiven() == 9.5));
        List<Instant> times = g.scores().stream().map(s -> Instant.parse(s.timestamp())).toList();
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i)).isAfter(times.get(i - 1));
        }
        assertThat(g.scores().stream().map(RecordedScore::lineItem).distinct()).hasSize(1);
        assertThat(World.admin().get("/api/staff/audit?size=100").json().toString()).contains("lti.student-confirmed").contains("lti.roster-read");
    }

    @Test
    void aQuizWithAnEssayGoesToTheGradebookOnceTheLecturerGradedTheEssay() throws IOException {
        g = new Gradebook();
        g.readRoster();
        g.confirmStudent();
        String quiz = "/api/kiosk/courses/" + g.course.id() + "/items/quiz/attempts";
        Api.Response attempt = g.kiosk.device().post(quiz, Api.object("q1", Api.object("choices", List.of("a")),
                "letter", Api.object("text", "Құрметті банк, <b>несие</b> мерзімін ұзартуды сұраймын.")));
        assertThat(attempt.status()).as(attempt.toString()).isEqualTo(200);
        assertThat(attempt.json().get("complete").asBoolean()).isFalse();

        JsonNode waiting = g.lecturer.get("/api/staff/quiz-attempts?course=" + g.course.id() + "&complete=false").json();
        assertThat(waiting).hasSize(1);
        JsonNode a = waiting.get(0);
        assertThat(a.get("learnerNumber").asText()).startsWith("S-");
        assertThat(a.get("essays").get(0).get("answer").asText()).contains("<b>несие</b>");
        assertThat(a.get("passback").get("state").asText()).isEqualTo("NOT_GRADED");
        assertThat(g.lms.requests(Endpoint.SCORES)).isEmpty();

        Api.Response tooMuch = g.lecturer.put("/api/staff/quiz-attempts/" + a.get("id").asLong() + "/essays/letter",
                Api.object("score", 5, "feedback", "", "revision", a.get("revision").asLong()));
        assertThat(tooMuch.status()).isEqualTo(400);
        Api.Response graded = g.lecturer.put("/api/staff/quiz-attempts/" + a.get("id").asLong() + "/essays/letter",
                Api.object("score", 3, "feedback", "Жақсы хат <i>бірақ</i> қысқа", "revision", a.get("revision").asLong()));
        assertThat(graded.status()).as(graded.toString()).isEqualTo(200);
        assertThat(graded.json().get("complete").asBoolean()).isTrue();
        assertThat(graded.json().get("score").asDouble()).isEqualTo(4.0);
        Api.Response stale = g.lecturer.put("/api/staff/quiz-attempts/" + a.get("id").asLong() + "/essays/letter",
                Api.object("score", 1, "feedback", "", "revision", a.get("revision").asLong()));
        assertThat(stale.status()).isEqualTo(409);

        Poll.until("the quiz score reaches the LMS", () -> g.scores().size() == 1);
        assertThat(g.scores().get(0).scoreGiven()).isEqualTo(4.0);
        assertThat(g.scores().get(0).body().get("scoreMaximum").asDouble()).isEqualTo(5.0);
        // The learner sees the essay's points and the feedback as text, not markup.
        String seen = g.kiosk.device().get("/api/kiosk/courses/" + g.course.id() + "/items/quiz").json().toString();
        assertThat(seen).contains("Жақсы хат &lt;i&gt;бірақ&lt;/i&gt; қысқа");
    }

    @Test
    void anOutageOfTheLmsIsWaitedOutAndTheScoreArrivesOnce() throws IOException {
        g = new Gradebook();
        g.readRoster();
        g.confirmStudent();
        g.lms.failNext(Endpoint.SCORES, 3, Fault.unavailable());
        g.grade(7, "");
        Poll.until("the score arrives after three 503s", () -> g.scores().size() == 1);
        Poll.until("the delivery is shown sent", () -> "SENT".equals(g.deliveries().get(0).get("state").asText()));
        assertThat(g.lms.requests(Endpoint.SCORES)).hasSize(4);
        assertThat(g.deliveries().get(0).get("attempts").asInt()).isEqualTo(4);
        assertThat(g.scores()).hasSize(1);
    }

    @Test
    void aTimedOutScoreIsSentAgainWithTheSameTimestampSoItCountsOnce() throws IOException {
        g = new Gradebook();
        g.readRoster();
        g.confirmStudent();
        // The LMS takes the score but answers after Bilim has given up (its timeout is 2 s here).
        g.lms.failNext(Endpoint.SCORES, 1, Fault.delay(Duration.ofSeconds(4)));
        g.grade(6, "");
        Poll.until("the delivery is shown sent", () -> "SENT".equals(g.deliveries().get(0).get("state").asText()));
        Poll.until("the slow answer lands too", () -> g.scores().size() >= 2);
        assertThat(g.deliveries().get(0).get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(g.scores()).extracting(RecordedScore::timestamp).containsOnly(g.scores().get(0).timestamp());
        assertThat(g.scores()).extracting(RecordedScore::scoreGiven).containsOnly(6.0);
    }

    @Test
    void anExpiredTokenIsReplacedOnceAndTheScoreStillArrives() throws IOException {
        g = new Gradebook();
        g.readRoster();
        g.confirmStudent();
        g.grade(5, "");
        Poll.until("the first score arrives", () -> g.scores().size() == 1);
        int tokens = g.lms.tokensIssued();
        g.lms.expireAllTokens();
        g.grade(6, "");
        Poll.until("the regrade arrives", () -> g.scores().size() == 2);
        assertThat(g.lms.tokensIssued()).isEqualTo(tokens + 1);
        assertThat(g.scores().get(1).scoreGiven()).isEqualTo(6.0);
    }

    @Test
    void aRefusedScoreIsShownFailedWithItsReasonAndCanBeSentAgain() throws IOException {
        g = new Gradebook();
        g.readRoster();
        g.confirmStudent();
        g.lms.failNext(Endpoint.SCORES, 1, Fault.status(400));
        g.grade(4, "");
        Poll.until("the refusal is recorded", () -> "FAILED".equals(g.deliveries().get(0).get("state").asText()));
        JsonNode failed = g.deliveries().get(0);
        assertThat(failed.get("lastError").asText()).contains("400");
        assertThat(g.passbackState()).isEqualTo("FAILED");
        assertThat(g.scores()).isEmpty();

        // Another facility's officer does not see it, and cannot send it.
        Api stranger = World.create().officer();
        assertThat(stranger.post("/api/staff/grade-deliveries/" + failed.get("id").asLong() + "/retry", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.get("/api/staff/grade-deliveries").json().toString()).doesNotContain("\"id\":" + failed.get("id").asLong() + ",");

        Api.Response retried = g.world.officer().post("/api/staff/grade-deliveries/" + failed.get("id").asLong() + "/retry", Map.of());
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        Poll.until("the score arrives after the retry", () -> g.scores().size() == 1);
        Poll.until("the delivery is shown sent", () -> "SENT".equals(g.deliveries().get(0).get("state").asText()));
        Api.Response again = g.world.officer().post("/api/staff/grade-deliveries/" + failed.get("id").asLong() + "/retry", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("grade.delivery-not-failed");
    }

    @Test
    void aRosterPageThatFailsKeepsTheRosterAsItWas() throws IOException {
        g = new Gradebook();
        JsonNode before = g.readRoster();
        assertThat(before.get("members")).hasSize(2);
        g.lms.roster(List.of(SimMember.learner(g.studentId, "Learner", g.learner.number()), SimMember.learner("late-1", "Ерлан", "Сапаров"),
                SimMember.learner("late-2", "Мадина", "Ахметова")));
        g.lms.rosterPageSize(1);
        g.lms.failRosterPage(2, 500);
        Api.Response failed = g.world.officer().post(g.roster().replace("/roster?", "/roster/read?"), Map.of());
        assertThat(failed.status()).as(failed.toString()).isEqualTo(502);
        assertThat(failed.code()).isEqualTo("lti.roster-unavailable");
        JsonNode kept = g.world.officer().get(g.roster()).json();
        assertThat(kept.get("members").findValuesAsText("userId")).doesNotContain("late-1", "late-2").contains(g.studentId);
        assertThat(kept.get("members")).hasSize(2);
        assertThat(kept.get("course").get("rosterError").asText()).isNotBlank();
    }

    @Test
    void serviceUrlsOnAnotherHostAreRefusedAuditedAndNeverCalled() throws IOException {
        g = new Gradebook();
        // Another registered LMS (allowlisted) and Bilim itself: neither is this LMS's.
        try (PlatformSimulator other = PlatformSimulator.builder().start()) {
            String context = World.unique("ctx-");
            g.launchAsInstructor(Map.of(LTI + "context", Map.of("id", context, "title", "Elsewhere"),
                    "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", Map.of("scope", List.of(
                            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                            "lineitems", other.lineItemsUrl().toString()),
                    "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", Map.of("context_memberships_url",
                            ItServer.url() + "/api/staff/audit", "service_versions", List.of("2.0"))));
            String audit = World.admin().get("/api/staff/audit?size=50").json().toString();
            assertThat(audit).contains("lti.claim-url-refused").contains(other.lineItemsUrl().toString());
            JsonNode elsewhere = null;
            for (JsonNode c : g.world.officer().get("/api/staff/lms-courses").json()) {
                if (c.get("contextId").asText().equals(context)) {
                    elsewhere = c;
                }
            }
            assertThat(elsewhere).isNotNull();
            assertThat(elsewhere.get("gradeService").asBoolean()).isFalse();
            assertThat(elsewhere.get("rosterService").asBoolean()).isFalse();
            Api.Response read = g.world.officer().post("/api/staff/lms-courses/roster/read?platform=" + g.platformId + "&context=" + context,
                    Map.of());
            assertThat(read.status()).isEqualTo(409);
            assertThat(read.code()).isEqualTo("lti.roster-no-service");
            assertThat(other.requests()).isEmpty();
        }
    }

    @Test
    void aLecturerReachesOnlyTheCoursesTheyTeachAndAnOfficerMatchesOnlyTheirOwnLearners() throws IOException {
        g = new Gradebook();
        World elsewhere = World.create();
        CourseFixture foreign = CourseFixture.create(elsewhere, "ru");
        Api.Response list = g.lecturer.get("/api/staff/submissions?course=" + foreign.id());
        assertThat(list.status()).isIn(403, 404);
        Api.Response noCourse = g.lecturer.get("/api/staff/submissions");
        assertThat(noCourse.status()).isEqualTo(400);
        assertThat(noCourse.code()).isEqualTo("submission.course-required");

        g.readRoster();
        World.Learner stranger = elsewhere.learner("ru");
        Api.Response foreignLearner = g.world.officer().put(g.roster().replace("/roster?", "/roster/match?"),
                Api.object("userId", g.studentId, "learnerId", stranger.id()));
        assertThat(foreignLearner.status()).isEqualTo(400);
        assertThat(foreignLearner.code()).isEqualTo("lti.learner-not-matchable");
        g.confirmStudent();
        // Another facility's officer reaches this LMS course only once one of their learners studies the course.
        Api.Response notYet = elsewhere.officer().get(g.roster());
        assertThat(notYet.status()).isEqualTo(404);
        assertThat(notYet.code()).isEqualTo("lti.lms-course-not-found");
        assertThat(elsewhere.officer().get("/api/staff/lms-courses").json().toString()).doesNotContain(g.lms.contextId() + "\"");
        JsonNode latest = g.course.detail().get("latest");
        Api.Response vetted = elsewhere.officer().post("/api/staff/course-decisions", Api.object("facilityId", elsewhere.facilityId,
                "versionId", latest.get("id").asLong(), "decision", "APPROVED", "contentHash", latest.get("contentHash").asText()));
        assertThat(vetted.status()).as(vetted.toString()).isEqualTo(201);
        Api.Response enrolled = elsewhere.officer().post("/api/staff/enrolments", Api.object("courseId", g.course.id(),
                "learnerIds", List.of(stranger.id())));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(200);
        // The other facility's officer sees the student as matched elsewhere, not who it is, and cannot change it.
        JsonNode seen = member(elsewhere.officer().get(g.roster()).json(), g.studentId);
        assertThat(seen.get("matchedElsewhere").asBoolean()).isTrue();
        assertThat(seen.hasNonNull("match")).isFalse();
        Api.Response undo = elsewhere.officer().put(g.roster().replace("/roster?", "/roster/match?"), Api.object("userId", g.studentId));
        assertThat(undo.status()).isEqualTo(409);
        assertThat(undo.code()).isEqualTo("lti.member-matched-elsewhere");
    }

    @Test
    void aGradeCommittedBeforeTheServerIsKilledIsDeliveredOnceAfterTheRestart() throws IOException {
        g = new Gradebook();
        g.readRoster();
        g.confirmStudent();
        // The LMS is down when the grade is committed; the server then dies without a shutdown.
        g.lms.failNext(Endpoint.SCORES, 1_000, Fault.unavailable());
        g.grade(9, "Өте жақсы");
        Poll.until("the first attempt fails", () -> !g.lms.requests(Endpoint.SCORES).isEmpty());
        String before = g.deliveries().toString();
        assertThat(before).contains("\"state\":\"PENDING\"");
        ItServer.killAndRestart();
        g.lms.clearFaults();
        // A delivery in flight at the kill keeps its lease (6 request timeouts + 10 s: 22 s here) before it is taken again.
        Api officer = World.signIn(g.world.officerUsername, g.world.officerPassword);
        Poll.until(() -> "the score arrives after the restart; deliveries before the kill: " + before + ", after: " + officer.get("/api/staff/grade-deliveries?course="
                + g.course.id()).json(), () -> g.scores().size() == 1, Duration.ofMinutes(2));
        Poll.until("the delivery is shown sent", () -> "SENT".equals(officer.get("/api/staff/grade-deliveries?course=" + g.course.id())
                .json().get(0).get("state").asText()));
        assertThat(g.scores()).hasSize(1);
        assertThat(g.scores().get(0).scoreGiven()).isEqualTo(9.0);
    }

    private static JsonNode member(JsonNode roster, String userId) {
        for (JsonNode m : roster.get("members")) {
            if (m.get("userId").asText().equals(userId)) {
                return m;
            }
        }
        throw new AssertionError(userId + " not in " + roster);
    }



    private static String meta(String html, String name) {
        Matcher m = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\">").matcher(html);
        assertThat(m.find()).as("meta %s in %s", name, html).isTrue();
        return m.group(1);
    }
}
