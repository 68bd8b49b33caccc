package it.bilim.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Courses made through the API, the way an author, an officer and a learner would: a university,
 * a course with modules and items, uploaded files, an approval for the facility and enrolments.
 * Each call asserts its own success so a test reads as the story it tells.
 */
public final class CourseFixture {
    /** The demo lecture assets in the server module: a real WebM video, WebVTT captions and a PDF. */
    private static final Path DEMO_CONTENT = Path.of("..", "server", "src", "main", "resources", "org", "bilim", "server",
            "demo", "content");

    private final World world;
    private final long courseId;
    private String etag;

    private CourseFixture(World world, long courseId, String etag) {
        this.world = world;
        this.courseId = courseId;
        this.etag = etag;
    }

    public static byte[] demoFile(String name) {
        try {
            return Files.readAllBytes(DEMO_CONTENT.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long university(String name) {
        Api.Response r = World.admin().post("/api/staff/universities", Api.object("name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A new course (in a new university) authored by the world's officer; version 1 is an empty draft. */
    public static CourseFixture create(World world, String language) {
        return create(world, university(World.unique("University ")), "Course " + World.unique(""), language);
    }

    /** A new course of this university with this title, authored by the world's officer; version 1 is an empty draft. */
    public static CourseFixture create(World world, long universityId, String title, String language) {
        Api.Response r = world.officer().post("/api/staff/courses", Api.object("universityId", universityId,
                "code", World.unique("C-"), "title", title, "description", "", "language", language, "credits", 3));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new CourseFixture(world, r.json().get("id").asLong(), r.header("ETag"));
    }

    /** A new course of this university authored by the world's officer; version 1 is an empty draft. */
    public static CourseFixture create(World world, String language, long university) {
        return create(world, university, "Course " + World.unique(""), language);
    }

    public long id() {
        return courseId;
    }

    public String etag() {
        return etag;
    }

    public String hash() {
        return etag.replace("\"", "");
    }

    public JsonNode detail() {
        Api.Response r = world.officer().get("/api/staff/courses/" + courseId);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        etag = r.header("ETag");
        return r.json();
    }

    public String module(String title) {
        Api.Response r = edit("POST", "/modules", Api.object("title", title));
        JsonNode modules = r.json().get("content").get("modules");
        return modules.get(modules.size() - 1).get("key").asText();
    }

    /** Adds an item (content-model JSON) and returns the course detail after it. */
    public JsonNode item(String moduleKey, Object itemJson) {
        return edit("POST", "/modules/" + moduleKey + "/items", itemJson).json();
    }

    public Api.Response edit(String method, String path, Object body) {
        Api.Response r = tryEdit(method, path, body);
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r;
    }

    public Api.Response tryEdit(String method, String path, Object body) {
        Api.Response r = world.officer().sendJson(method, "/api/staff/courses/" + courseId + path, body, "If-Match", etag);
        if (r.status() < 300) {
            etag = r.header("ETag");
        }
        return r;
    }

    /** Uploads a file as an author; returns its FileRef. */
    public JsonNode upload(String name, byte[] bytes) {
        Api.Binary r = world.officer().binary("POST", "/api/staff/files?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                "application/octet-stream", bytes);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    public long latestVersionId() {
        return detail().get("latest").get("id").asLong();
    }

    /** The world's officer approves the latest version for their facility. */
    public Api.Response decide(String decision, String reason) {
        JsonNode d = detail();
        return world.officer().post("/api/staff/course-decisions", Api.object("facilityId", world.facilityId,
                "versionId", d.get("latest").get("id").asLong(), "decision", decision,
                "contentHash", d.get("latest").get("contentHash").asText(), "reason", reason));
    }

    public void approve() {
        Api.Response r = decide("APPROVED", null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        detail();
    }

    public void enrol(World.Learner... learners) {
        Long[] ids = java.util.Arrays.stream(learners).map(World.Learner::id).toArray(Long[]::new);
        Api.Response r = world.officer().post("/api/staff/enrolments", Api.object("courseId", courseId,
                "learnerIds", java.util.List.of(ids)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** A minimal valid one-page PDF (bytes that start with %PDF-, as the file store checks). */
    public static byte[] tinyPdf() {
        String pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return pdf.getBytes(StandardCharsets.US_ASCII);
    }
}
