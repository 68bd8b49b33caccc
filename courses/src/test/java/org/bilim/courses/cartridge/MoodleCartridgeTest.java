package org.bilim.courses.cartridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.bilim.courses.cartridge.CartridgeBuilder.heading;
import static org.bilim.courses.cartridge.CartridgeBuilder.item;
import static org.bilim.courses.cartridge.Qti.label;
import static org.bilim.courses.cartridge.Qti.otherwise;
import static org.bilim.courses.cartridge.Qti.when;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bilim.courses.cartridge.ImportReport.Entry;
import org.bilim.courses.cartridge.ImportReport.NoteCode;
import org.bilim.courses.cartridge.ImportReport.Reason;
import org.bilim.courses.cartridge.ImportReport.Status;
import org.bilim.courses.content.CourseModule;
import org.bilim.courses.content.FileItem;
import org.bilim.courses.content.Item;
import org.bilim.courses.content.MediaItem;
import org.bilim.courses.content.PageItem;
import org.bilim.courses.content.QuizItem;
import org.bilim.courses.html.LintFinding;
import org.bilim.courses.quiz.Choice;
import org.bilim.courses.quiz.Question;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cartridges in the shape Moodle exports: one folder per resource, files under a shared
 * {@code resources/} folder reached by {@code ../} from pages and by {@code $IMS-CC-FILEBASE$../}
 * from XML, sections as top-level items, QTI with {@code cc_profile} metadata.
 */
class MoodleCartridgeTest {
    @TempDir
    Path temp;
    Fixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new Fixture(temp);
    }

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    static String selfTest() {
        return Qti.assessment("Self-test", Map.of("cc_maxattempts", "3", "cc_profile", "cc.exam.v0p1"),
                Qti.item("Q1").meta("cc_profile", "cc.multiple_choice.v0p1").meta("cc_weighting", "2")
                        .prompt("<p>Which city is the capital? <img src=\"$IMS-CC-FILEBASE$../resources/abc/map.png\" alt=\"map\"></p>")
                        .lid("Single", label("A1", "Astana"), label("A2", "Almaty"), label("A3", "Shymkent"))
                        .condition(when("response1", "A1", "100", "A1_fb"))
                        .condition(when("response1", "A2", null, "A2_fb"))
                        .condition(otherwise("general_fb"))
                        .feedback("A1_fb", "<p>Yes, since 1997.</p>")
                        .feedback("A2_fb", "<p>It was, until 1997.</p>")
                        .feedback("general_fb", "<p>See chapter 1.</p>"),
                Qti.item("Q2").meta("cc_profile", "cc.true_false.v0p1")
                        .prompt("<p>Астана — столица Казахстана.</p>")
                        .lid("Single", label("T", "Верно"), label("F", "Неверно"))
                        .condition(when("response1", "T", "100")),
                Qti.item("Q3").meta("cc_profile", "cc.multiple_response.v0p1")
                        .prompt("<p>Which are rivers of Kazakhstan?</p>")
                        .lid("Multiple", label("R1", "Irtysh"), label("R2", "Ural"), label("R3", "Volga"))
                        .condition("<respcondition continue=\"No\"><conditionvar><and><varequal respident=\"response1\">R1</varequal>"
                                + "<varequal respident=\"response1\">R2</varequal><not><varequal respident=\"response1\">R3</varequal></not>"
                                + "</and></conditionvar><setvar action=\"Set\" varname=\"SCORE\">100</setvar>"
                                + "<displayfeedback linkrefid=\"correct_fb\"/></respcondition>")
                        .condition(otherwise("general_incorrect_fb"))
                        .feedback("correct_fb", "<p>Both.</p>")
                        .feedback("general_incorrect_fb", "<p>The Volga is in Russia.</p>"),
                Qti.item("Q4").meta("cc_profile", "cc.fib.v0p1")
                        .prompt("<p>Chemical symbol of sodium?</p>").str(null, null)
                        .condition("<respcondition continue=\"No\"><conditionvar><varequal respident=\"response1\" case=\"Yes\">Na</varequal>"
                                + "</conditionvar><setvar action=\"Set\" varname=\"SCORE\">100</setvar></respcondition>"),
                Qti.item("Q5").meta("cc_profile", "cc.essay.v0p1")
                        .prompt("<p>Describe your home town.</p>").str(null, "10"),
                Qti.item("Q6").meta("cc_profile", "cc.pattern_match.v0p1")
                        .prompt("<p>Name a colour</p>").str(null, null)
                        .condition("<respcondition><conditionvar><varsubstring respident=\"response1\">re</varsubstring>"
                                + "</conditionvar><setvar>100</setvar></respcondition>"),
                Qti.item("Q7").prompt("<p>Click the capital on the map</p>")
                        .response("<response_xy ident=\"response1\" rcardinality=\"Single\"><render_hotspot/></response_xy>"));
    }

    static CartridgeBuilder moodle(String version) {
        String dt = version.equals("1.3") ? "imsdt_xmlv1p3" : "imsdt_xmlv1p1";
        String wl = version.equals("1.3") ? "imswl_xmlv1p3" : "imswl_xmlv1p1";
        String qti = "imsqti_xmlv1p2/imscc_xmlv1p" + version.charAt(2) + "/assessment";
        return CartridgeBuilder.cc(version).title("История Казахстана").language("ru")
                .file("resources/abc/map.png", PNG)
                .resource("RES_FILES", "webcontent", null, List.of("resources/abc/map.png"))
                .web("I_intro_R", "I_intro/introduction.html", """
                        <!DOCTYPE html><html><head><title>Intro</title><script>alert(1)</script></head>
                        <body><h1>Welcome</h1><p><img src="../resources/abc/map.png" alt="Map"></p>
                        <p><img src="$IMS-CC-FILEBASE$/resources/abc/map.png" alt="Same map again"></p>
                        <p><img src="http://evil.example/x.png" alt="tracker"></p></body></html>""")
                .web("I_ch1_R", "I_ch1/chapter1.pdf", "%PDF-1.4 chapter one")
                .web("I_video_R", "I_video/lecture.mp4", Fixture.mp4(true))
                .file("I_video/lecture.vtt", "WEBVTT\n")
                .file("I_video/lecture.kk.vtt", "WEBVTT\n")
                .file("I_video/lecture-notes.vtt", "WEBVTT\n")
                .web("I_slow_R", "I_slow/second-lecture.mp4", Fixture.mp4(false))
                .file("I_quiz/assessment.xml", selfTest())
                .resource("I_quiz_R", qti, null, List.of("I_quiz/assessment.xml"), "RES_FILES")
                .file("I_forum/topic.xml", "<topic xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1\"><title>Discuss the reading</title>"
                        + "<text texttype=\"text/html\">&lt;p&gt;What do you think?&lt;/p&gt;</text></topic>")
                .resource("I_forum_R", dt, null, List.of("I_forum/topic.xml"))
                .file("I_link/weblink.xml", "<webLink xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1\"><title>Wikipedia</title>"
                        + "<url href=\"https://kk.wikipedia.org/wiki/Астана\" target=\"_self\"/></webLink>")
                .resource("I_link_R", wl, null, List.of("I_link/weblink.xml"))
                .file("I_lti/lti.xml", "<cartridge_basiclti_link xmlns=\"http://www.imsglobal.org/xsd/imslticc_v1p0\" "
                        + "xmlns:blti=\"http://www.imsglobal.org/xsd/imsbasiclti_v1p0\"><blti:title>Maths tool</blti:title>"
                        + "<blti:launch_url>https://tool.example/launch</blti:launch_url></cartridge_basiclti_link>")
                .resource("I_lti_R", "imsbasiclti_xmlv1p0", null, List.of("I_lti/lti.xml"))
                .web("I_syllabus_R", "I_syllabus/syllabus.html", "<p>Syllabus</p>")
                .module(heading("S1", "Week 1",
                        item("I_intro", "Introduction", "I_intro_R"),
                        heading("L1", "Reading",
                                item("I_ch1", "Chapter 1", "I_ch1_R"),
                                heading("L2", "Extra", item("I_video", "Lecture video", "I_video_R"))),
                        item("I_quiz", "Self-test", "I_quiz_R"),
                        item("I_forum", "Forum", "I_forum_R"),
                        item("I_link", "Wikipedia", "I_link_R")))
                .module(heading("S2", "Week 2",
                        item("I_slow", "Second lecture", "I_slow_R"),
                        item("I_lti", "Maths tool", "I_lti_R")))
                .module(item("I_syllabus", "Syllabus", "I_syllabus_R"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1", "1.2", "1.3"})
    void organisationBecomesModulesWithNestedItemsFlattenedInOrder(String version) throws Exception {
        ImportResult result = fixture.read(moodle(version));

        assertThat(result.report().cartridgeVersion()).isEqualTo(version);
        assertThat(result.content().title()).isEqualTo("История Казахстана");
        assertThat(result.report().language()).isEqualTo("ru");
        assertThat(result.content().modules()).extracting(CourseModule::key, CourseModule::title)
                .containsExactly(tuple("S1", "Week 1"), tuple("S2", "Week 2"), tuple("I_syllabus", "Syllabus"));
        assertThat(result.content().modules().getFirst().items())
                .extracting(Item::key, Item::title, i -> i.kind().json())
                .containsExactly(
                        tuple("I_intro_R", "Introduction", "page"),
                        tuple("I_ch1_R", "Reading › Chapter 1", "file"),
                        tuple("I_video_R", "Reading › Extra › Lecture video", "media"),
                        tuple("I_quiz_R", "Self-test", "quiz"));
        assertThat(result.content().modules().get(2).items()).extracting(Item::title).containsExactly("Syllabus");
    }

    @Test
    void pageKeepsItsBodyWithImagesStoredOnceAndTheOutsideImageRemovedAndReported() throws Exception {
        ImportResult result = fixture.read(moodle("1.1"));

        PageItem intro = (PageItem) result.content().item("I_intro_R").orElseThrow();
        assertThat(fixture.sink.stored).containsOnlyOnce("resources/abc/map.png");
        String mapId = "id-" + (fixture.sink.stored.indexOf("resources/abc/map.png") + 1);
        assertThat(intro.html()).contains("/api/files/" + mapId).doesNotContain("evil.example")
                .doesNotContain("<head").doesNotContain("alert(1)").doesNotContain("Intro</title>").contains("Welcome");
        assertThat(intro.html().split("/api/files/" + mapId, -1)).hasSize(3);
        assertThat(intro.assets()).extracting(f -> f.fileId()).containsExactly(mapId);

        assertThat(result.report().findings())
                .filteredOn(f -> f.action() == LintFinding.Action.REMOVED)
                .extracting(LintFinding::location, LintFinding::reference)
                .containsExactly(tuple("Week 1 › Introduction", "http://evil.example/x.png"));
        Entry entry = entry(result, "I_intro");
        assertThat(entry.status()).isEqualTo(Status.CONVERTED);
        assertThat(entry.reason()).isEqualTo(Reason.PAGE);
        assertThat(entry.notes()).extracting(n -> n.code(), n -> n.params().get("count"))
                .containsExactly(tuple(NoteCode.REFERENCES_REMOVED, "1"));
    }

    @Test
    void pdfBecomesAFileAndVideoAMediaItemWithItsCaptions() throws Exception {
        ImportResult result = fixture.read(moodle("1.3"));

        FileItem chapter = (FileItem) result.content().item("I_ch1_R").orElseThrow();
        assertThat(chapter.file().name()).isEqualTo("chapter1.pdf");
        MediaItem video = (MediaItem) result.content().item("I_video_R").orElseThrow();
        assertThat(video.media().name()).isEqualTo("lecture.mp4");
        assertThat(video.captions()).extracting(c -> c.language(), c -> c.label(), c -> c.file().name())
                .containsExactlyInAnyOrder(tuple("ru", "русский", "lecture.vtt"), tuple("kk", "қазақ тілі", "lecture.kk.vtt"));
        assertThat(entry(result, "I_video").notes()).extracting(n -> n.code())
                .containsOnly(NoteCode.CAPTIONS_ADDED).hasSize(2);
        assertThat(fixture.sink.stored).doesNotContain("I_video/lecture-notes.vtt");
    }

    @Test
    void aVideoThatStartsSlowlyIsFlagged() throws Exception {
        ImportResult result = fixture.read(moodle("1.1"));

        assertThat(result.report().withNote(NoteCode.STARTS_SLOWLY)).extracting(Entry::identifier, Entry::location, Entry::status)
                .containsExactly(tuple("I_slow", "Week 2 › Second lecture", Status.IMPORTED));
    }

    @Test
    void quizQuestionsAnswersPointsFeedbackAndAttempts() throws Exception {
        ImportResult result = fixture.read(moodle("1.1"));

        QuizItem quiz = (QuizItem) result.content().item("I_quiz_R").orElseThrow();
        assertThat(quiz.title()).isEqualTo("Self-test");
        assertThat(quiz.attemptsAllowed()).isEqualTo(3);
        assertThat(quiz.questions()).extracting(Question::key).containsExactly("Q1", "Q2", "Q3", "Q4", "Q5");

        Question.SingleChoice q1 = (Question.SingleChoice) quiz.questions().get(0);
        assertThat(q1.points()).isEqualByComparingTo("2");
        assertThat(q1.promptHtml()).contains("Which city").contains("/api/files/id-");
        assertThat(q1.choices()).extracting(Choice::key, Choice::correct)
                .containsExactly(tuple("A1", true), tuple("A2", false), tuple("A3", false));
        assertThat(q1.choices().get(0).feedbackHtml()).contains("since 1997");
        assertThat(q1.choices().get(1).feedbackHtml()).contains("until 1997");
        assertThat(q1.correctFeedbackHtml()).contains("See chapter 1");
        assertThat(q1.incorrectFeedbackHtml()).contains("See chapter 1");

        Question.TrueFalse q2 = (Question.TrueFalse) quiz.questions().get(1);
        assertThat(q2.answer()).isTrue();
        assertThat(q2.points()).isEqualByComparingTo(BigDecimal.ONE);

        Question.MultipleChoice q3 = (Question.MultipleChoice) quiz.questions().get(2);
        assertThat(q3.choices()).extracting(Choice::correct).containsExactly(true, true, false);
        assertThat(q3.correctFeedbackHtml()).contains("Both.");
        assertThat(q3.incorrectFeedbackHtml()).contains("Volga");

        Question.ShortAnswer q4 = (Question.ShortAnswer) quiz.questions().get(3);
        assertThat(q4.acceptedAnswers()).containsExactly("Na");
        assertThat(q4.caseSensitive()).isTrue();

        assertThat(quiz.questions().get(4)).isInstanceOf(Question.Essay.class);
    }

    @Test
    void questionsOfUnsupportedTypesAreReportedAndTheRestOfTheQuizStays() throws Exception {
        ImportResult result = fixture.read(moodle("1.1"));

        Entry quiz = entry(result, "I_quiz");
        assertThat(quiz.status()).isEqualTo(Status.CONVERTED);
        assertThat(quiz.notes()).extracting(n -> n.code(), n -> n.params().get("count"))
                .contains(tuple(NoteCode.QUESTIONS_LEFT_OUT, "2"));
        assertThat(result.report().entries())
                .filteredOn(e -> e.reason() == Reason.UNSUPPORTED_QUESTION)
                .extracting(Entry::location, e -> e.params().get("type"), e -> e.params().get("number"))
                .containsExactly(
                        tuple("Week 1 › Self-test › Question 6", "cc.pattern_match.v0p1", "6"),
                        tuple("Week 1 › Self-test › Question 7", "response_xy/Single", "7"));
    }

    @Test
    void discussionsLinksAndToolsAreReportedNotImportedWithWhatTheyWere() throws Exception {
        ImportResult result = fixture.read(moodle("1.3"));

        assertThat(result.report().entries())
                .filteredOn(e -> e.status() == Status.NOT_IMPORTED && e.reason() != Reason.UNSUPPORTED_QUESTION)
                .extracting(Entry::identifier, Entry::location, Entry::reason, Entry::params)
                .containsExactly(
                        tuple("I_forum", "Week 1 › Forum", Reason.DISCUSSION_TOPIC, Map.of("title", "Discuss the reading")),
                        tuple("I_link", "Week 1 › Wikipedia", Reason.WEB_LINK,
                                Map.of("url", "https://kk.wikipedia.org/wiki/Астана", "title", "Wikipedia")),
                        tuple("I_lti", "Week 2 › Maths tool", Reason.LTI_LINK,
                                Map.of("url", "https://tool.example/launch", "title", "Maths tool")));
        assertThat(result.content().items()).noneMatch(i -> i.title().equals("Wikipedia"));
        assertThat(fixture.sink.stored).noneMatch(p -> p.endsWith(".xml"));
    }

    @Test
    void reportListsEveryPlacedItemInOrganisationOrder() throws Exception {
        ImportResult result = fixture.read(moodle("1.1"));

        assertThat(result.report().entries()).filteredOn(e -> !e.location().contains("Question"))
                .extracting(Entry::identifier)
                .containsExactly("I_intro", "I_ch1", "I_video", "I_quiz", "I_forum", "I_link", "I_slow", "I_lti", "I_syllabus");
        assertThat(result.report().entries()).filteredOn(e -> e.status() != Status.NOT_IMPORTED)
                .allSatisfy(e -> assertThat(result.content().item(e.itemKey())).isPresent());
    }

    @Test
    void progressIsToldForEveryStageInOrder() throws Exception {
        fixture.read(moodle("1.1"));

        List<String> stages = fixture.progress.stream().map(p -> p.substring(0, p.indexOf(' '))).distinct().toList();
        assertThat(stages).containsExactly("CHECKING_ARCHIVE", "READING_MANIFEST", "STORING_FILES", "CONVERTING", "DONE");
        assertThat(fixture.progress).contains("CONVERTING 9/9", "STORING_FILES " + fixture.sink.stored.size() + "/" + fixture.sink.stored.size());
    }

    @Test
    void reimportingANewerExportKeepsItemKeys() throws Exception {
        ImportResult first = fixture.read(moodle("1.1"));
        ImportResult second = fixture.read(moodle("1.3").title("История Казахстана, 2-е издание"));

        assertThat(second.content().items().map(Item::key).toList())
                .containsExactlyElementsOf(first.content().items().map(Item::key).toList());
    }

    static Entry entry(ImportResult result, String identifier) {
        return result.report().entries().stream().filter(e -> e.identifier().equals(identifier) && !e.location().contains("Question"))
                .findFirst().orElseThrow(() -> new AssertionError("no entry " + identifier));
    }
}
