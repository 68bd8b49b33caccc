package it.bilim.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.World;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search through the API: a learner finds only what they study in their facility, an officer only
 * their facility's approved courses, and nothing else shows in hits, snippets, counts, facets or
 * suggestions; an approval is searchable when the officer's request returns, a withdrawal is gone
 * as fast; captions lead to their moment; bad queries get a problem with a stable code.
 */
class SearchIT {
    /** A made-up word in every course of this test, so only this test's courses can match it. */
    private static final String WORD = "фотосинтез" + World.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    private static World almaty;
    private static World pavlodar;
    private static CourseFixture studied;
    private static CourseFixture notEnrolled;
    private static CourseFixture elsewhere;
    private static Api learner;
    private static Api outsider;

    @BeforeAll
    static void twoFacilitiesThreeCourses() {
        almaty = World.create();
        pavlodar = World.create();
        studied = course(almaty, "Ботаника " + WORD, "Первый урок о " + WORD + " у растений.", true);
        studied.approve();
        notEnrolled = course(almaty, "Секретная " + WORD, "Тайный текст о " + WORD + " для другой группы.", false);
        notEnrolled.approve();
        elsewhere = course(almaty, "Павлодарская " + WORD, "Текст о " + WORD + " только для Павлодара.", false);
        // Approved only in the other facility, by its own officer.
        JsonNode latest = elsewhere.detail().get("latest");
        Api.Response decision = pavlodar.officer().post("/api/staff/course-decisions", Api.object("facilityId", pavlodar.facilityId,
                "versionId", latest.get("id").asLong(), "decision", "APPROVED", "contentHash", latest.get("contentHash").asText()));
        assertThat(decision.status()).as(decision.toString()).isEqualTo(201);

        World.Learner enrolled = almaty.learner("ru");
        World.Learner other = almaty.learner("ru");
        studied.enrol(enrolled);
        World.Kiosk kiosk = almaty.enrolledKiosk();
        assertThat(kiosk.signIn(enrolled).status()).isEqualTo(201);
        learner = kiosk.device();
        World.Kiosk second = almaty.enrolledKiosk();
        assertThat(second.signIn(other).status()).isEqualTo(201);
        outsider = second.device();
    }

    private static CourseFixture course(World w, String title, String text, boolean withLecture) {
        CourseFixture c = CourseFixture.create(w, "ru");
        String module = c.module("Неделя 1");
        c.item(module, Api.object("key", "intro", "kind", "page", "title", title, "html", "<p>" + text + "</p>"));
        if (withLecture) {
            JsonNode video = c.upload("lecture.webm", CourseFixture.demoFile("lecture.webm"));
            JsonNode captions = c.upload("lecture.ru.vtt", CourseFixture.demoFile("lecture.ru.vtt"));
            c.item(module, Api.object("key", "lecture", "kind", "media", "title", "Лекция", "media", video,
                    "captions", List.of(Api.object("language", "ru", "label", "Русский", "file", captions))));
        }
        return c;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<Long> courses(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("hits").forEach(h -> ids.add(h.get("courseId").asLong()));
        return ids;
    }

    @Test
    void aLearnerFindsOnlyWhatTheyStudyWithMarkedSnippetsAndFiguresOfItAlone() {
        Api.Response r = learner.get("/api/kiosk/search?q=" + q(WORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode page = r.json();
        assertThat(courses(page)).isNotEmpty().containsOnly(studied.id());
        assertThat(page.get("total").asLong()).isEqualTo(page.get("hits").size());
        assertThat(page.get("courses")).hasSize(1);
        assertThat(page.get("courses").get(0).get("courseId").asLong()).isEqualTo(studied.id());
        assertThat(page.get("courses").get(0).get("count").asLong()).isEqualTo(page.get("total").asLong());
        JsonNode intro = null;
        for (JsonNode h : page.get("hits")) {
            if ("intro".equals(h.path("itemKey").asText())) {
                intro = h;
            }
        }
        assertThat(intro).as("the page is a hit").isNotNull();
        assertThat(intro.get("kind").asText()).isEqualTo("page");
        assertThat(intro.get("snippetHtml").asText()).contains("<mark>" + WORD + "</mark>").contains("растений");
        // Not a word of the other courses anywhere in the answer.
        assertThat(r.body()).doesNotContain("Секретная").doesNotContain("Тайный").doesNotContain("Павлодар");

        JsonNode none = outsider.get("/api/kiosk/search?q=" + q(WORD)).json();
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("hits")).isEmpty();
        assertThat(none.get("courses")).isEmpty();
        assertThat(none.get("kinds")).isEmpty();
    }

    @Test
    void suggestionsCompleteOnlyVisibleTitles() {
        String prefix = WORD.substring(0, 8);
        Api.Response r = learner.get("/api/kiosk/search/suggestions?q=" + q(prefix));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        r.json().forEach(s -> titles.add(s.get("title").asText()));
        assertThat(titles).contains("Ботаника " + WORD).noneMatch(t -> t.startsWith("Секретная") || t.startsWith("Павлодарская"));
        assertThat(outsider.get("/api/kiosk/search/suggestions?q=" + q(prefix)).json()).isEmpty();
        assertThat(learner.get("/api/kiosk/search/suggestions?q=" + q("ф")).json()).isEmpty();
    }

    @Test
    void anOfficerSearchesTheApprovedCoursesOfTheirFacilityOnly() {
        JsonNode mine = almaty.officer().get("/api/staff/search?q=" + q(WORD) + "&size=50").json();
        assertThat(courses(mine)).contains(studied.id(), notEnrolled.id()).doesNotContain(elsewhere.id());
        List<Long> facetCourses = new ArrayList<>();
        mine.get("courses").forEach(c -> facetCourses.add(c.get("courseId").asLong()));
        assertThat(facetCourses).containsExactlyInAnyOrder(studied.id(), notEnrolled.id());

        JsonNode theirs = pavlodar.officer().get("/api/staff/search?q=" + q(WORD) + "&size=50").json();
        assertThat(courses(theirs)).isNotEmpty().containsOnly(elsewhere.id());
        // A learner's endpoint is not an officer's, and the other way round.
        assertThat(almaty.officer().get("/api/kiosk/search?q=" + q(WORD)).status()).isIn(401, 403);
        assertThat(learner.get("/api/staff/search?q=" + q(WORD)).status()).isIn(401, 403);
    }

    @Test
    void facetsNarrowByCourseAndKindAndPagesFollowOneAnother() {
        JsonNode all = almaty.officer().get("/api/staff/search?q=" + q(WORD) + "&size=50").json();
        long total = all.get("total").asLong();
        JsonNode pages = almaty.officer().get("/api/staff/search?q=" + q(WORD) + "&kind=page").json();
        pages.get("hits").forEach(h -> assertThat(h.get("kind").asText()).isEqualTo("page"));
        JsonNode one = almaty.officer().get("/api/staff/search?q=" + q(WORD) + "&course=" + notEnrolled.id()).json();
        assertThat(courses(one)).isNotEmpty().containsOnly(notEnrolled.id());
        JsonNode first = almaty.officer().get("/api/staff/search?q=" + q(WORD) + "&size=1&page=0").json();
        JsonNode second = almaty.officer().get("/api/staff/search?q=" + q(WORD) + "&size=1&page=1").json();
        assertThat(first.get("total").asLong()).isEqualTo(total).isGreaterThan(1);
        assertThat(first.get("hits").get(0)).isNotEqualTo(second.get("hits").get(0));
    }

    @Test
    void aCaptionHitLeadsToItsMomentOfTheLecture() {
        JsonNode page = learner.get("/api/kiosk/search?q=" + q("юридическую помощь") + "&kind=media").json();
        JsonNode cue = null;
        for (JsonNode h : page.get("hits")) {
            if (h.get("courseId").asLong() == studied.id() && h.has("seconds")) {
                cue = h;
            }
        }
        assertThat(cue).as(page.toString()).isNotNull();
        assertThat(cue.get("itemKey").asText()).isEqualTo("lecture");
        assertThat(cue.get("seconds").asDouble()).isEqualTo(8.0);
        assertThat(cue.get("snippetHtml").asText()).contains("<mark>");
    }

    @Test
    void anApprovalIsSearchableWhenTheOfficerIsAnsweredAndAWithdrawalIsGoneAsFast() {
        String fresh = "гелиоцентризм" + World.unique("").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        CourseFixture c = CourseFixture.create(almaty, "ru");
        String module = c.module("Неделя 1");
        c.item(module, Api.object("key", "p", "kind", "page", "title", "Страница", "html", "<p>" + fresh + "</p>"));
        String search = "/api/staff/search?q=" + q(fresh);
        assertThat(almaty.officer().get(search).json().get("total").asLong()).isZero();
        c.approve();
        assertThat(courses(almaty.officer().get(search).json())).containsOnly(c.id());

        Api.Response withdrawn = c.decide("REJECTED", "Устарело");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(201);
        assertThat(almaty.officer().get(search).json().get("total").asLong()).isZero();
    }

    @Test
    void badQueriesGetAProblemWithAStableCodeAndNoTrace() {
        record Case(String query, String code) {
        }
        for (Case c : List.of(new Case("", "search.query-empty"), new Case("%20%20", "search.query-empty"),
                new Case(q("а".repeat(201)), "search.query-too-long"),
                new Case(q("\"трудовой договор"), "search.query-unbalanced-quotes"),
                new Case(q("*?! :-"), "search.query-no-words"))) {
            Api.Response r = learner.get("/api/kiosk/search?q=" + c.query());
            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            assertThat(r.code()).isEqualTo(c.code());
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("lucene");
        }
        for (String params : List.of("q=x&size=51", "q=x&page=100", "q=x&kind=secret", "q=x&size=0", "q=x&course=abc")) {
            Api.Response r = learner.get("/api/kiosk/search?" + params);
            assertThat(r.status()).as(params + " " + r).isEqualTo(400);
        }
        // A leading wildcard is no wildcard: the word alone is searched.
        assertThat(courses(learner.get("/api/kiosk/search?q=" + q("*" + WORD)).json())).containsOnly(studied.id());
    }

    @Test
    void anAdministratorRebuildsTheIndexAndWatchesItWhileSearchGoesOn() {
        Api admin = World.admin();
        assertThat(almaty.officer().post("/api/staff/search-index/rebuild", Api.object()).status()).isEqualTo(403);
        Api.Response started = admin.post("/api/staff/search-index/rebuild", Api.object());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("state").asText()).isIn("REBUILDING", "READY");
        assertThat(started.json().get("startedAt").isMissingNode()).isFalse();
        // Search answers during the rebuild, from what was indexed before.
        assertThat(courses(learner.get("/api/kiosk/search?q=" + q(WORD)).json())).contains(studied.id());
        JsonNode done = admin.get("/api/staff/search-index?waitSeconds=60").json();
        assertThat(done.get("state").asText()).isEqualTo("READY");
        assertThat(done.get("reason").asText()).isEqualTo("ADMIN");
        assertThat(done.get("coursesDone").asInt()).isEqualTo(done.get("coursesTotal").asInt()).isPositive();
        assertThat(done.get("coursesFailed").asInt()).isZero();
        assertThat(courses(learner.get("/api/kiosk/search?q=" + q(WORD)).json())).containsOnly(studied.id());
        JsonNode audit = admin.get("/api/staff/audit?size=20").json();
        assertThat(audit.toString()).contains("search.rebuild-started");
    }
}
