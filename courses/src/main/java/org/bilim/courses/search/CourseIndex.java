package org.bilim.courses.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The search index of course content. One long-lived {@link IndexWriter}; a {@link SearcherManager}
 * refreshed after every change, so an approval is searchable at once (near real time). The index
 * is derived data: it can be deleted and rebuilt from the database at any time.
 *
 * <p>Fields: each passage's text and title are indexed once, in the field of its language
 * ({@code text_kk}, {@code text_ru}, {@code text_en}) with that language's analyser, and with
 * offsets so snippets need no re-analysis. {@code versionId} (points and doc values) is the access
 * filter; {@code course} is the exact-match keyword for replacing a course; {@code course} and
 * {@code kind} also have doc values, for facets.
 *
 * <p>Access is part of every query: the caller passes the versions the searcher may see, and the
 * filter is applied before anything is counted, ranked, faceted or highlighted, so nothing about an
 * invisible course leaks into a figure or a snippet.
 */
public final class CourseIndex implements Closeable {
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    /** A query longer than this is refused: nobody types it at a kiosk. */
    public static final int MAX_QUERY_CHARS = 200;
    /** The most suggestions given for one prefix. */
    public static final int MAX_SUGGESTIONS = 8;
    /** Changes whenever fields or analysers change, so an index of an older release is rebuilt. */
    private static final String FORMAT = "2";
    private static final String FORMAT_KEY = "bilim.format";
    private static final String MARK_KEY = "bilim.mark";
    /**
     * Titles for suggestions as they are typed: words lower-cased and with the Kazakh letters folded
     * but not stemmed, because a prefix of a stem is not what the learner is typing.
     */
    private static final Analyzer SUGGEST_ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new KazakhFoldingFilter(new LowerCaseFilter(source)));
        }
    };
    private static final int FUZZY_MIN_LENGTH = 5;
    private static final FieldType TEXT = textType();
    /** The stored fields a hit or a suggestion shows: everything but the text. */
    private static final java.util.Set<String> HIT_FIELDS = java.util.Set.of("course", "version", "item", "kind", "language",
            "courseTitle", "anchor", "title_kk", "title_ru", "title_en");
    /** A hit's fields and its text, for the snippet. */
    private static final java.util.Set<String> SHOWN_FIELDS = java.util.Set.of("course", "version", "item", "kind", "language",
            "courseTitle", "anchor", "title_kk", "title_ru", "title_en", "text_kk", "text_ru", "text_en");

    private final Directory directory;
    private final SearchAnalyzers analyzers = new SearchAnalyzers();
    private final Analyzer perField;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean fresh;
    private volatile long committedMark;

    private CourseIndex(Directory directory) throws IOException {
        this.directory = directory;
        Map<String, Analyzer> fields = new HashMap<>();
        for (String l : LANGUAGES) {
            fields.put("text_" + l, analyzers.forLanguage(l));
            fields.put("title_" + l, analyzers.forLanguage(l));
        }
        fields.put("suggest", SUGGEST_ANALYZER);
        this.perField = new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
        Map<String, String> committed = DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
        this.writer = new IndexWriter(directory, new IndexWriterConfig(perField).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        try {
            // An index written by another format of this class (other analysers, other fields) is of no use: start empty.
            this.fresh = !FORMAT.equals(committed.get(FORMAT_KEY));
            if (fresh) {
                writer.deleteAll();
            }
            this.committedMark = fresh ? 0 : Long.parseLong(committed.getOrDefault(MARK_KEY, "0"));
            // A reader cannot open an index that was never committed.
            commit(committedMark);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException | RuntimeException e) {
            // Unreadable segments: let go of the write lock, so the owner can delete the folder and start again.
            writer.rollback();
            throw e;
        }
    }

    /**
     * Whether this index started empty: the folder held no index, or one of another format. Its
     * owner then fills it from the database.
     */
    public boolean fresh() {
        return fresh;
    }

    /**
     * The mark of the last commit: how far the owner's change feed had been applied when the
     * index was last made durable (0 for a fresh index).
     */
    public long mark() {
        return committedMark;
    }

    /**
     * Makes every change so far durable, together with the mark of the change feed they reflect.
     * After a crash the index reopens at the last commit and its owner replays changes after the
     * mark; replaying a course is idempotent.
     */
    public synchronized void commit(long mark) throws IOException {
        writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, MARK_KEY, Long.toString(mark)).entrySet());
        writer.commit();
        committedMark = mark;
    }

    /** Opens (or creates) the index in a folder. */
    public static CourseIndex open(Path folder) throws IOException {
        return new CourseIndex(FSDirectory.open(folder));
    }

    /** An index over any directory (tests use a ByteBuffersDirectory). */
    public static CourseIndex open(Directory directory) throws IOException {
        return new CourseIndex(directory);
    }

    /** Replaces everything indexed of a course with the passages of its version, and makes it searchable. */
    public void replaceCourse(long courseId, Collection<SearchDocument> passages) throws IOException {
        List<Document> docs = new ArrayList<>();
        for (SearchDocument p : passages) {
            if (p.courseId() != courseId) {
                throw new IllegalArgumentException("passage of course " + p.courseId() + " given for course " + courseId);
            }
            docs.add(document(p));
        }
        // One atomic update: a searcher sees the old passages or the new ones, never none.
        writer.updateDocuments(new Term("course", Long.toString(courseId)), docs);
        searchers.maybeRefreshBlocking();
    }

    /** Removes a course (its approval was withdrawn everywhere, or it was deleted). */
    public void removeCourse(long courseId) throws IOException {
        writer.deleteDocuments(new Term("course", Long.toString(courseId)));
        searchers.maybeRefreshBlocking();
    }

    /** Removes every course but these: the end of a rebuild, for courses no longer visible anywhere. */
    public void retainCourses(Collection<Long> courseIds) throws IOException {
        writer.deleteDocuments(new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.MUST)
                .add(new TermInSetQuery("course", courseIds.stream().map(c -> new BytesRef(Long.toString(c))).toList()),
                        Occur.MUST_NOT)
                .build());
        searchers.maybeRefreshBlocking();
    }

    public int size() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    /**
     * Searches what the caller may see ({@code visibleVersions}), optionally within one course or
     * one kind of item. Words may be in any of the three languages; words in double quotes are a
     * phrase; longer words also match with one typo.
     *
     * @throws InvalidQueryException for an empty, too long or unbalanced query
     */
    public SearchResult search(String text, Collection<Long> visibleVersions, Long courseId, String kind, int page, int size)
            throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            Query visible = visibleTo(visibleVersions);
            Query parsed = parse(text, searcher, visible);
            // Typos expanded once, into words this index holds: ranking, facets and snippets then all
            // work on plain terms, and the highlighter reads offsets from the postings instead of
            // analysing the stored text of every hit again.
            Query matching = searcher.rewrite(parsed);
            BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(matching, Occur.MUST)
                    .add(visible, Occur.FILTER);
            if (courseId != null) {
                filtered.add(new TermQuery(new Term("course", Long.toString(courseId))), Occur.FILTER);
            }
            if (kind != null) {
                filtered.add(new TermQuery(new Term("kind", kind)), Occur.FILTER);
            }
            int from = Math.max(0, page) * size;
            int wanted = Math.max(1, from + size);
            Query query = filtered.build();
            TopDocs top;
            Facets facets;
            if (hasPhrase(matching)) {
                // A phrase matches few passages but costs a walk through positions for each
                // candidate: one pass gathers the best hits, the total and the facets together.
                Object[] both = searcher.search(query, new MultiCollectorManager(
                        new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE), new FacetManager()));
                top = (TopDocs) both[0];
                facets = (Facets) both[1];
            } else {
                // Words: two passes. The best hits, scoring only what can still make the page
                // (block-max WAND skips the rest), then the total and facets over every match
                // without scores. One pass would score every match, which an officer's wide
                // scope makes the larger cost.
                top = searcher.search(query, new TopScoreDocCollectorManager(wanted, wanted));
                facets = searcher.search(query, new FacetManager());
            }
            ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(top.scoreDocs, Math.min(from, top.scoreDocs.length), top.scoreDocs.length);
            List<SearchResult.Hit> hits = hits(searcher, matching, pageDocs);
            return new SearchResult(facets.total, hits, facets.byCourse, facets.byKind);
        } finally {
            searchers.release(searcher);
        }
    }

    private static boolean hasPhrase(Query matching) {
        return matching instanceof BooleanQuery b && b.clauses().stream().anyMatch(c -> c.query() instanceof PhraseQuery);
    }

    /**
     * Titles of visible courses and items that start with what has been typed: every typed word is
     * the beginning of a word of the title, in any order ("прав гра" finds "Правовая грамотность").
     * Only what the caller may see is looked at, so no word of another course can appear. Fewer
     * than two letters give nothing.
     */
    public List<Suggestion> suggest(String typed, Collection<Long> visibleVersions) throws IOException {
        if (typed == null || typed.length() > MAX_QUERY_CHARS) {
            return List.of();
        }
        List<String> words = analyse(SUGGEST_ANALYZER, typed);
        if (words.isEmpty() || words.size() > 6 || String.join("", words).length() < 2) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String w : words) {
            q.add(new PrefixQuery(new Term("suggest", w)), Occur.MUST);
        }
        q.add(visibleTo(visibleVersions), Occur.FILTER);
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(q.build(), 200);
            StoredFields stored = searcher.storedFields();
            Map<String, Suggestion> distinct = new LinkedHashMap<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = stored.document(sd.doc, HIT_FIELDS);
                String title = d.get("title_" + d.get("language"));
                Suggestion s = new Suggestion(title, Long.parseLong(d.get("course")), Long.parseLong(d.get("version")),
                        d.get("item"), d.get("kind"), d.get("courseTitle"));
                distinct.putIfAbsent(s.versionId() + "/" + s.itemKey(), s);
            }
            return distinct.values().stream()
                    .sorted(java.util.Comparator.comparing((Suggestion s) -> !s.kind().equals("course"))
                            .thenComparingInt(s -> s.title().length())
                            .thenComparing(Suggestion::title))
                    .limit(MAX_SUGGESTIONS)
                    .toList();
        } finally {
            searchers.release(searcher);
        }
    }

    /** A title that completes what was typed, and where it leads. */
    public record Suggestion(String title, long courseId, long versionId, String itemKey, String kind, String courseTitle) {
    }

    private List<SearchResult.Hit> hits(IndexSearcher searcher, Query matching, ScoreDoc[] docs) throws IOException {
        if (docs.length == 0) {
            return List.of();
        }
        // Each hit's stored fields are read once: what it shows and its text, which the highlighter
        // then takes from here instead of reading (and decompressing) the passage a second time.
        Map<Integer, Document> shown = new HashMap<>();
        StoredFields stored = searcher.storedFields();
        for (ScoreDoc d : docs) {
            shown.put(d.doc, stored.document(d.doc, SHOWN_FIELDS));
        }
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, perField)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withHighlightPhrasesStrictly(true)) {
            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold)
                    throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    CharSequence[] v = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        String text = shown.get(doc).get(fields[f]);
                        // As the highlighter's own loader does: only the beginning of a long text is highlighted.
                        v[f] = text == null ? "" : text.length() > UnifiedHighlighter.DEFAULT_MAX_LENGTH
                                ? text.substring(0, UnifiedHighlighter.DEFAULT_MAX_LENGTH) : text;
                    }
                    values.add(v);
                }
                return values;
            }
        };
        // Each hit is highlighted in its own language's field only: asking every field of every hit
        // looks each query word up in fields the passage does not have.
        Map<Integer, String> snippets = new HashMap<>();
        for (String language : LANGUAGES) {
            int[] ids = java.util.Arrays.stream(docs).mapToInt(d -> d.doc)
                    .filter(id -> language.equals(shown.get(id).get("language"))).toArray();
            if (ids.length > 0) {
                String[] found = highlighter.highlightFields(new String[] {"text_" + language}, matching, ids, new int[] {2})
                        .get("text_" + language);
                for (int i = 0; i < ids.length; i++) {
                    snippets.put(ids[i], found[i]);
                }
            }
        }
        List<SearchResult.Hit> out = new ArrayList<>();
        for (ScoreDoc sd : docs) {
            Document d = shown.get(sd.doc);
            String language = d.get("language");
            String snippet = snippets.get(sd.doc);
            if (snippet == null) {
                String whole = java.util.Objects.requireNonNullElse(d.get("text_" + language), "");
                snippet = escape(whole.length() > 200 ? whole.substring(0, 200) + " …" : whole);
            }
            out.add(new SearchResult.Hit(Long.parseLong(d.get("course")), Long.parseLong(d.get("version")), d.get("item"),
                    d.get("kind"), language, d.get("courseTitle"), d.get("title_" + language), d.get("anchor"), snippet,
                    sd.score));
        }
        return out;
    }

    /**
     * The query a learner typed, as Lucene queries: every word analysed in each language and
     * searched in that language's fields (titles count double), and quoted words as phrases. A
     * word of five letters or more that no passage the searcher may see holds, in any language, is
     * taken for a typo and also matched with one letter wrong; a word found as typed is not, which
     * keeps an ordinary query from expanding into dozens of near words over many courses. Whether a
     * word is found is asked within {@code visible} only, so the answer says nothing about courses
     * the searcher may not see. A passage needs one of the words; the more it has, the higher it
     * ranks.
     */
    Query parse(String text, IndexSearcher searcher, Query visible) throws IOException {
        if (text == null || text.isBlank()) {
            throw new InvalidQueryException(InvalidQueryException.Reason.EMPTY);
        }
        if (text.length() > MAX_QUERY_CHARS) {
            throw new InvalidQueryException(InvalidQueryException.Reason.TOO_LONG);
        }
        if (text.chars().filter(c -> c == '"').count() % 2 != 0) {
            throw new InvalidQueryException(InvalidQueryException.Reason.UNBALANCED_QUOTES);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        String[] parts = text.split("\"", -1);
        int clauses = 0;
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 1) {
                clauses += phrase(all, parts[i]);
                continue;
            }
            for (String word : parts[i].strip().split("\\s+")) {
                Map<String, List<String>> forms = new LinkedHashMap<>();
                BooleanQuery.Builder asTyped = new BooleanQuery.Builder();
                for (String language : LANGUAGES) {
                    List<String> terms = analyse(analyzers.forLanguage(language), word);
                    forms.put(language, terms);
                    terms.forEach(term -> addTerm(asTyped, language, term));
                }
                boolean known = forms.values().stream().anyMatch(t -> !t.isEmpty()) && found(searcher, asTyped, visible);
                for (Map.Entry<String, List<String>> f : forms.entrySet()) {
                    for (String term : f.getValue()) {
                        addTerm(all, f.getKey(), term);
                        if (!known && term.length() >= FUZZY_MIN_LENGTH) {
                            all.add(new BoostQuery(new FuzzyQuery(new Term("text_" + f.getKey(), term), 1, 2), 0.5f), Occur.SHOULD);
                        }
                        clauses += 2;
                    }
                }
            }
        }
        if (clauses == 0) {
            throw new InvalidQueryException(InvalidQueryException.Reason.NO_WORDS);
        }
        return all.build();
    }

    /** Words in quotes: a phrase in each language (one word alone is just that word); the clauses added. */
    private int phrase(BooleanQuery.Builder all, String quoted) {
        int clauses = 0;
        for (String language : LANGUAGES) {
            List<String> terms = analyse(analyzers.forLanguage(language), quoted);
            if (terms.size() > 1) {
                all.add(new PhraseQuery("text_" + language, terms.toArray(String[]::new)), Occur.SHOULD);
                clauses++;
            } else if (terms.size() == 1) {
                addTerm(all, language, terms.getFirst());
                clauses += 2;
            }
        }
        return clauses;
    }

    /** Whether any visible passage matches; stops at the first. */
    private static boolean found(IndexSearcher searcher, BooleanQuery.Builder words, Query visible) throws IOException {
        Query q = new BooleanQuery.Builder().add(words.build(), Occur.MUST).add(visible, Occur.FILTER).build();
        boolean[] any = new boolean[1];
        searcher.search(q, new CollectorManager<Collector, Boolean>() {
            @Override
            public Collector newCollector() {
                return new Collector() {
                    @Override
                    public LeafCollector getLeafCollector(LeafReaderContext context) {
                        if (any[0]) {
                            throw new CollectionTerminatedException();
                        }
                        return new LeafCollector() {
                            @Override
                            public void setScorer(Scorable scorer) {
                            }

                            @Override
                            public void collect(int doc) {
                                any[0] = true;
                                throw new CollectionTerminatedException();
                            }
                        };
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE_NO_SCORES;
                    }
                };
            }

            @Override
            public Boolean reduce(Collection<Collector> collectors) {
                return any[0];
            }
        });
        return any[0];
    }

    private static void addTerm(BooleanQuery.Builder all, String language, String term) {
        all.add(new TermQuery(new Term("text_" + language, term)), Occur.SHOULD);
        all.add(new BoostQuery(new TermQuery(new Term("title_" + language, term)), 2f), Occur.SHOULD);
    }

    /**
     * The access filter: passages of these versions only, as runs of document ids per segment
     * (see {@link VisibleVersionsQuery} for why not a set query).
     */
    private static Query visibleTo(Collection<Long> visibleVersions) {
        return new VisibleVersionsQuery(visibleVersions.stream().mapToLong(Long::longValue).toArray());
    }

    private static List<String> analyse(Analyzer analyzer, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException("analysing a query in memory failed", e);
        }
        return terms;
    }

    private static Document document(SearchDocument p) {
        String language = p.language();
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no analyser for language " + language);
        }
        Document d = new Document();
        d.add(new StringField("id", p.id(), Field.Store.YES));
        d.add(new StringField("course", Long.toString(p.courseId()), Field.Store.YES));
        d.add(new NumericDocValuesField("course", p.courseId()));
        d.add(new StringField("version", Long.toString(p.versionId()), Field.Store.YES));
        d.add(new LongField("versionId", p.versionId(), Field.Store.NO));
        d.add(new StoredField("item", p.itemKey()));
        d.add(new StringField("kind", p.kind(), Field.Store.YES));
        d.add(new SortedDocValuesField("kind", new BytesRef(p.kind())));
        d.add(new StoredField("language", language));
        d.add(new StoredField("courseTitle", p.courseTitle()));
        d.add(new StoredField("anchor", p.anchor()));
        d.add(new Field("title_" + language, p.title(), TEXT));
        d.add(new TextField("suggest", p.title(), Field.Store.NO));
        d.add(new Field("text_" + language, p.text(), TEXT));
        return d;
    }

    private static FieldType textType() {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(true);
        // Offsets in the postings: the highlighter finds matches without analysing stored text again.
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        analyzers.close();
        perField.close();
        directory.close();
    }

    /** Counts of all visible hits by course and kind, gathered in the same pass as the total. */
    private static final class Facets {
        long total;
        final Map<Long, Long> byCourse = new TreeMap<>();
        final Map<String, Long> byKind = new LinkedHashMap<>();
    }

    private static final class FacetManager implements CollectorManager<FacetCollector, Facets> {
        @Override
        public FacetCollector newCollector() {
            return new FacetCollector();
        }

        @Override
        public Facets reduce(Collection<FacetCollector> collectors) {
            Facets f = new Facets();
            for (FacetCollector c : collectors) {
                f.total += c.facets.total;
                c.facets.byCourse.forEach((k, v) -> f.byCourse.merge(k, v, Long::sum));
                c.facets.byKind.forEach((k, v) -> f.byKind.merge(k, v, Long::sum));
            }
            return f;
        }
    }

    /**
     * Counts per course and kind. A course's passages are added in one block, so consecutive hits
     * mostly share a course: counts run until the course changes. Kinds are counted by ordinal.
     */
    private static final class FacetCollector implements Collector {
        final Facets facets = new Facets();

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            NumericDocValues course = context.reader().getNumericDocValues("course");
            SortedDocValues kind = context.reader().getSortedDocValues("kind");
            long[] kinds = new long[kind == null ? 0 : kind.getValueCount()];
            return new LeafCollector() {
                long runCourse = Long.MIN_VALUE;
                long runLength;

                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    facets.total++;
                    if (course != null && course.advanceExact(doc)) {
                        long c = course.longValue();
                        if (c != runCourse) {
                            flushRun();
                            runCourse = c;
                        }
                        runLength++;
                    }
                    if (kind != null && kind.advanceExact(doc)) {
                        kinds[kind.ordValue()]++;
                    }
                }

                private void flushRun() {
                    if (runLength > 0) {
                        facets.byCourse.merge(runCourse, runLength, Long::sum);
                    }
                    runLength = 0;
                }

                @Override
                public void finish() throws IOException {
                    flushRun();
                    for (int ord = 0; ord < kinds.length; ord++) {
                        if (kinds[ord] > 0) {
                            facets.byKind.merge(kind.lookupOrd(ord).utf8ToString(), kinds[ord], Long::sum);
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
