package org.bilim.courses.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.bilim.courses.quiz.Choice;
import org.bilim.courses.quiz.Question;
import org.junit.jupiter.api.Test;

class ContentCodecTest {
    private static final FileRef PDF = new FileRef("abc", "lecture.pdf", "application/pdf", 1234, "0".repeat(64));

    static CourseContent sample() {
        return new CourseContent("Құқық негіздері", "Кіріспе курс", List.of(
                new CourseModule("m1", "1-апта", List.of(
                        new PageItem("p1", "Кіріспе", "<p>Сәлем</p>", List.of()),
                        new FileItem("f1", "Дәріс", PDF),
                        new MediaItem("v1", "Бейне", new FileRef("vid", "v.webm", "video/webm", 99, "1".repeat(64)),
                                List.of(new CaptionTrack("kk", "Қазақша", new FileRef("cap", "v.vtt", "text/vtt", 9, "2".repeat(64)))),
                                ""))),
                new CourseModule("m2", "2-апта", List.of(
                        new CaseStudyItem("c1", "Кейс", "<p>Жағдай</p>", List.of(PDF),
                                List.of(new CaseTask("t1", "Не істеу керек?", "Рубрика", new BigDecimal("10")))),
                        new QuizItem("q1", "Тест", "", 3, List.of(new Question.SingleChoice("a", "?", BigDecimal.ONE,
                                List.of(new Choice("x", "X", true, ""), new Choice("y", "Y", false, "")), "", "")))))));
    }

    @Test
    void contentSurvivesTheRoundTripExactly() {
        CourseContent content = sample();
        String json = ContentCodec.toJson(content);
        assertThat(ContentCodec.read(json)).isEqualTo(content);
        assertThat(json).contains("\"kind\":\"case-study\"", "\"type\":\"single-choice\"", "Құқық негіздері");
    }

    @Test
    void theHashIsStableAndChangesWithAnyContent() {
        CourseContent content = sample();
        assertThat(ContentCodec.hash(content)).isEqualTo(ContentCodec.hash(ContentCodec.read(ContentCodec.toJson(content))))
                .hasSize(64);
        assertThat(ContentCodec.hash(content.withTitle("Құқық негіздері", "Кіріспе курс."))).isNotEqualTo(ContentCodec.hash(content));
    }

    @Test
    void filesAreListedOnce() {
        assertThat(sample().files()).extracting(FileRef::fileId).containsExactly("abc", "vid", "cap");
    }

    @Test
    void documentsThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> ContentCodec.read("{\"title\":\"x\",\"modules\":[],\"extra\":1}"))
                .isInstanceOf(ContentCodec.InvalidContentException.class);
        assertThatThrownBy(() -> ContentCodec.read("{\"title\":\"x\",\"modules\":[{\"key\":\"a b\",\"title\":\"t\"}]}"))
                .isInstanceOf(ContentCodec.InvalidContentException.class);
        assertThatThrownBy(() -> new CourseContent("t", "", List.of(new CourseModule("m", "a", List.of(
                new PageItem("same", "1", "", List.of()))), new CourseModule("n", "b", List.of(new PageItem("same", "2", "", List.of()))))))
                .hasMessageContaining("share the key");
    }

    @Test
    void keysFromPackageIdentifiersAreValidAndStable() {
        assertThat(Keys.from("i1a2b3c4-resource/ü")).isEqualTo("i1a2b3c4-resource__").matches(Keys::valid);
        String longId = "x".repeat(100);
        assertThat(Keys.from(longId)).hasSizeLessThanOrEqualTo(64).isEqualTo(Keys.from(longId));
        assertThat(Keys.random()).matches(Keys::valid).isNotEqualTo(Keys.random());
    }
}
