package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.bilim.support.Api;
import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A course made through the authoring API the way an officer would make one, for the browser
 * tests of the course screens: a university (the administrator adds it), the course, modules,
 * files uploaded as their bytes, items of every kind, the officer's approval bound to the content
 * hash, and the learners' enrolment. Every change carries {@code If-Match} with the hash the last
 * answer returned. Its own HTTP client, since uploads are bytes and {@link Api} sends text.
 */
final class Authoring {
    private final World world;
    private final HttpClient client;
    final long courseId;
    final String language;
    private String hash;
    private long versionId;

    private Authoring(World world, HttpClient client, long courseId, String language, JsonNode detail, String etag) {
        this.world = world;
        this.client = client;
        this.courseId = courseId;
        this.language = language;
        remember(detail, etag);
    }

    /** A new course of the world's officer, at a new university, with version 1 an empty draft. */
    static Authoring course(World world, String title, String language) {
        Api.Response u = world.adminApi().post("/api/staff/universities", Api.object("name", World.unique("University ")));
        assertThat(u.status()).as(u.toString()).isEqualTo(201);
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        send(client, "POST", "/api/staff/session", "application/json", json(Api.object("username", world.officerUsername,
                "password", world.officerPassword)), null, 201);
        HttpResponse<String> c = send(client, "POST", "/api/staff/courses", "application/json", json(Api.object(
                "universityId", u.json().get("id").asLong(), "code", World.unique("C-"), "title", title,
                "description", "A course made by a browser test.", "language", language, "credits", 3)), null, 201);
        JsonNode detail = read(c);
        return new Authoring(world, client, detail.get("id").asLong(), language, detail, c.headers().firstValue("ETag").orElseThrow());
    }

    /** A staff client signed in as the world's officer, for reading what the UI should show. */
    JsonNode detail() {
        HttpResponse<String> r = send(client, "GET", "/api/staff/courses/" + courseId, null, null, null, 200);
        JsonNode d = read(r);
        remember(d, r.headers().firstValue("ETag").orElseThrow());
        return d;
    }

    String hash() {
        return hash;
    }

    long versionId() {
        return versionId;
    }

    /** Adds a module; returns its key. */
    String module(String title) {
        JsonNode d = change("POST", "/api/staff/courses/" + courseId + "/modules", Api.object("title", title), 201);
        JsonNode modules = d.get("content").get("modules");
        return modules.get(modules.size() - 1).get("key").asText();
    }

    /** Adds an item at the end of a module; returns its key. */
    String item(String moduleKey, ObjectNode item) {
        JsonNode d = change("POST", "/api/staff/courses/" + courseId + "/modules/" + moduleKey + "/items", item, 201);
        for (JsonNode m : d.get("content").get("modules")) {
            if (m.get("key").asText().equals(moduleKey)) {
                return m.get("items").get(m.get("items").size() - 1).get("key").asText();
            }
        }
        throw new AssertionError("module " + moduleKey + " not in " + d);
    }

    /**
     * Uploads a file's bytes; returns the stored file's reference. Items are given the whole
     * reference: the server refuses one with only {@code fileId}, although docs/api/courses.md says
     * the rest comes from the file store (400 course.content-invalid, "Cannot map `null` into type
     * `long`"; reported to the lead).
     */
    ObjectNode upload(String name, byte[] bytes) {
        HttpResponse<String> r = send(client, "POST", "/api/staff/files?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                "application/octet-stream", bytes, null, 201);
        return (ObjectNode) read(r);
    }

    ObjectNode uploadResource(String resource) {
        try (InputStream in = Authoring.class.getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            return upload(resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The officer approves the latest version for the world's facility, bound to its current hash. */
    void approve() {
        detail();
        HttpResponse<String> r = send(client, "POST", "/api/staff/course-decisions", "application/json", json(Api.object(
                "facilityId", world.facilityId, "versionId", versionId, "decision", "APPROVED", "contentHash", hash)), null, 201, 200);
        assertThat(read(r).get("decision").asText()).isEqualTo("APPROVED");
    }

    void enrol(long... learnerIds) {
        List<Long> ids = new ArrayList<>();
        for (long id : learnerIds) {
            ids.add(id);
        }
        send(client, "POST", "/api/staff/enrolments", "application/json",
                json(Api.object("courseId", courseId, "learnerIds", ids)), null, 200, 201);
    }

    // ---- items -----------------------------------------------------------------------------

    static ObjectNode page(String title, String html) {
        return Api.object("kind", "page", "title", title, "html", html);
    }

    static ObjectNode file(String title, ObjectNode ref) {
        return Api.object("kind", "file", "title", title, "file", ref);
    }

    static ObjectNode media(String title, ObjectNode ref, ObjectNode... captions) {
        return Api.object("kind", "media", "title", title, "media", ref,
                "captions", List.of(captions), "transcriptHtml", "<p>Transcript: everyone has the right to legal help.</p>");
    }

    static ObjectNode caption(String language, String label, ObjectNode ref) {
        return Api.object("language", language, "label", label, "file", ref);
    }

    static ObjectNode caseStudy(String title, String scenarioHtml, List<ObjectNode> attachments, String... prompts) {
        ArrayNode tasks = Api.JSON.createArrayNode();
        for (String p : prompts) {
            tasks.add(Api.object("promptHtml", p, "rubricHtml", "<p>Clear reasoning earns full marks.</p>", "maxScore", 10));
        }
        return Api.object("kind", "case-study", "title", title, "scenarioHtml", scenarioHtml,
                "attachments", attachments, "tasks", tasks);
    }

    /** A practice quiz of a single-choice question (right: "Astana") and a true/false one (right: true). */
    static ObjectNode quiz(String title, int attemptsAllowed) {
        ObjectNode capital = Api.object("type", "single-choice", "key", "capital", "promptHtml", "<p>What is the capital of Kazakhstan?</p>",
                "points", 1, "correctFeedbackHtml", "<p>Yes: Astana.</p>", "incorrectFeedbackHtml", "<p>No: the capital is Astana.</p>",
                "choices", List.of(Api.object("key", "astana", "html", "Astana", "correct", true),
                        Api.object("key", "almaty", "html", "Almaty", "correct", false)));
        ObjectNode rights = Api.object("type", "true-false", "key", "rights", "promptHtml", "<p>Everyone has the right to legal help.</p>",
                "points", 1, "answer", true, "correctFeedbackHtml", "<p>Right: the Constitution says so.</p>",
                "incorrectFeedbackHtml", "<p>Not so: the Constitution gives everyone that right.</p>");
        return Api.object("kind", "quiz", "title", title, "introHtml", "<p>Two questions to check yourself.</p>",
                "attemptsAllowed", attemptsAllowed, "questions", List.of(capital, rights));
    }

    // ---- HTTP ------------------------------------------------------------------------------

    private JsonNode change(String method, String path, Object body, int expected) {
        HttpResponse<String> r = send(client, method, path, "application/json", json(body), hash, expected);
        JsonNode d = read(r);
        remember(d, r.headers().firstValue("ETag").orElseThrow());
        return d;
    }

    private void remember(JsonNode detail, String etag) {
        this.hash = etag.replace("\"", "");
        this.versionId = detail.get("latest").get("id").asLong();
    }

    private static byte[] json(Object body) {
        try {
            return Api.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpClient client, String method, String path, String type, byte[] body,
                                             String ifMatch, int... expected) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(ItServer.url() + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Accept-Language", "en");
        if (type != null) {
            r.header("Content-Type", type);
        }
        if (ifMatch != null) {
            r.header("If-Match", "\"" + ifMatch + "\"");
        }
        r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response;
        try {
            response = client.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<Integer> ok = new ArrayList<>();
        for (int e : expected) {
            ok.add(e);
        }
        assertThat(ok).as("%s %s -> %s %s", method, path, response.statusCode(), response.body()).contains(response.statusCode());
        return response;
    }

    private static JsonNode read(HttpResponse<String> r) {
        try {
            return Api.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }
}
