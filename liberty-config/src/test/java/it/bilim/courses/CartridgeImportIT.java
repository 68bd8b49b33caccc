package it.bilim.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Common Cartridge import through the API: a job with progress and a report; hostile archives refused whole. */
class CartridgeImportIT {

    private static JsonNode start(World w, long university, String code, byte[] archive) {
        Api.Binary r = w.officer().binary("POST", "/api/staff/imports?name=" + URLEncoder.encode("курс.imscc", StandardCharsets.UTF_8)
                + "&universityId=" + university + "&code=" + code + "&language=ru&credits=4", "application/zip", archive);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        assertThat(r.header("Location")).endsWith("/api/staff/imports/" + r.json().get("id").asLong());
        return r.json();
    }

    /**
     * Polls the job as the officer console does, until it is no longer running. The import runs on
     * another thread of the server, so there is nothing to wait on but its state; the deadline only
     * stops a hung import from hanging the build.
     */
    private static JsonNode finished(World w, JsonNode job) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode now = job;
        while (now.get("state").asText().equals("RUNNING")) {
            assertThat(Instant.now()).as("import still running: " + now).isBefore(deadline);
            Thread.sleep(100);
            now = w.officer().get("/api/staff/imports/" + job.get("id").asLong()).json();
        }
        return now;
    }

    @Test
    void aMoodleCartridgeBecomesADraftCourseWithAReport() throws InterruptedException {
        World w = World.create();
        long university = CourseFixture.university(World.unique("University "));
        String code = World.unique("IMP-");
        JsonNode job = finished(w, start(w, university, code, Cartridges.zip(Cartridges.moodle("Правовая грамотность",
                CourseAuthoringIT.png(), CourseFixture.tinyPdf()))));

        assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("stage").asText()).isEqualTo("DONE");
        JsonNode report = job.get("report");
        assertThat(report.get("cartridgeVersion").asText()).isEqualTo("1.1");
        assertThat(report.get("entries").findValues("reason")).extracting(JsonNode::asText)
                .contains("PAGE", "FILE", "QUIZ", "WEB_LINK");
        JsonNode link = findEntry(report, "WEB_LINK");
        assertThat(link.get("status").asText()).isEqualTo("NOT_IMPORTED");
        assertThat(link.get("params").get("url").asText()).isEqualTo("https://court.example/");
        assertThat(report.get("findings").findValues("reference")).extracting(JsonNode::asText)
                .anyMatch(r -> r.contains("evil.example"));

        long courseId = job.get("courseId").asLong();
        JsonNode detail = w.officer().get("/api/staff/courses/" + courseId).json();
        assertThat(detail.get("code").asText()).isEqualTo(code);
        assertThat(detail.get("title").asText()).isEqualTo("Правовая грамотность");
        assertThat(detail.get("latest").get("state").asText()).isEqualTo("DRAFT");
        JsonNode modules = detail.get("content").get("modules");
        assertThat(modules.findValues("title")).extracting(JsonNode::asText).contains("Неделя 1", "Неделя 2");
        String pageHtml = modules.get(0).get("items").get(0).get("html").asText();
        assertThat(pageHtml).contains("Право — это система правил.").containsPattern("/api/staff/files/[a-z0-9]{24}")
                .doesNotContain("evil.example", "<script", "IMS-CC-FILEBASE");
        assertThat(detail.get("lint").findValues("reason")).extracting(JsonNode::asText).contains("OUTSIDE_ORIGIN");
        JsonNode quiz = modules.get(1).get("items").get(0);
        assertThat(quiz.get("kind").asText()).isEqualTo("quiz");
        assertThat(quiz.get("attemptsAllowed").asInt()).isEqualTo(2);
        assertThat(w.officer().get("/api/staff/imports").json().findValues("id")).extracting(JsonNode::asLong)
                .contains(job.get("id").asLong());
    }

    @Test
    void hostileArchivesAreRefusedWholeAndLeaveNothingBehind() throws InterruptedException {
        World w = World.create();
        long university = CourseFixture.university(World.unique("University "));
        Map<String, byte[]> slip = new LinkedHashMap<>(Cartridges.moodle("Slip", CourseAuthoringIT.png(), CourseFixture.tinyPdf()));
        slip.put("../../evil.txt", Cartridges.utf8("pwned"));
        Map<String, byte[]> xxe = new LinkedHashMap<>(Cartridges.moodle("XXE", CourseAuthoringIT.png(), CourseFixture.tinyPdf()));
        xxe.put("imsmanifest.xml", Cartridges.utf8("<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<manifest xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1\">&x;</manifest>"));
        Map<String, byte[]> noManifest = new LinkedHashMap<>(Cartridges.moodle("None", CourseAuthoringIT.png(), CourseFixture.tinyPdf()));
        noManifest.remove("imsmanifest.xml");
        Map<String, byte[]> bomb = new LinkedHashMap<>(Cartridges.moodle("Bomb", CourseAuthoringIT.png(), CourseFixture.tinyPdf()));
        // 1.5 MiB of zeros squeezes to a few kilobytes: far past the 100:1 ratio, under the 2 MB entry limit.
        bomb.put("files/zeros.bin", new byte[3 * 512 * 1024]);

        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("PATH_ESCAPES", Cartridges.zip(slip));
        cases.put("XML_FORBIDDEN", Cartridges.zip(xxe));
        cases.put("MANIFEST_MISSING", Cartridges.zip(noManifest));
        cases.put("COMPRESSION_RATIO", Cartridges.zip(bomb));
        cases.put("NOT_A_ZIP", Cartridges.utf8("this is not a zip archive"));
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            String code = World.unique("BAD-");
            JsonNode job = finished(w, start(w, university, code, c.getValue()));
            assertThat(job.get("state").asText()).as(c.getKey() + ": " + job).isEqualTo("REFUSED");
            assertThat(job.get("refusalCode").asText()).isEqualTo(c.getKey());
            assertThat(job.path("courseId").isMissingNode()).as("no course for a refused import").isTrue();
            assertThat(w.officer().get("/api/staff/courses").json().findValues("code")).extracting(JsonNode::asText)
                    .as("nothing half-imported").doesNotContain(code);
        }
        // Imports belong to no facility: administrators see them in the audit log.
        assertThat(w.adminApi().get("/api/staff/audit?size=50").json().findValues("action")).extracting(JsonNode::asText)
                .contains("course.import-refused");
    }

    @Test
    void badOptionsAreRefusedBeforeTheUploadIsRead() {
        World w = World.create();
        Api.Binary noUniversity = w.officer().binary("POST", "/api/staff/imports?name=x.imscc&universityId=999999999&code=X&language=ru",
                "application/zip", new byte[10]);
        assertThat(noUniversity.status()).isEqualTo(404);
        assertThat(noUniversity.json().get("code").asText()).isEqualTo("university.not-found");
        Api.Binary badLanguage = w.officer().binary("POST", "/api/staff/imports?name=x.imscc&universityId=1&code=X&language=de",
                "application/zip", new byte[10]);
        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.json().get("errors").findValues("field")).extracting(JsonNode::asText)
                .as("a query parameter's error names the parameter").containsExactly("language");
    }

    private static JsonNode findEntry(JsonNode report, String reason) {
        for (JsonNode e : report.get("entries")) {
            if (e.get("reason").asText().equals(reason)) {
                return e;
            }
        }
        throw new AssertionError("no " + reason + " entry in " + report);
    }
}
