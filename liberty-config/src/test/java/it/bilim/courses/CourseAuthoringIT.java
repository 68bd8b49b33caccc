package it.bilim.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Authoring through the API: sanitised HTML with a linter report, files typed by their bytes, no lost updates. */
class CourseAuthoringIT {

    @Test
    void htmlIsSanitisedOnTheWayInAndEveryOutsideReferenceIsReported() {
        World w = World.create();
        CourseFixture course = CourseFixture.create(w, "ru");
        String module = course.module("Неделя 1");
        JsonNode image = course.upload("схема.png", png());
        String html = "<h2 onclick=\"alert(1)\">Право</h2><p>Текст <a href=\"javascript:alert(1)\">ссылка</a></p>"
                + "<img src=\"https://evil.example/track.png\" alt=\"x\"><img src=\"/api/files/" + image.get("fileId").asText()
                + "\" alt=\"схема\"><script>alert(1)</script><iframe src=\"https://evil.example\"></iframe>"
                + "<p style=\"background:url(https://evil.example/x.png)\">Конец</p>";
        JsonNode detail = course.item(module, Api.object("kind", "page", "title", "Страница", "html", html));

        JsonNode page = detail.get("content").get("modules").get(0).get("items").get(0);
        String stored = page.get("html").asText();
        assertThat(stored).contains("Право", "ссылка", "Конец", "/api/staff/files/" + image.get("fileId").asText())
                .doesNotContain("onclick", "javascript:", "evil.example", "<script", "<iframe", "url(");
        assertThat(page.get("assets").findValues("fileId")).extracting(JsonNode::asText)
                .containsExactly(image.get("fileId").asText());
        JsonNode lint = detail.get("lint");
        assertThat(lint.findValues("reference")).extracting(JsonNode::asText)
                .anyMatch(r -> r.contains("https://evil.example/track.png"))
                .anyMatch(r -> r.contains("javascript:"));
        assertThat(lint.findValues("reason")).extracting(JsonNode::asText)
                .contains("OUTSIDE_ORIGIN", "UNSAFE_SCHEME", "ACTIVE_ELEMENT");
        assertThat(lint.findValues("location")).extracting(JsonNode::asText).allMatch(l -> l.equals("Неделя 1 › Страница"));
    }

    @Test
    void aChangeMustNameTheContentItWasMadeAgainst() {
        World w = World.create();
        CourseFixture course = CourseFixture.create(w, "kk");
        String stale = course.etag();
        course.module("1-апта");

        Api.Response missing = w.officer().post("/api/staff/courses/" + course.id() + "/modules", Api.object("title", "x"));
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.code()).isEqualTo("course.revision-required");
        Api.Response old = w.officer().sendJson("POST", "/api/staff/courses/" + course.id() + "/modules", Api.object("title", "x"),
                "If-Match", stale);
        assertThat(old.status()).isEqualTo(412);
        assertThat(old.code()).isEqualTo("course.revision-stale");
        assertThat(course.detail().get("content").get("modules")).hasSize(1);
    }

    @Test
    void filesAreTypedByTheirBytesAndDangerousTypesAreRefused() {
        World w = World.create();
        CourseFixture course = CourseFixture.create(w, "en");
        JsonNode pdf = course.upload("notes.txt", CourseFixture.tinyPdf());
        assertThat(pdf.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(pdf.get("size").asLong()).isEqualTo(CourseFixture.tinyPdf().length);
        assertThat(pdf.get("sha256").asText()).hasSize(64);
        assertThat(pdf.get("fileId").asText()).matches("[a-z0-9]{24}");

        for (String[] hostile : new String[][] {
            {"lecture.pdf", "<html><body><script>alert(1)</script></body></html>"},
            {"diagram.png", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>"}}) {
            Api.Binary r = w.officer().binary("POST", "/api/staff/files?name=" + hostile[0], "image/png",
                    hostile[1].getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(r.toString()).isEqualTo(415);
            assertThat(r.json().get("code").asText()).isEqualTo("file.type-not-allowed");
        }
        Api.Binary tooBig = w.officer().binary("POST", "/api/staff/files?name=big.pdf", "application/pdf",
                new byte[3 * 1024 * 1024]);
        assertThat(tooBig.status()).as("the IT servers allow 2 MB uploads").isEqualTo(413);
        assertThat(tooBig.json().get("code").asText()).isEqualTo("file.too-large");
    }

    @Test
    void anItemThatDoesNotFitTheModelIsRefusedAndNothingChanges() {
        World w = World.create();
        CourseFixture course = CourseFixture.create(w, "ru");
        String module = course.module("M");
        String before = course.etag();
        Api.Response badQuiz = course.tryEdit("POST", "/modules/" + module + "/items", Api.object("kind", "quiz", "title", "Q",
                "questions", java.util.List.of(Api.object("type", "single-choice", "promptHtml", "?", "points", 1,
                        "choices", java.util.List.of(Api.object("html", "A", "correct", true), Api.object("html", "B", "correct", true))))));
        assertThat(badQuiz.status()).as(badQuiz.toString()).isEqualTo(400);
        assertThat(badQuiz.code()).isEqualTo("course.content-invalid");
        assertThat(badQuiz.json().get("detail").asText()).contains("exactly one");
        Api.Response unknownFile = course.tryEdit("POST", "/modules/" + module + "/items", Api.object("kind", "file", "title", "F",
                "file", Api.object("fileId", "aaaaaaaaaaaaaaaaaaaaaaaa", "name", "x.pdf", "mediaType", "application/pdf",
                        "size", 1, "sha256", "0")));
        assertThat(unknownFile.status()).isEqualTo(400);
        Api.Response unknownKind = course.tryEdit("POST", "/modules/" + module + "/items", Api.object("kind", "forum", "title", "F"));
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.json().get("detail").asText()).contains("unknown kind or type \"forum\"");
        Api.Response wrongType = course.tryEdit("POST", "/modules/" + module + "/items", Api.object("kind", "quiz", "title", "Q",
                "attemptsAllowed", "many"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asText()).contains("\"attemptsAllowed\"").doesNotContain("Jackson", "DeserializationFeature");
        assertThat(course.etag()).isEqualTo(before);
        assertThat(course.detail().get("content").get("modules").get(0).get("items")).isEmpty();
    }

    @Test
    void aLecturerAuthorsOnlyTheCoursesTheyTeach() {
        World w = World.create();
        CourseFixture course = CourseFixture.create(w, "ru");
        String username = World.unique("lecturer-");
        String password = World.unique("pw-") + "-long-enough";
        Api.Response account = w.adminApi().post("/api/staff/accounts", Api.object("username", username, "fullName", "Lecturer",
                "role", "LECTURER", "language", "ru", "password", password));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        Api lecturer = World.signIn(username, password);
        assertThat(lecturer.get("/api/staff/courses").json()).isEmpty();
        Api.Response edit = lecturer.sendJson("POST", "/api/staff/courses/" + course.id() + "/modules", Api.object("title", "x"),
                "If-Match", course.etag());
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.code()).isEqualTo("course.not-author");
        Api.Response create = lecturer.post("/api/staff/courses", Api.object("universityId", 1, "code", "X", "title", "X",
                "language", "ru", "credits", 1));
        assertThat(create.status()).isEqualTo(403);

        long lecturerId = account.json().get("id").asLong();
        assertThat(w.officer().put("/api/staff/courses/" + course.id() + "/lecturers/" + lecturerId, null).status())
                .as("only an administrator binds lecturers").isEqualTo(403);
        Api.Response officerAsLecturer = w.adminApi().put("/api/staff/courses/" + course.id() + "/lecturers/"
                + w.officer().get("/api/staff/session").json().get("id").asLong(), null);
        assertThat(officerAsLecturer.status()).as("an officer is not a lecturer").isEqualTo(404);
        assertThat(w.adminApi().put("/api/staff/courses/" + course.id() + "/lecturers/" + lecturerId, null).json())
                .extracting(JsonNode::asLong).containsExactly(lecturerId);
        assertThat(lecturer.get("/api/staff/courses").json()).extracting(c -> c.get("id").asLong()).containsExactly(course.id());
        Api.Response taught = lecturer.sendJson("POST", "/api/staff/courses/" + course.id() + "/modules", Api.object("title", "Лекции"),
                "If-Match", course.detail().get("latest").get("contentHash").asText());
        assertThat(taught.status()).as(taught.toString()).isEqualTo(201);
        w.adminApi().delete("/api/staff/courses/" + course.id() + "/lecturers/" + lecturerId);
        assertThat(lecturer.get("/api/staff/courses").json()).isEmpty();
    }

    /** A 1×1 PNG. */
    static byte[] png() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }
}
