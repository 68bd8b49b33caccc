package org.bilim.courses.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The run-based access filter must match exactly what a plain set query over the versions
 * matches, however the passages came to lie: courses replaced again and again (their old passages
 * deleted), several segments, merges, and a version added twice into one segment with another
 * course in between.
 */
class VisibleVersionsQueryTest {

    @Test
    void matchesExactlyTheDocumentsOfTheVisibleVersionsWhateverTheLayout() throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
             IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()).setMaxBufferedDocs(37)
                     .setMergeScheduler(new SerialMergeScheduler()).setMergePolicy(mergeOnlyWhenForced()))) {
            for (int step = 0; step < 400; step++) {
                long course = 1 + r.nextInt(40);
                long version = course * 100 + r.nextInt(3);
                List<Document> passages = new ArrayList<>();
                for (int i = r.nextInt(1, 12); i > 0; i--) {
                    passages.add(passage(course, version, step));
                }
                if (r.nextInt(10) == 0) {
                    // A version added without replacing: two runs of one version in one segment.
                    w.addDocuments(passages);
                } else {
                    w.updateDocuments(new Term("course", Long.toString(course)), passages);
                }
                if (step == 250) {
                    w.forceMerge(3);
                }
            }
            w.commit();
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(2);
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int round = 0; round < 50; round++) {
                    Set<Long> visible = new HashSet<>();
                    int n = round == 0 ? 200 : r.nextInt(0, 30);
                    for (int i = 0; i < n; i++) {
                        visible.add((1 + r.nextInt(40)) * 100L + r.nextInt(3));
                    }
                    long[] versions = visible.stream().mapToLong(Long::longValue).toArray();
                    assertThat(matches(searcher, new VisibleVersionsQuery(versions)))
                            .as("versions %s", new TreeSet<>(visible))
                            .isEqualTo(matches(searcher, LongField.newSetQuery("versionId", versions)));
                }
                // Combined with words, as a search uses it.
                long[] some = {300, 301, 1700, 2502};
                Query words = new TermQuery(new Term("word", "even"));
                assertThat(matches(searcher, new BooleanQuery.Builder().add(words, Occur.MUST)
                        .add(new VisibleVersionsQuery(some), Occur.FILTER).build()))
                        .isEqualTo(matches(searcher, new BooleanQuery.Builder().add(words, Occur.MUST)
                                .add(LongField.newSetQuery("versionId", some), Occur.FILTER).build()))
                        .isNotEmpty();
            }
        }
    }

    @Test
    void equalScopesAreEqualQueriesWhateverTheOrder() {
        assertThat(new VisibleVersionsQuery(new long[] {3, 1, 2, 2})).isEqualTo(new VisibleVersionsQuery(new long[] {1, 2, 3}))
                .hasSameHashCodeAs(new VisibleVersionsQuery(new long[] {2, 3, 1}))
                .isNotEqualTo(new VisibleVersionsQuery(new long[] {1, 2}));
    }

    /** Segments stay as flushed (many of them, deterministic) until the test forces a merge. */
    private static LogDocMergePolicy mergeOnlyWhenForced() {
        LogDocMergePolicy policy = new LogDocMergePolicy();
        policy.setMergeFactor(1000);
        return policy;
    }

    private static Set<Integer> matches(IndexSearcher searcher, Query filter) throws IOException {
        Query q = filter instanceof BooleanQuery ? filter
                : new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST).add(filter, Occur.FILTER).build();
        Set<Integer> docs = new TreeSet<>();
        for (ScoreDoc sd : searcher.search(q, Integer.MAX_VALUE).scoreDocs) {
            docs.add(sd.doc);
        }
        return docs;
    }

    private static Document passage(long course, long version, int step) {
        Document d = new Document();
        d.add(new StringField("course", Long.toString(course), Field.Store.NO));
        d.add(new LongField("versionId", version, Field.Store.NO));
        d.add(new StringField("word", step % 2 == 0 ? "even" : "odd", Field.Store.NO));
        d.add(new StoredField("step", step));
        return d;
    }
}
