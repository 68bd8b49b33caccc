package org.bilim.courses.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden corpus (kk, ru, en passages in test resources) and the hits each query must return:
 * morphology, typos, phrases, mixed languages; and the access filter on hits, counts and facets.
 */
class CourseIndexTest {
    /** The learner may see courses 1–3 (versions 11, 21, 31); course 4 (version 41) is someone else's. */
    private static final Set<Long> VISIBLE = Set.of(11L, 21L, 31L);
    private static CourseIndex index;

    record Query(String text, List<String> mustFind, List<String> mustNotFind) {
        @Override
        public String toString() {
            return text;
        }
    }

    @BeforeAll
    static void indexTheCorpus() throws IOException {
        index = CourseIndex.open(new ByteBuffersDirectory());
        Map<Long, List<SearchDocument>> byCourse = corpus().stream().collect(Collectors.groupingBy(SearchDocument::courseId));
        for (Map.Entry<Long, List<SearchDocument>> e : byCourse.entrySet()) {
            index.replaceCourse(e.getKey(), e.getValue());
        }
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static List<SearchDocument> corpus() throws IOException {
        return lines("golden-corpus.tsv").stream().map(l -> l.split("\t", -1))
                .map(f -> new SearchDocument(Long.parseLong(f[0]), Long.parseLong(f[1]), f[2], f[3], f[4], "Course " + f[0], f[5],
                        f[6], ""))
                .toList();
    }

    static Stream<Query> queries() throws IOException {
        return lines("golden-queries.tsv").stream().map(l -> l.split("\t", -1))
                .map(f -> new Query(f[0], split(f[1]), split(f.length > 2 ? f[2] : "")));
    }

    private static List<String> split(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = CourseIndexTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    private static List<String> keys(SearchResult r) {
        return r.hits().stream().map(SearchResult.Hit::itemKey).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void eachGoldenQueryFindsWhatItMust(Query q) throws IOException {
        SearchResult r = index.search(q.text(), VISIBLE, null, null, 0, 10);
        assertThat(keys(r)).as("hits for %s", q.text()).containsAll(q.mustFind()).doesNotContain("ru-hidden");
        assertThat(keys(r)).as("hits for %s", q.text()).filteredOn(q.mustNotFind()::contains).isEmpty();
        if (q.mustFind().size() == 1) {
            assertThat(keys(r).getFirst()).as("best hit for %s", q.text()).isEqualTo(q.mustFind().getFirst());
        }
    }

    @Test
    void nothingInvisibleLeaksIntoHitsCountsFacetsOrSnippets() throws IOException {
        SearchResult r = index.search("конституция университет", VISIBLE, null, null, 0, 10);
        assertThat(r.byCourse()).doesNotContainKey(4L);
        assertThat(r.total()).isEqualTo(r.byCourse().values().stream().mapToLong(Long::longValue).sum());
        assertThat(r.hits()).allMatch(h -> VISIBLE.contains(h.versionId()));
        assertThat(r.hits()).extracting(SearchResult.Hit::snippetHtml).noneMatch(s -> s.contains("не виден"));

        SearchResult onlyRussian = index.search("университет", Set.of(21L), null, null, 0, 10);
        assertThat(onlyRussian.total()).isZero();
        assertThat(onlyRussian.byCourse()).isEmpty();
        assertThat(index.search("конституция", Set.of(), null, null, 0, 10).total()).isZero();
    }

    @Test
    void facetsCountEveryVisibleHitByCourseAndKindAndFiltersNarrow() throws IOException {
        SearchResult r = index.search("права rights құқық", VISIBLE, null, null, 0, 1);
        assertThat(r.hits()).hasSize(1);
        assertThat(r.total()).isGreaterThanOrEqualTo(3);
        assertThat(r.byKind()).containsKeys("page", "case-study");
        SearchResult pages = index.search("права rights құқық", VISIBLE, null, "page", 0, 10);
        assertThat(pages.hits()).allMatch(h -> h.kind().equals("page"));
        SearchResult oneCourse = index.search("права rights құқық", VISIBLE, 3L, null, 0, 10);
        assertThat(keys(oneCourse)).containsExactly("en-rights");
    }

    @Test
    void snippetsMarkTheMatchedWordsAndEscapeTheRest() throws IOException {
        index.replaceCourse(9, List.of(new SearchDocument(9, 91, "markup", "page", "en", "T", "Markup",
                "A <script>alert(1)</script> lesson about budgets & savings", "")));
        SearchResult r = index.search("budget", Set.of(91L), null, null, 0, 10);
        String snippet = r.hits().getFirst().snippetHtml();
        assertThat(snippet).contains("<mark>budgets</mark>").contains("&lt;script&gt;").doesNotContain("<script>")
                .contains("&amp;");
        // A word found with a typo is marked too.
        assertThat(index.search("lessom", Set.of(91L), null, null, 0, 10).hits().getFirst().snippetHtml())
                .contains("<mark>lesson</mark>");
        index.removeCourse(9);
    }

    @Test
    void anApprovedVersionIsSearchableAtOnceAndAWithdrawnOneIsGone() throws IOException {
        SearchDocument v1 = new SearchDocument(7, 71, "p", "page", "ru", "Курс", "Страница", "Первая версия про налоги", "");
        index.replaceCourse(7, List.of(v1));
        assertThat(index.search("налоги", Set.of(71L), null, null, 0, 10).total()).isEqualTo(1);
        SearchDocument v2 = new SearchDocument(7, 72, "p", "page", "ru", "Курс", "Страница", "Вторая версия про пенсии", "");
        index.replaceCourse(7, List.of(v2));
        assertThat(index.search("налоги", Set.of(71L, 72L), null, null, 0, 10).total()).isZero();
        assertThat(index.search("пенсии", Set.of(72L), null, null, 0, 10).total()).isEqualTo(1);
        index.removeCourse(7);
        assertThat(index.search("пенсии", Set.of(72L), null, null, 0, 10).total()).isZero();
    }

    @Test
    void captionCuesKeepTheirMomentForTheHit() throws IOException {
        index.replaceCourse(8, List.of(new SearchDocument(8, 81, "lecture", "media", "kk", "Курс", "Бейнедәріс",
                "Аз да болса, әр айда жинақ жасаңыз.", "t=8")));
        SearchResult.Hit hit = index.search("жинақ", Set.of(81L), null, null, 0, 10).hits().getFirst();
        assertThat(hit.anchor()).isEqualTo("t=8");
        assertThat(hit.snippetHtml()).contains("<mark>жинақ</mark>");
        index.removeCourse(8);
    }

    @Test
    void badQueriesAreRefusedWithAReason() {
        assertThatThrownBy(() -> index.search("  ", VISIBLE, null, null, 0, 10))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.reason()).isEqualTo(InvalidQueryException.Reason.EMPTY));
        assertThatThrownBy(() -> index.search("а".repeat(201), VISIBLE, null, null, 0, 10))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.reason()).isEqualTo(InvalidQueryException.Reason.TOO_LONG));
        assertThatThrownBy(() -> index.search("\"трудовой договор", VISIBLE, null, null, 0, 10))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidQueryException.Reason.UNBALANCED_QUOTES));
        assertThatThrownBy(() -> index.search("*?! :-", VISIBLE, null, null, 0, 10))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.reason()).isEqualTo(InvalidQueryException.Reason.NO_WORDS));
    }

    @Test
    void wildcardsAndQuerySyntaxAreOnlyCharacters() throws IOException {
        // No leading (or any) wildcards: "*rights*" is the word rights, and "title:x" is two words.
        assertThat(keys(index.search("*rights*", VISIBLE, null, null, 0, 10))).contains("en-rights");
        assertThat(index.search("version:41 конституция", VISIBLE, null, null, 0, 10).hits())
                .noneMatch(h -> h.versionId() == 41);
    }

    @Test
    void pagesFollowOneAnother() throws IOException {
        SearchResult first = index.search("права rights құқық конституция university бюджет", VISIBLE, null, null, 0, 2);
        SearchResult second = index.search("права rights құқық конституция university бюджет", VISIBLE, null, null, 1, 2);
        assertThat(first.hits()).hasSize(2);
        assertThat(keys(second)).doesNotContainAnyElementsOf(keys(first));
        assertThat(first.total()).isEqualTo(second.total());
    }

    @Test
    void theIndexOutlivesAReopenOnDisk(@TempDir Path folder) throws IOException {
        try (CourseIndex onDisk = CourseIndex.open(folder)) {
            onDisk.replaceCourse(1, corpus().stream().filter(d -> d.courseId() == 1).toList());
        }
        try (CourseIndex again = CourseIndex.open(folder)) {
            assertThat(again.size()).isEqualTo(4);
            assertThat(again.search("кітап", Set.of(11L), null, null, 0, 10).total()).isPositive();
        }
        List<String> names = new ArrayList<>();
        try (var files = java.nio.file.Files.list(folder)) {
            files.forEach(p -> names.add(p.getFileName().toString()));
        }
        assertThat(names).anyMatch(n -> n.startsWith("segments"));
    }

    @Test
    void theMarkOfTheLastCommitSurvivesAReopenAndAFreshIndexStartsAtZero(@TempDir Path folder) throws IOException {
        try (CourseIndex first = CourseIndex.open(folder)) {
            assertThat(first.fresh()).isTrue();
            assertThat(first.mark()).isZero();
            first.replaceCourse(1, corpus().stream().filter(d -> d.courseId() == 1).toList());
            first.commit(42);
        }
        try (CourseIndex again = CourseIndex.open(folder)) {
            assertThat(again.fresh()).isFalse();
            assertThat(again.mark()).isEqualTo(42);
            assertThat(again.size()).isEqualTo(4);
        }
    }

    @Test
    void anIndexOfAnotherFormatIsEmptiedAndCountsAsFresh(@TempDir Path folder) throws IOException {
        try (var dir = org.apache.lucene.store.FSDirectory.open(folder);
             var old = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig())) {
            var doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.StringField("course", "1", org.apache.lucene.document.Field.Store.YES));
            old.addDocument(doc);
            old.setLiveCommitData(Map.of("bilim.format", "0", "bilim.mark", "7").entrySet());
            old.commit();
        }
        try (CourseIndex opened = CourseIndex.open(folder)) {
            assertThat(opened.fresh()).isTrue();
            assertThat(opened.mark()).isZero();
            assertThat(opened.size()).isZero();
        }
    }

    @Test
    void retainingCoursesRemovesEveryOther() throws IOException {
        try (CourseIndex small = CourseIndex.open(new ByteBuffersDirectory())) {
            for (long c : List.of(1L, 2L, 3L)) {
                small.replaceCourse(c, corpus().stream().filter(d -> d.courseId() == c).toList());
            }
            small.retainCourses(List.of(2L));
            assertThat(small.search("права rights құқық конституция бюджет", VISIBLE, null, null, 0, 50).byCourse())
                    .containsOnlyKeys(2L);
        }
    }

    @Test
    void suggestionsCompleteTitlesTheSearcherMaySeeAndNoOthers() throws IOException {
        try (CourseIndex small = CourseIndex.open(new ByteBuffersDirectory())) {
            small.replaceCourse(1, List.of(
                    new SearchDocument(1, 11, "", "course", "ru", "Правовая грамотность", "Правовая грамотность", "", ""),
                    new SearchDocument(1, 11, "contract", "page", "ru", "Правовая грамотность", "Трудовой договор", "текст", ""),
                    new SearchDocument(1, 11, "lecture", "media", "ru", "Правовая грамотность", "Права человека", "реплика 1", "t=1"),
                    new SearchDocument(1, 11, "lecture", "media", "ru", "Правовая грамотность", "Права человека", "реплика 2", "t=5")));
            small.replaceCourse(2, List.of(
                    new SearchDocument(2, 21, "budget", "page", "kk", "Қаржылық сауаттылық", "Отбасылық бюджет", "мәтін", "")));
            small.replaceCourse(3, List.of(
                    new SearchDocument(3, 31, "secret", "page", "ru", "Чужой курс", "Правила побега", "текст", "")));

            List<CourseIndex.Suggestion> prav = small.suggest("прав", Set.of(11L, 21L));
            assertThat(prav).extracting(CourseIndex.Suggestion::title)
                    .containsExactly("Правовая грамотность", "Права человека");
            assertThat(prav.get(1).itemKey()).isEqualTo("lecture");
            // Every word typed starts a word of the title, in any order.
            assertThat(small.suggest("гра пра", Set.of(11L))).extracting(CourseIndex.Suggestion::title)
                    .containsExactly("Правовая грамотность");
            // Kazakh typed with Russian letters still meets the Kazakh title.
            assertThat(small.suggest("отбасылык", Set.of(21L))).extracting(CourseIndex.Suggestion::title)
                    .containsExactly("Отбасылық бюджет");
            // Nothing of a course the searcher may not see, however well it matches.
            assertThat(small.suggest("прави", Set.of(11L, 21L))).isEmpty();
            assertThat(small.suggest("прави", Set.of(31L))).extracting(CourseIndex.Suggestion::title)
                    .containsExactly("Правила побега");
            assertThat(small.suggest("п", Set.of(11L))).isEmpty();
            assertThat(small.suggest("*", Set.of(11L))).isEmpty();
            assertThat(small.suggest("а".repeat(201), Set.of(11L))).isEmpty();
        }
    }

    @Test
    void whetherAWordCountsAsATypoIsDecidedWithinWhatTheSearcherMaySee() throws IOException {
        try (CourseIndex small = CourseIndex.open(new ByteBuffersDirectory())) {
            small.replaceCourse(1, List.of(new SearchDocument(1, 11, "p", "page", "en", "Mine", "Lesson", "Planning a household budget", "")));
            small.replaceCourse(2, List.of(new SearchDocument(2, 21, "p", "page", "en", "Theirs", "Lesson", "The word budgat", "")));
            // "budgat" exists, but only in a course the learner may not see: for them it is a typo of "budget".
            assertThat(small.search("budgat", Set.of(11L), null, null, 0, 10).hits()).extracting(SearchResult.Hit::courseId)
                    .containsExactly(1L);
            // Whoever may see it gets the word as typed, and no near words.
            assertThat(small.search("budgat", Set.of(11L, 21L), null, null, 0, 10).hits()).extracting(SearchResult.Hit::courseId)
                    .containsExactly(2L);
        }
    }
}
