package it.bilim.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lecture video streamed by HTTP range requests (RFC 9110 §14) to a learner's kiosk. */
class MediaRangeIT {
    private static final byte[] VIDEO = CourseFixture.demoFile("lecture.webm");
    private static Api kiosk;
    private static String url;
    private static String captionsUrl;

    @BeforeAll
    static void aLearnerWithALectureVideo() {
        World w = World.create();
        CourseFixture course = CourseFixture.create(w, "ru");
        String module = course.module("Видео");
        JsonNode video = course.upload("lecture.webm", VIDEO);
        JsonNode captions = course.upload("lecture.ru.vtt", CourseFixture.demoFile("lecture.ru.vtt"));
        course.item(module, Api.object("key", "lecture", "kind", "media", "title", "Лекция", "media", video,
                "captions", List.of(Api.object("language", "ru", "label", "Русский", "file", captions))));
        course.approve();
        World.Learner learner = w.learner("ru");
        course.enrol(learner);
        World.Kiosk k = w.enrolledKiosk();
        k.signIn(learner);
        kiosk = k.device();
        JsonNode item = kiosk.get("/api/kiosk/courses/" + course.id() + "/items/lecture").json();
        url = item.get("media").get("url").asText();
        captionsUrl = item.get("captions").get(0).get("url").asText();
        assertThat(item.get("media").get("mediaType").asText()).isEqualTo("video/webm");
    }

    private static Api.Binary get(String... headers) {
        return kiosk.binary("GET", url, null, null, headers);
    }

    @Test
    void theWholeFileWithItsValidatorAndRangeSupport() {
        Api.Binary r = get();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(VIDEO);
        assertThat(r.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(r.header("Content-Type")).isEqualTo("video/webm");
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(VIDEO.length));
        assertThat(r.header("ETag")).matches("\"[0-9a-f]{64}\"");
    }

    @Test
    void theFirstBytesTheMiddleAndTheRest() {
        Api.Binary first = get("Range", "bytes=0-1023");
        assertThat(first.status()).isEqualTo(206);
        assertThat(first.header("Content-Range")).isEqualTo("bytes 0-1023/" + VIDEO.length);
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(VIDEO, 0, 1024));

        Api.Binary middle = get("Range", "bytes=100000-100099");
        assertThat(middle.status()).isEqualTo(206);
        assertThat(middle.header("Content-Length")).isEqualTo("100");
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(VIDEO, 100000, 100100));

        Api.Binary rest = get("Range", "bytes=200000-");
        assertThat(rest.header("Content-Range")).isEqualTo("bytes 200000-" + (VIDEO.length - 1) + "/" + VIDEO.length);
        assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(VIDEO, 200000, VIDEO.length));
    }

    @Test
    void aSuffixRangeCountsFromTheEnd() {
        Api.Binary r = get("Range", "bytes=-500");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("Content-Range")).isEqualTo("bytes " + (VIDEO.length - 500) + "-" + (VIDEO.length - 1) + "/" + VIDEO.length);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(VIDEO, VIDEO.length - 500, VIDEO.length));
    }

    @Test
    void aRangeBeyondTheEndIsUnsatisfiable() {
        Api.Binary r = get("Range", "bytes=" + VIDEO.length + "-");
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.header("Content-Range")).isEqualTo("bytes */" + VIDEO.length);
    }

    @Test
    void ifRangeWithAStaleValidatorGetsTheWholeCurrentFile() {
        String etag = get().header("ETag");
        Api.Binary stale = get("Range", "bytes=0-99", "If-Range", "\"" + "0".repeat(64) + "\"");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo(VIDEO);
        Api.Binary current = get("Range", "bytes=0-99", "If-Range", etag);
        assertThat(current.status()).isEqualTo(206);
        assertThat(current.body()).hasSize(100);
        Api.Binary unchanged = get("If-None-Match", etag);
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
    }

    @Test
    void captionsAreServedAsUtf8WebVtt() {
        Api.Binary r = kiosk.binary("GET", captionsUrl, null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type").replace(" ", "")).isEqualTo("text/vtt;charset=utf-8");
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("WEBVTT").contains("Конституция");
    }
}
