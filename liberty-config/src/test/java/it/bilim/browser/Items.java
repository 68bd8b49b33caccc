package it.bilim.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import it.bilim.support.Api;
import java.util.List;

/**
 * Items of the content model (docs/api/courses.md) for the browser tests to author through
 * {@link it.bilim.support.CourseFixture}. File references are given whole, as the upload returned
 * them: the server refuses one with only {@code fileId}, although the API document says the rest
 * comes from the file store (400 course.content-invalid "Cannot map `null` into type `long`";
 * reported to the lead).
 */
final class Items {
    private Items() {
    }

    static ObjectNode page(String title, String html) {
        return Api.object("kind", "page", "title", title, "html", html);
    }

    static ObjectNode file(String title, JsonNode ref) {
        return Api.object("kind", "file", "title", title, "file", ref);
    }

    static ObjectNode media(String title, JsonNode ref, ObjectNode... captions) {
        return Api.object("kind", "media", "title", title, "media", ref, "captions", List.of(captions),
                "transcriptHtml", "<p>Transcript: everyone has the right to legal help.</p>");
    }

    static ObjectNode caption(String language, String label, JsonNode ref) {
        return Api.object("language", language, "label", label, "file", ref);
    }

    static ObjectNode caseStudy(String title, String scenarioHtml, List<JsonNode> attachments, String... prompts) {
        ArrayNode tasks = Api.JSON.createArrayNode();
        for (String p : prompts) {
            tasks.add(Api.object("promptHtml", p, "rubricHtml", "<p>Clear reasoning earns full marks.</p>", "maxScore", 10));
        }
        return Api.object("kind", "case-study", "title", title, "scenarioHtml", scenarioHtml, "attachments", attachments,
                "tasks", tasks);
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

    /** The key of the last item of a module in a course detail (the one just added). */
    static String lastKey(JsonNode detail, String moduleKey) {
        for (JsonNode m : detail.get("content").get("modules")) {
            if (m.get("key").asText().equals(moduleKey)) {
                return m.get("items").get(m.get("items").size() - 1).get("key").asText();
            }
        }
        throw new AssertionError("module " + moduleKey + " not in " + detail);
    }

    /** A test resource's bytes. */
    static byte[] resource(String name) {
        try (var in = Items.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
