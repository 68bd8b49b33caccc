package org.bilim.courses.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.bilim.courses.content.CaptionTrack;
import org.bilim.courses.content.CaseStudyItem;
import org.bilim.courses.content.CaseTask;
import org.bilim.courses.content.CourseContent;
import org.bilim.courses.content.CourseModule;
import org.bilim.courses.content.FileItem;
import org.bilim.courses.content.FileRef;
import org.bilim.courses.content.MediaItem;
import org.bilim.courses.content.PageItem;
import org.bilim.courses.content.QuizItem;
import org.bilim.courses.quiz.Choice;
import org.bilim.courses.quiz.Question;
import org.junit.jupiter.api.Test;

/** What a course version gives the index: every text a learner reads, and nothing of a quiz's answers. */
class PassagesTest {
    private static final String VTT = "WEBVTT\n\nNOTE a comment\n\n00:00:00.000 --> 00:00:04.000\nЗдравствуйте!\n\n"
            + "00:01:04.500 --> 00:01:08.000 align:start\nКонституция защищает\n<i>достоинство</i> человека.\n";

    private static FileRef ref(String id, String type) {
        return new FileRef(id, id, type, 1, "0".repeat(64));
    }

    private static byte[] pdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                s.newLineAtOffset(50, 700);
                s.showText(text);
                s.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static CourseContent course() {
        return new CourseContent("Правовая грамотность", "Вводный курс", List.of(new CourseModule("m", "Неделя 1", List.of(
                new PageItem("page", "Что такое право", "<h2>Право</h2><p>Суд &amp; закон&nbsp;&#1178;азақстан</p>", List.of()),
                new FileItem("notes", "Конспект", ref("pdf", "application/pdf")),
                new MediaItem("video", "Видеолекция", ref("vid", "video/webm"),
                        List.of(new CaptionTrack("ru", "Русский", ref("vtt", "text/vtt"))), "<p>Расшифровка лекции</p>"),
                new CaseStudyItem("case", "Случай", "<p>Асель устроилась на работу</p>", List.of(),
                        List.of(new CaseTask("t", "<p>Какие права нарушены?</p>", "<p>Рубрика для проверяющего</p>", BigDecimal.TEN))),
                new QuizItem("quiz", "Тест", "<p>Проверьте себя</p>", 0, List.of(
                        new Question.SingleChoice("q1", "<p>Основной закон?</p>", BigDecimal.ONE,
                                List.of(new Choice("a", "Конституция", true, "<p>Верный ответ</p>"), new Choice("b", "Приказ", false, "")),
                                "<p>Подсказка правильная</p>", "<p>Подсказка неправильная</p>"),
                        new Question.ShortAnswer("q2", "<p>Как называется суд высшей инстанции?</p>", BigDecimal.ONE,
                                List.of("Верховный"), false, "", "")))))));
    }

    private static List<SearchDocument> passages() throws IOException {
        Map<String, byte[]> files = Map.of("pdf", pdf("Constitution lecture notes"), "vtt", VTT.getBytes(StandardCharsets.UTF_8));
        Passages.Files opener = id -> Optional.ofNullable(files.get(id)).map(b -> (InputStream) new ByteArrayInputStream(b));
        return Passages.of(5, 50, "ru", course(), opener);
    }

    @Test
    void everyTextALearnerReadsBecomesAPassage() throws IOException {
        List<SearchDocument> p = passages();
        assertThat(p).extracting(SearchDocument::itemKey).contains("", "page", "notes", "video", "case", "quiz");
        assertThat(p.stream().filter(d -> d.itemKey().equals("page")).findFirst().orElseThrow().text())
                .isEqualTo("Право Суд & закон Қазақстан");
        assertThat(p.stream().filter(d -> d.itemKey().equals("notes")).findFirst().orElseThrow().text())
                .contains("Constitution lecture notes");
        assertThat(p).filteredOn(d -> d.itemKey().equals("video")).extracting(SearchDocument::anchor, SearchDocument::text)
                .contains(org.assertj.core.groups.Tuple.tuple("", "Расшифровка лекции"),
                        org.assertj.core.groups.Tuple.tuple("t=0", "Здравствуйте!"),
                        org.assertj.core.groups.Tuple.tuple("t=64.5", "Конституция защищает достоинство человека."));
        assertThat(p.stream().filter(d -> d.itemKey().equals("case")).findFirst().orElseThrow().text())
                .contains("Асель", "Какие права нарушены?").doesNotContain("Рубрика");
    }

    @Test
    void aQuizGivesItsQuestionsButNeverItsAnswers() throws IOException {
        String quiz = passages().stream().filter(d -> d.itemKey().equals("quiz")).findFirst().orElseThrow().text();
        assertThat(quiz).contains("Проверьте себя", "Основной закон?", "Как называется суд высшей инстанции?")
                .doesNotContain("Конституция", "Верховный", "Верный ответ", "Подсказка");
    }

    @Test
    void aCaptionCueIsFoundWithItsMoment() throws IOException {
        try (CourseIndex index = CourseIndex.open(new ByteBuffersDirectory())) {
            index.replaceCourse(5, passages());
            SearchResult r = index.search("достоинство", Set.of(50L), null, null, 0, 10);
            assertThat(r.hits()).extracting(SearchResult.Hit::itemKey, SearchResult.Hit::anchor)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("video", "t=64.5"));
            assertThat(index.search("верховный", Set.of(50L), null, null, 0, 10).total()).as("answers are not indexed").isZero();
        }
    }

    @Test
    void anUnreadablePdfIsFoundByItsTitleOnly() throws IOException {
        Passages.Files broken = id -> Optional.of(new ByteArrayInputStream("%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII)));
        SearchDocument notes = Passages.of(5, 50, "ru", course(), broken).stream()
                .filter(d -> d.itemKey().equals("notes")).findFirst().orElseThrow();
        assertThat(notes.text()).isEmpty();
        assertThat(notes.title()).isEqualTo("Конспект");
    }
}
