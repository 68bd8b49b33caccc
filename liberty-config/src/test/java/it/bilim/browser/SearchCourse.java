package it.bilim.browser;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.util.List;
import java.util.Locale;

/**
 * An approved Russian course for the search tests, made through the API for a world's facility:
 * a page whose title and text hold a made-up word no other course has, a case study whose
 * scenario holds it too, and the demo lecture with its Russian captions (the cue at 8 s says
 * "Каждый имеет право на юридическую помощь."). The learners given are enrolled.
 */
record SearchCourse(CourseFixture course, String word, String pageKey, String pageTitle, String caseKey, String lectureKey,
                    String lectureTitle) {
    /** What the demo captions say at {@link #CUE_SECONDS}. */
    static final String CUE_WORDS = "юридическую помощь";
    static final int CUE_SECONDS = 8;

    static SearchCourse build(World world, World.Learner... learners) {
        return build(world, freshWord(), learners);
    }

    static SearchCourse build(World world, String word, World.Learner... learners) {
        CourseFixture c = CourseFixture.create(world, "ru");
        String module = c.module("Неделя 1");
        String pageTitle = "Урок: " + word;
        String pageKey = Items.lastKey(c.item(module, Items.page(pageTitle,
                "<p>Листья растений зелёные, потому что в них есть " + word + ".</p>")), module);
        String caseKey = Items.lastKey(c.item(module, Items.caseStudy("Практика в теплице",
                "<p>Садовник изучает " + word + " в листьях томатов.</p>", List.of(), "<p>Что он увидит под микроскопом?</p>")), module);
        JsonNode video = c.upload("lecture.webm", CourseFixture.demoFile("lecture.webm"));
        JsonNode captions = c.upload("lecture.ru.vtt", CourseFixture.demoFile("lecture.ru.vtt"));
        String lectureTitle = "Лекция о правах человека";
        String lectureKey = Items.lastKey(c.item(module, Api.object("kind", "media", "title", lectureTitle, "media", video,
                "captions", List.of(Items.caption("ru", "Русский", captions)))), module);
        c.approve();
        if (learners.length > 0) {
            c.enrol(learners);
        }
        return new SearchCourse(c, word, pageKey, pageTitle, caseKey, lectureKey, lectureTitle);
    }

    /** A made-up word: a Russian stem and ten Latin letters of a random id, so only this test's course holds it. */
    static String freshWord() {
        StringBuilder w = new StringBuilder("хлорофилл");
        for (char ch : World.unique("").toLowerCase(Locale.ROOT).toCharArray()) {
            w.append(Character.isDigit(ch) ? (char) ('g' + (ch - '0')) : ch);
        }
        return w.toString();
    }

    long id() {
        return course.id();
    }
}
