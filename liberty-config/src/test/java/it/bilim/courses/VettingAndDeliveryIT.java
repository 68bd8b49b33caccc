package it.bilim.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A version reaches learners only once an officer of their facility approved exactly its content,
 * and only the learners enrolled in it; progress follows an item's key from version to version.
 */
class VettingAndDeliveryIT {

    private static CourseFixture courseWithPageAndPdf(World w) {
        CourseFixture course = CourseFixture.create(w, "ru");
        String module = course.module("Неделя 1");
        course.item(module, Api.object("key", "intro", "kind", "page", "title", "Введение", "html", "<p>Версия один</p>"));
        JsonNode pdf = course.upload("notes.pdf", CourseFixture.tinyPdf());
        // An author names the file by its id; its type, size and checksum come from the file store.
        course.item(module, Api.object("key", "notes", "kind", "file", "title", "Конспект",
                "file", Api.object("fileId", pdf.get("fileId").asText())));
        return course;
    }

    @Test
    void nothingReachesALearnerBeforeApprovalAndOnlyEnrolledLearnersAfterIt() {
        World w = World.create();
        CourseFixture course = courseWithPageAndPdf(w);
        World.Learner enrolled = w.learner("ru");
        World.Learner other = w.learner("ru");
        Api.Response early = w.officer().post("/api/staff/enrolments", Api.object("courseId", course.id(),
                "learnerIds", List.of(enrolled.id())));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("enrolment.course-not-approved");

        course.approve();
        course.enrol(enrolled);
        World.Kiosk kiosk = w.enrolledKiosk();
        assertThat(kiosk.signIn(enrolled).status()).isEqualTo(201);
        Api learner = kiosk.device();
        assertThat(learner.get("/api/kiosk/me/courses").json().findValues("id")).extracting(JsonNode::asLong).contains(course.id());
        JsonNode file = learner.get("/api/kiosk/courses/" + course.id() + "/items/notes").json().get("file");
        String fileUrl = file.get("url").asText();
        assertThat(learner.binary("GET", fileUrl, null, null).status()).isEqualTo(200);

        World.Kiosk otherKiosk = w.enrolledKiosk();
        assertThat(otherKiosk.signIn(other).status()).isEqualTo(201);
        Api stranger = otherKiosk.device();
        assertThat(stranger.get("/api/kiosk/me/courses").json()).isEmpty();
        for (String path : new String[] {"/api/kiosk/courses/" + course.id(), "/api/kiosk/courses/" + course.id() + "/items/intro"}) {
            Api.Response r = stranger.get(path);
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.code()).isEqualTo("course.not-found");
        }
        Api.Binary theft = stranger.binary("GET", fileUrl, null, null);
        assertThat(theft.status()).isEqualTo(404);
        assertThat(theft.json().get("code").asText()).isEqualTo("file.not-found");
        Api.Response missingItem = learner.get("/api/kiosk/courses/" + course.id() + "/items/nothing-here");
        assertThat(missingItem.status()).isEqualTo(404);
        assertThat(missingItem.code()).isEqualTo("item.not-found");
    }

    @Test
    void aChangeAfterApprovalStaysInvisibleUntilApprovedAgainAndProgressCarriesOver() {
        World w = World.create();
        CourseFixture course = courseWithPageAndPdf(w);
        course.approve();
        World.Learner learner = w.learner("ru");
        course.enrol(learner);
        World.Kiosk kiosk = w.enrolledKiosk();
        kiosk.signIn(learner);
        Api k = kiosk.device();
        Api.Response report = k.put("/api/kiosk/courses/" + course.id() + "/items/intro/progress",
                Api.object("seconds", 40, "position", "scroll=1", "completed", true));
        assertThat(report.status()).as(report.toString()).isEqualTo(200);

        course.edit("PUT", "/items/intro", Api.object("key", "intro", "kind", "page", "title", "Введение",
                "html", "<p>Версия два</p>"));
        JsonNode detail = course.detail();
        assertThat(detail.get("latest").get("number").asInt()).isEqualTo(2);
        assertThat(detail.get("latest").get("state").asText()).isEqualTo("DRAFT");
        assertThat(k.get("/api/kiosk/courses/" + course.id() + "/items/intro").json().get("html").asText()).contains("Версия один");

        course.approve();
        JsonNode item = k.get("/api/kiosk/courses/" + course.id() + "/items/intro").json();
        assertThat(item.get("html").asText()).contains("Версия два");
        assertThat(item.get("progress").get("completed").asBoolean()).isTrue();
        assertThat(item.get("progress").get("timeSpentSeconds").asLong()).isEqualTo(40);
        JsonNode outline = k.get("/api/kiosk/courses/" + course.id()).json();
        assertThat(outline.get("version").asInt()).isEqualTo(2);
        assertThat(outline.get("completed").asInt()).isEqualTo(1);
        assertThat(outline.get("resume").get("key").asText()).isEqualTo("notes");
    }

    @Test
    void aWithdrawnApprovalHidesTheVersionFromLearnersAtOnce() {
        World w = World.create();
        CourseFixture course = courseWithPageAndPdf(w);
        course.approve();
        World.Learner learner = w.learner("ru");
        course.enrol(learner);
        World.Kiosk kiosk = w.enrolledKiosk();
        kiosk.signIn(learner);
        Api k = kiosk.device();
        String fileUrl = k.get("/api/kiosk/courses/" + course.id() + "/items/notes").json().get("file").get("url").asText();

        Api.Response withdrawn = course.decide("REJECTED", "Ошибка в конспекте");
        assertThat(withdrawn.status()).isEqualTo(201);
        assertThat(k.get("/api/kiosk/me/courses").json()).isEmpty();
        Api.Response item = k.get("/api/kiosk/courses/" + course.id() + "/items/intro");
        assertThat(item.status()).isEqualTo(404);
        assertThat(item.code()).isEqualTo("course.not-found");
        assertThat(k.binary("GET", fileUrl, null, null).status()).isEqualTo(404);
        assertThat(k.put("/api/kiosk/courses/" + course.id() + "/items/intro/progress",
                Api.object("seconds", 5, "completed", true)).status()).isEqualTo(404);
    }

    @Test
    void anApprovalIsBoundToTheContentTheOfficerSawAndToTheirOwnFacility() {
        World w = World.create();
        World elsewhere = World.create();
        CourseFixture course = courseWithPageAndPdf(w);
        JsonNode seen = course.detail();
        String seenHash = seen.get("latest").get("contentHash").asText();
        long version = seen.get("latest").get("id").asLong();
        course.edit("POST", "/modules", Api.object("title", "Неделя 2"));

        Api.Response stale = w.officer().post("/api/staff/course-decisions", Api.object("facilityId", w.facilityId,
                "versionId", version, "decision", "APPROVED", "contentHash", seenHash));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("approval.hash-mismatch");

        Api.Response foreign = elsewhere.officer().post("/api/staff/course-decisions", Api.object("facilityId", w.facilityId,
                "versionId", version, "decision", "APPROVED", "contentHash", course.hash()));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("approval.other-facility");
        assertThat(elsewhere.officer().get("/api/staff/audit?size=20").json().findValues("action")).extracting(JsonNode::asText)
                .contains("access.denied");

        Api.Response noReason = course.decide("REJECTED", " ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.code()).isEqualTo("approval.reason-required");
        Api.Response rejected = course.decide("REJECTED", "Видео без субтитров");
        assertThat(rejected.status()).isEqualTo(201);
        assertThat(course.detail().get("latest").get("decision").get("decision").asText()).isEqualTo("REJECTED");
        assertThat(w.officer().get("/api/staff/enrolments/courses").json().findValues("id")).extracting(JsonNode::asLong)
                .doesNotContain(course.id());

        course.approve();
        assertThat(w.officer().get("/api/staff/enrolments/courses").json().findValues("id")).extracting(JsonNode::asLong)
                .contains(course.id());
        assertThat(elsewhere.officer().get("/api/staff/enrolments/courses").json().findValues("id")).extracting(JsonNode::asLong)
                .as("approved in one facility only").doesNotContain(course.id());
        assertThat(w.officer().get("/api/staff/audit?size=20").json().findValues("action")).extracting(JsonNode::asText)
                .contains("course.approved", "course.rejected");
    }

    @Test
    void officersEnrolManyAtOnceOnlyTheirOwnLearnersAndEnrollingTwiceChangesNothing() {
        World w = World.create();
        World elsewhere = World.create();
        CourseFixture course = courseWithPageAndPdf(w);
        course.approve();
        World.Learner a = w.learner("kk");
        World.Learner b = w.learner("ru");
        World.Learner foreign = elsewhere.learner("ru");

        Api.Response withForeign = w.officer().post("/api/staff/enrolments", Api.object("courseId", course.id(),
                "learnerIds", List.of(a.id(), foreign.id())));
        assertThat(withForeign.status()).isEqualTo(404);
        assertThat(withForeign.code()).isEqualTo("learner.not-found");
        assertThat(w.officer().get("/api/staff/enrolments?courseId=" + course.id()).json()).isEmpty();

        JsonNode first = w.officer().post("/api/staff/enrolments", Api.object("courseId", course.id(),
                "learnerIds", List.of(a.id(), b.id()))).json();
        assertThat(first.get("enrolled")).hasSize(2);
        JsonNode again = w.officer().post("/api/staff/enrolments", Api.object("courseId", course.id(),
                "learnerIds", List.of(a.id()))).json();
        assertThat(again.get("enrolled")).isEmpty();
        assertThat(again.get("alreadyEnrolled")).hasSize(1);
        JsonNode enrolled = w.officer().get("/api/staff/enrolments?courseId=" + course.id()).json();
        assertThat(enrolled).hasSize(2);

        long enrolmentId = enrolled.get(0).get("enrolmentId").asLong();
        assertThat(elsewhere.officer().delete("/api/staff/enrolments/" + enrolmentId).status()).isEqualTo(404);
        assertThat(w.officer().delete("/api/staff/enrolments/" + enrolmentId).status()).isEqualTo(204);
        assertThat(w.officer().get("/api/staff/enrolments?courseId=" + course.id()).json()).hasSize(1);
    }
}
