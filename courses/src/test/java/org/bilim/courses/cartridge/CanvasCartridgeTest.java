package org.bilim.courses.cartridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.bilim.courses.cartridge.CartridgeBuilder.heading;
import static org.bilim.courses.cartridge.CartridgeBuilder.item;
import static org.bilim.courses.cartridge.Qti.otherwise;
import static org.bilim.courses.cartridge.Qti.plainLabel;
import static org.bilim.courses.cartridge.Qti.when;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bilim.courses.cartridge.ImportReport.Entry;
import org.bilim.courses.cartridge.ImportReport.Reason;
import org.bilim.courses.cartridge.ImportReport.Status;
import org.bilim.courses.content.ContentCodec;
import org.bilim.courses.content.CourseModule;
import org.bilim.courses.content.Item;
import org.bilim.courses.content.MediaItem;
import org.bilim.courses.content.PageItem;
import org.bilim.courses.content.QuizItem;
import org.bilim.courses.quiz.Choice;
import org.bilim.courses.quiz.Question;
import org.bilim.courses.quiz.QuizGrader;
import org.bilim.courses.quiz.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cartridges in the shape Canvas exports (CC 1.1): pages in {@code wiki_content/}, files in
 * {@code web_resources/} reached through {@code $IMS-CC-FILEBASE$}, quizzes as CC QTI with
 * Canvas' {@code question_type} metadata beside a {@code non_cc_assessments/} copy, assignments
 * and {@code course_settings/} as learning-application resources.
 */
class CanvasCartridgeTest {
    private static final String ASSOCIATED = "associatedcontent/imscc_xmlv1p1/learning-application-resource";
    private static final String QTI = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment";

    @TempDir
    Path temp;
    Fixture fixture;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new Fixture(temp);
    }

    static Qti.Item canvas(String ident, String type, String points) {
        return Qti.item(ident).meta("question_type", type).meta("points_possible", points)
                .meta("assessment_question_identifierref", "aq_" + ident);
    }

    static String quiz() {
        return Qti.assessment("Module 1 quiz", Map.of("cc_profile", "cc.exam.v0p1", "qmd_assessmenttype", "Examination",
                        "cc_maxattempts", "unlimited"),
                canvas("g1", "multiple_choice_question", "2.0").prompt("<p>2 + 2 = ?</p>")
                        .lid("Single", plainLabel("1001", "3"), plainLabel("1002", "4"), plainLabel("1003", "5"))
                        .condition(otherwise("general_fb"))
                        .condition(when("response1", "1001", null, "1001_fb"))
                        .condition(when("response1", "1002", "100", "correct_fb"))
                        .condition(otherwise("general_incorrect_fb"))
                        .feedback("general_fb", "<p>Count on your fingers.</p>")
                        .feedback("1001_fb", "<p>One short.</p>")
                        .feedback("correct_fb", "<p>Right.</p>")
                        .feedback("general_incorrect_fb", "<p>Not quite.</p>"),
                canvas("g2", "true_false_question", "1.0").prompt("<p>The Earth is flat.</p>")
                        .lid("Single", plainLabel("2001", "True"), plainLabel("2002", "False"))
                        .condition(when("response1", "2002", "100")),
                canvas("g3", "multiple_answers_question", "3.0").prompt("<p>Prime numbers?</p>")
                        .lid("Multiple", plainLabel("3001", "2"), plainLabel("3002", "4"), plainLabel("3003", "7"))
                        .condition("<respcondition continue=\"No\"><conditionvar><and>"
                                + "<varequal respident=\"response1\">3001</varequal>"
                                + "<not><varequal respident=\"response1\">3002</varequal></not>"
                                + "<varequal respident=\"response1\">3003</varequal></and></conditionvar>"
                                + "<setvar action=\"Set\" varname=\"SCORE\">100</setvar></respcondition>"),
                canvas("g4", "short_answer_question", "1.0").prompt("<p>Capital of Kazakhstan?</p>").str(null, null)
                        .condition("<respcondition continue=\"No\"><conditionvar><varequal respident=\"response1\">Astana</varequal>"
                                + "<varequal respident=\"response1\">Астана</varequal></conditionvar>"
                                + "<setvar action=\"Set\" varname=\"SCORE\">100</setvar></respcondition>"),
                canvas("g5", "numerical_question", "1.0").prompt("<p>Pi to two places?</p>").str("Decimal", null)
                        .condition("<respcondition continue=\"No\"><conditionvar><or><varequal respident=\"response1\">3.14</varequal>"
                                + "<and><vargte respident=\"response1\">3.13</vargte><varlte respident=\"response1\">3.15</varlte></and>"
                                + "</or></conditionvar><setvar action=\"Set\" varname=\"SCORE\">100</setvar></respcondition>"),
                canvas("g6", "numerical_question", "1.0").prompt("<p>A number between 10 and 20</p>").str("Decimal", null)
                        .condition("<respcondition continue=\"No\"><conditionvar><vargte respident=\"response1\">10</vargte>"
                                + "<varlte respident=\"response1\">20</varlte></conditionvar>"
                                + "<setvar action=\"Set\" varname=\"SCORE\">100</setvar></respcondition>"),
                canvas("g7", "essay_question", "5.0").prompt("<p>Why do you study?</p>").str(null, null)
                        .condition(otherwise("general_fb")).feedback("general_fb", "<p>Thank you.</p>"),
                canvas("g8", "matching_question", "1.0").prompt("<p>Match</p>")
                        .response("<response_lid ident=\"response_a\"><material><mattext>Kazakhstan</mattext></material>"
                                + "<render_choice>" + plainLabel("8001", "Astana") + "</render_choice></response_lid>"
                                + "<response_lid ident=\"response_b\"><material><mattext>France</mattext></material>"
                                + "<render_choice>" + plainLabel("8002", "Paris") + "</render_choice></response_lid>"),
                canvas("g9", "multiple_choice_question", "1.0").prompt("<p>No right answer was marked</p>")
                        .lid("Single", plainLabel("9001", "a"), plainLabel("9002", "b")));
    }

    static CartridgeBuilder canvasCourse() {
        return CartridgeBuilder.cc("1.1").title("Algebra 101")
                .file("course_settings/course_settings.xml", "<course identifier=\"c\"><title>Algebra 101</title></course>")
                .file("course_settings/canvas_export.txt", "Q: What did the panda say when he was forced out of his natural habitat?")
                .resource("g_settings", ASSOCIATED, "course_settings/canvas_export.txt",
                        List.of("course_settings/course_settings.xml", "course_settings/canvas_export.txt"))
                .web("g_logo", "web_resources/images/logo.png", MoodleCartridgeTest.PNG)
                .web("g_photo", "web_resources/images/my photo.png", MoodleCartridgeTest.PNG)
                .web("g_syllabus", "web_resources/syllabus.pdf", "%PDF-1.4 syllabus")
                .web("g_lecture", "web_resources/Lectures/lecture1.mp4", Fixture.mp4(true))
                .web("g_lecture_vtt", "web_resources/Lectures/lecture1.en.vtt", "WEBVTT\n")
                .web("g_welcome", "wiki_content/welcome.html", """
                        <html>
                        <head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Welcome</title></head>
                        <body>
                        <p><img src="$IMS-CC-FILEBASE$/images/logo.png" alt="Logo"></p>
                        <p><img src="%24IMS-CC-FILEBASE%24/images/logo.png?canvas_=1&amp;canvas_qs_wrap=1" alt="Logo again"></p>
                        <p><img src="$IMS_CC_FILEBASE$/images/my%20photo.png" alt="Photo"></p>
                        <p><a href="$IMS-CC-FILEBASE$/syllabus.pdf?canvas_download=1">Syllabus</a></p>
                        <p><a href="$WIKI_REFERENCE$/pages/week-1">Week 1</a></p>
                        <p><img src="http://evil.example/x.png"></p>
                        </body>
                        </html>""")
                .web("g_orphan", "wiki_content/orphan.html", "<html><head><title>Orphan page</title></head><body>x</body></html>")
                .file("g_quiz/assessment_qti.xml", quiz())
                .file("g_quiz/assessment_meta.xml", "<quiz identifier=\"g_quiz\"><title>Module 1 quiz</title></quiz>")
                .file("non_cc_assessments/g_quiz.xml.qti", quiz())
                .resource("g_quiz", QTI, null, List.of("g_quiz/assessment_qti.xml"), "g_quiz_meta")
                .resource("g_quiz_meta", ASSOCIATED, "g_quiz/assessment_meta.xml",
                        List.of("g_quiz/assessment_meta.xml", "non_cc_assessments/g_quiz.xml.qti"))
                .file("g_asg/essay-on-abai.html", "<html><body><p>Write 500 words on Abai.</p></body></html>")
                .file("g_asg/assignment_settings.xml", "<assignment identifier=\"g_asg\"><title>Essay on Abai</title></assignment>")
                .resource("g_asg", ASSOCIATED, "g_asg/essay-on-abai.html",
                        List.of("g_asg/essay-on-abai.html", "g_asg/assignment_settings.xml"))
                .file("g_dt.xml", "<topic xmlns=\"http://www.imsglobal.org/xsd/imsccv1p1/imsdt_v1p1\"><title>Introduce yourself</title>"
                        + "<text texttype=\"text/html\"></text></topic>")
                .resource("g_dt", "imsdt_xmlv1p1", null, List.of("g_dt.xml"))
                .module(heading("g_mod1", "Module 1",
                        item("g_mi1", "Welcome", "g_welcome"),
                        heading("g_sub", "Readings"),
                        item("g_mi2", "Syllabus", "g_syllabus"),
                        item("g_mi3", "Lecture 1", "g_lecture"),
                        item("g_mi4", "Module 1 quiz", "g_quiz"),
                        item("g_mi5", "Essay on Abai", "g_asg"),
                        item("g_mi6", "Introduce yourself", "g_dt"),
                        item("g_mi7", "Gone", "g_deleted")))
                .module(heading("g_mod2", "Module 2", item("g_mi8", "Welcome, again", "g_welcome")));
    }

    @Test
    void modulesAndItemsInCanvasOrder() throws Exception {
        ImportResult result = fixture.read(canvasCourse());

        assertThat(result.report().cartridgeVersion()).isEqualTo("1.1");
        assertThat(result.report().language()).isNull();
        assertThat(result.content().modules()).extracting(CourseModule::key, CourseModule::title)
                .containsExactly(tuple("g_mod1", "Module 1"), tuple("g_mod2", "Module 2"));
        assertThat(result.content().modules().getFirst().items()).extracting(Item::key, Item::title, i -> i.kind().json())
                .containsExactly(
                        tuple("g_welcome", "Welcome", "page"),
                        tuple("g_syllabus", "Syllabus", "file"),
                        tuple("g_lecture", "Lecture 1", "media"),
                        tuple("g_quiz", "Module 1 quiz", "quiz"));
        // The same page placed twice: the second placement keeps its own key.
        assertThat(result.content().modules().get(1).items()).extracting(Item::key).containsExactly("g_mi8");
    }

    @Test
    void fileBaseLinksInEverySpellingAreStoredOnceAndRewritten() throws Exception {
        ImportResult result = fixture.read(canvasCourse());

        assertThat(fixture.sink.stored).containsOnlyOnce("web_resources/images/logo.png", "web_resources/images/my photo.png",
                "web_resources/syllabus.pdf");
        PageItem welcome = (PageItem) result.content().item("g_welcome").orElseThrow();
        String logo = "/api/files/id-" + (fixture.sink.stored.indexOf("web_resources/images/logo.png") + 1);
        String photo = "/api/files/id-" + (fixture.sink.stored.indexOf("web_resources/images/my photo.png") + 1);
        String syllabus = "/api/files/id-" + (fixture.sink.stored.indexOf("web_resources/syllabus.pdf") + 1);
        assertThat(welcome.html()).contains("src=\"" + logo + "\"", "src=\"" + photo + "\"", "href=\"" + syllabus + "\"")
                .doesNotContain("FILEBASE").doesNotContain("evil.example").doesNotContain("WIKI_REFERENCE")
                .doesNotContain("<title>");
        assertThat(welcome.assets()).extracting(f -> f.name()).containsExactly("logo.png", "my photo.png", "syllabus.pdf");
        assertThat(result.report().findings()).filteredOn(f -> f.action() == org.bilim.courses.html.LintFinding.Action.REMOVED)
                .extracting(f -> f.location(), f -> f.reference())
                .contains(tuple("Module 1 › Welcome", "http://evil.example/x.png"),
                        tuple("Module 1 › Welcome", "$WIKI_REFERENCE$/pages/week-1"));
        assertThat(fixture.sink.stored).noneMatch(p -> p.startsWith("course_settings/") || p.startsWith("non_cc_assessments/"));
    }

    @Test
    void captionsBesideTheLectureTakeTheirLanguageFromTheFileName() throws Exception {
        ImportResult result = fixture.read(canvasCourse());

        MediaItem lecture = (MediaItem) result.content().item("g_lecture").orElseThrow();
        assertThat(lecture.captions()).extracting(c -> c.language(), c -> c.label(), c -> c.file().name())
                .containsExactly(tuple("en", "English", "lecture1.en.vtt"));
    }

    @Test
    void everyCanvasQuestionTypeTheEngineHasComesInGradedAsCanvasWould() throws Exception {
        ImportResult result = fixture.read(canvasCourse());

        QuizItem quiz = (QuizItem) result.content().item("g_quiz").orElseThrow();
        assertThat(quiz.attemptsAllowed()).isZero();
        assertThat(quiz.questions()).extracting(q -> q.getClass().getSimpleName(), Question::key, q -> q.points().toPlainString())
                .containsExactly(
                        tuple("SingleChoice", "g1", "2.0"),
                        tuple("TrueFalse", "g2", "1.0"),
                        tuple("MultipleChoice", "g3", "3.0"),
                        tuple("ShortAnswer", "g4", "1.0"),
                        tuple("Numeric", "g5", "1.0"),
                        tuple("Numeric", "g6", "1.0"),
                        tuple("Essay", "g7", "5.0"));

        Question.SingleChoice mc = (Question.SingleChoice) quiz.questions().get(0);
        assertThat(mc.choices()).extracting(Choice::key, Choice::html, Choice::correct)
                .containsExactly(tuple("1001", "3", false), tuple("1002", "4", true), tuple("1003", "5", false));
        assertThat(mc.choices().getFirst().feedbackHtml()).isEqualTo("<p>One short.</p>");
        assertThat(mc.correctFeedbackHtml()).isEqualTo("<p>Right.</p>\n<p>Count on your fingers.</p>");
        assertThat(mc.incorrectFeedbackHtml()).isEqualTo("<p>Not quite.</p>\n<p>Count on your fingers.</p>");
        assertThat(((Question.TrueFalse) quiz.questions().get(1)).answer()).isFalse();
        assertThat(((Question.MultipleChoice) quiz.questions().get(2)).choices()).extracting(Choice::correct)
                .containsExactly(true, false, true);
        Question.ShortAnswer sa = (Question.ShortAnswer) quiz.questions().get(3);
        assertThat(sa.acceptedAnswers()).containsExactly("Astana", "Астана");
        assertThat(sa.caseSensitive()).isFalse();
        Question.Numeric pi = (Question.Numeric) quiz.questions().get(4);
        assertThat(pi.value()).isEqualByComparingTo("3.14");
        assertThat(pi.tolerance()).isEqualByComparingTo("0.01");
        Question.Numeric range = (Question.Numeric) quiz.questions().get(5);
        assertThat(range.value()).isEqualByComparingTo("15");
        assertThat(range.tolerance()).isEqualByComparingTo("5");

        var graded = new QuizGrader().grade(quiz.questions(), Map.of(
                "g1", Response.choices("1002"), "g2", Response.choices("false"), "g3", Response.choices("3001", "3003"),
                "g4", Response.text(" astana "), "g5", Response.text("3,15"), "g6", Response.text("19")));
        assertThat(graded.score()).isEqualByComparingTo("9");
        assertThat(graded.maxScore()).isEqualByComparingTo("14");
    }

    @Test
    void matchingAndBrokenQuestionsAreReportedWithTheirType() throws Exception {
        ImportResult result = fixture.read(canvasCourse());

        assertThat(result.report().entries()).filteredOn(e -> e.location().contains("Question"))
                .extracting(Entry::location, Entry::reason, e -> e.params().get("type"))
                .containsExactly(
                        tuple("Module 1 › Module 1 quiz › Question 8", Reason.UNSUPPORTED_QUESTION, "matching_question"),
                        tuple("Module 1 › Module 1 quiz › Question 9", Reason.INVALID_QUESTION, "multiple_choice_question"));
    }

    @Test
    void assignmentsDiscussionsMissingResourcesAndUnplacedPagesAreReported() throws Exception {
        ImportResult result = fixture.read(canvasCourse());

        assertThat(result.report().entries()).filteredOn(e -> e.status() == Status.NOT_IMPORTED && !e.location().contains("Question"))
                .extracting(Entry::identifier, Entry::reason, Entry::params)
                .containsExactly(
                        tuple("g_mi5", Reason.ASSIGNMENT, Map.of("title", "Essay on Abai")),
                        tuple("g_mi6", Reason.DISCUSSION_TOPIC, Map.of("title", "Introduce yourself")),
                        tuple("g_mi7", Reason.RESOURCE_MISSING, Map.of("identifierref", "g_deleted")),
                        tuple("g_orphan", Reason.NOT_IN_ANY_MODULE, Map.of("path", "wiki_content/orphan.html")));
    }

    @Test
    void aCourseWithoutModulesBringsItsPagesAndQuizzesInOneModule() throws Exception {
        CartridgeBuilder noModules = CartridgeBuilder.cc("1.3").title("Pages only")
                .web("g_logo", "web_resources/logo.png", MoodleCartridgeTest.PNG)
                .web("p1", "wiki_content/first.html", "<html><head><title>First</title></head><body><p>One</p></body></html>")
                .web("p2", "wiki_content/second.html", "<html><head><title>Second</title></head><body><p>Two</p></body></html>")
                .file("q/assessment_qti.xml", Qti.assessment("Check", Map.of(), canvas("x1", "essay_question", "1").prompt("Why?").str(null, "5")))
                .resource("q", "imsqti_xmlv1p2/imscc_xmlv1p3/assessment", null, List.of("q/assessment_qti.xml"));

        ImportResult result = fixture.read(noModules);

        assertThat(result.content().modules()).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Pages only");
            assertThat(m.items()).extracting(Item::title).containsExactly("First", "Second", "Check");
        });
    }

    @Test
    void theReportIsPlainJson() throws Exception {
        ImportReport report = fixture.read(canvasCourse()).report();

        String json = ContentCodec.toJson(report);

        assertThat(json).contains("\"reason\":\"UNSUPPORTED_QUESTION\"", "\"type\":\"matching_question\"", "\"status\":\"CONVERTED\"");
        assertThat(ContentCodec.read(json, ImportReport.class)).isEqualTo(report);
    }
}
