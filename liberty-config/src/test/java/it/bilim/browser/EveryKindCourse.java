package it.bilim.browser;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.util.List;

/**
 * One approved course with an item of every kind, made through the API for a world's facility:
 * week 1 a long page, a two-page PDF and a video captioned in English and Russian; week 2 a case
 * study (the PDF as its attachment) and a practice quiz of two questions with three attempts. The
 * learners given are enrolled.
 */
record EveryKindCourse(CourseFixture course, String title, String pageKey, String pageTitle, String fileKey, String mediaKey,
                       String mediaTitle, String caseKey, String quizKey) {
    /** A word on the PDF's first page, which pdf.js's text layer must carry. */
    static final String PDF_WORD = "Habeas";
    static final String PDF_SECOND_PAGE = "Second page of the notes";

    static EveryKindCourse build(World world, World.Learner... learners) {
        CourseFixture c = CourseFixture.create(world, "en");
        String week1 = c.module("Week 1: your rights");
        StringBuilder reading = new StringBuilder("<h2>Why rights matter</h2>");
        for (int i = 1; i <= 60; i++) {
            reading.append("<p>Paragraph ").append(i).append(": every person has rights that the law protects, "
                    + "and knowing them helps you use them.</p>");
        }
        reading.append("<p>This is the last paragraph of the reading.</p>");
        String pageTitle = "Reading: your rights";
        String pageKey = Items.lastKey(c.item(week1, Items.page(pageTitle, reading.toString())), week1);
        JsonNode pdf = c.upload("ui-notes.pdf", Fixtures.pdf(new String[] {"Lecture notes", PDF_WORD + " corpus"},
                new String[] {PDF_SECOND_PAGE}));
        String fileKey = Items.lastKey(c.item(week1, Items.file("Lecture notes", pdf)), week1);
        JsonNode video = c.upload("ui-lecture.webm", Items.resource("/content/ui-lecture.webm"));
        JsonNode en = c.upload("ui-lecture.en.vtt", Items.resource("/content/ui-lecture.en.vtt"));
        JsonNode ru = c.upload("ui-lecture.ru.vtt", Items.resource("/content/ui-lecture.ru.vtt"));
        String mediaTitle = "Lecture 1";
        String mediaKey = Items.lastKey(c.item(week1, Items.media(mediaTitle, video,
                Items.caption("en", "English", en), Items.caption("ru", "Русский", ru))), week1);
        String week2 = c.module("Week 2: practice");
        String caseKey = Items.lastKey(c.item(week2, Items.caseStudy("At the police station",
                "<p>Arman is stopped by the police and asked to sign a statement he has not read.</p>", List.of(pdf),
                "<p>What rights does Arman have at this moment?</p>", "<p>What should he do next?</p>")), week2);
        String quizKey = Items.lastKey(c.item(week2, Items.quiz("Check yourself", 3)), week2);
        c.approve();
        if (learners.length > 0) {
            c.enrol(learners);
        }
        String title = c.detail().get("title").asText();
        return new EveryKindCourse(c, title, pageKey, pageTitle, fileKey, mediaKey, mediaTitle, caseKey, quizKey);
    }

    long id() {
        return course.id();
    }
}
