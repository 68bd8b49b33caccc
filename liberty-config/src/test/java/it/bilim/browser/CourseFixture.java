package it.bilim.browser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.bilim.support.World;
import java.util.List;

/**
 * One approved course with an item of every kind, made through the API for a world's facility:
 * week 1 a long page, a two-page PDF and a captioned video; week 2 a case study (the PDF as its
 * attachment) and a practice quiz of two questions with three attempts. Its learner is enrolled.
 */
record CourseFixture(Authoring course, String title, String pageKey, String pageTitle, String fileKey, String mediaKey,
                     String mediaTitle, String caseKey, String quizKey, String pdfId, String videoId) {
    /** A word on the PDF's first page, which pdf.js's text layer must carry. */
    static final String PDF_WORD = "Habeas";
    static final String PDF_SECOND_PAGE = "Second page of the notes";

    static CourseFixture build(World world, World.Learner... learners) {
        String title = World.unique("Rights of the person ");
        Authoring a = Authoring.course(world, title, "en");
        String week1 = a.module("Week 1: your rights");
        StringBuilder reading = new StringBuilder("<h2>Why rights matter</h2>");
        for (int i = 1; i <= 60; i++) {
            reading.append("<p>Paragraph ").append(i).append(": every person has rights that the law protects, "
                    + "and knowing them helps you use them.</p>");
        }
        reading.append("<p>This is the last paragraph of the reading.</p>");
        String pageTitle = "Reading: your rights";
        String pageKey = a.item(week1, Authoring.page(pageTitle, reading.toString()));
        ObjectNode pdf = a.upload("ui-notes.pdf", Fixtures.pdf(new String[] {"Lecture notes", PDF_WORD + " corpus"},
                new String[] {PDF_SECOND_PAGE}));
        String fileKey = a.item(week1, Authoring.file("Lecture notes", pdf));
        ObjectNode video = a.uploadResource("/content/ui-lecture.webm");
        ObjectNode en = a.uploadResource("/content/ui-lecture.en.vtt");
        ObjectNode ru = a.uploadResource("/content/ui-lecture.ru.vtt");
        String mediaTitle = "Lecture 1";
        String mediaKey = a.item(week1, Authoring.media(mediaTitle, video,
                Authoring.caption("en", "English", en), Authoring.caption("ru", "Русский", ru)));
        String week2 = a.module("Week 2: practice");
        String caseKey = a.item(week2, Authoring.caseStudy("At the police station",
                "<p>Arman is stopped by the police and asked to sign a statement he has not read.</p>", List.of(pdf),
                "<p>What rights does Arman have at this moment?</p>", "<p>What should he do next?</p>"));
        String quizKey = a.item(week2, Authoring.quiz("Check yourself", 3));
        a.approve();
        for (World.Learner l : learners) {
            a.enrol(l.id());
        }
        return new CourseFixture(a, title, pageKey, pageTitle, fileKey, mediaKey, mediaTitle, caseKey, quizKey, pdf.get("fileId").asText(), video.get("fileId").asText());
    }

    long id() {
        return course.courseId;
    }

    String itemPath(String key) {
        return "/kiosk/#/courses/" + id() + "/items/" + key;
    }
}
