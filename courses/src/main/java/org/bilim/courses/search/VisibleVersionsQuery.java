package org.bilim.courses.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The access filter: passages of the given course versions only.
 *
 * <p>Why not a points or terms set query: an officer's scope is every approved version of the
 * facility, a thousand or more. A set query over them resolves the whole list in every segment for
 * every query (points are walked to estimate its cost, or each match's doc value is hashed into the
 * set), and that cost grew with the scope, not with the words: it was most of an officer's search.
 *
 * <p>Instead this uses how the passages lie: a course version's passages are added with one
 * {@code updateDocuments} call, so they are one run of consecutive document ids in a segment, and
 * merges keep them so. Each segment's table of version → runs is read once from the
 * {@code versionId} doc values when the segment is first searched (segments never change; the
 * table is dropped with the segment), and a query's filter is then those runs, adjacent ones
 * joined: an officer who may see everything in a segment gets one run for the whole segment. The
 * table records every run as it is found, so it is exact even if a version's passages were ever not
 * consecutive; deleted passages inside a run are skipped by Lucene as always.
 */
final class VisibleVersionsQuery extends Query {
    private static final String FIELD = "versionId";
    /** Per segment core: version → its runs as [start, end) pairs. */
    private static final Map<IndexReader.CacheKey, Map<Long, int[]>> RUNS = new ConcurrentHashMap<>();

    private final long[] versions;
    private final int hash;

    VisibleVersionsQuery(long[] versions) {
        this.versions = Arrays.stream(versions).sorted().distinct().toArray();
        this.hash = Arrays.hashCode(this.versions);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                int[] runs = visibleRuns(context.reader());
                if (runs.length == 0) {
                    return null;
                }
                long cost = 0;
                for (int i = 0; i < runs.length; i += 2) {
                    cost += runs[i + 1] - runs[i];
                }
                long total = cost;
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) {
                        return new ConstantScoreScorer(score(), scoreMode, new RunsIterator(runs, total));
                    }

                    @Override
                    public long cost() {
                        return total;
                    }
                };
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                // Already as cheap as a cached bit set, and caching per scope would only fill the cache.
                return false;
            }
        };
    }

    /** The runs of this query's versions in a segment, sorted, adjacent ones joined. */
    private int[] visibleRuns(LeafReader reader) throws IOException {
        Map<Long, int[]> table = table(reader);
        List<int[]> found = new ArrayList<>();
        if (table.size() < versions.length) {
            table.forEach((version, runs) -> {
                if (Arrays.binarySearch(versions, version) >= 0) {
                    found.add(runs);
                }
            });
        } else {
            for (long v : versions) {
                int[] runs = table.get(v);
                if (runs != null) {
                    found.add(runs);
                }
            }
        }
        int n = found.stream().mapToInt(r -> r.length).sum();
        long[] packed = new long[n / 2];
        int k = 0;
        for (int[] runs : found) {
            for (int i = 0; i < runs.length; i += 2) {
                packed[k++] = ((long) runs[i] << 32) | runs[i + 1];
            }
        }
        Arrays.sort(packed);
        int[] joined = new int[n];
        int m = 0;
        for (long p : packed) {
            int start = (int) (p >>> 32);
            int end = (int) p;
            if (m > 0 && joined[m - 1] >= start) {
                joined[m - 1] = Math.max(joined[m - 1], end);
            } else {
                joined[m++] = start;
                joined[m++] = end;
            }
        }
        return Arrays.copyOf(joined, m);
    }

    private static Map<Long, int[]> table(LeafReader reader) throws IOException {
        IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
        if (helper == null) {
            return readTable(reader);
        }
        Map<Long, int[]> table = RUNS.get(helper.getKey());
        if (table == null) {
            table = readTable(reader);
            if (RUNS.putIfAbsent(helper.getKey(), table) == null) {
                helper.addClosedListener(RUNS::remove);
            }
        }
        return table;
    }

    /** Reads a segment's version of every document, in order, as runs. */
    private static Map<Long, int[]> readTable(LeafReader reader) throws IOException {
        SortedNumericDocValues values = DocValues.getSortedNumeric(reader, FIELD);
        Map<Long, List<Integer>> runs = new HashMap<>();
        long current = Long.MIN_VALUE;
        int start = -1;
        int last = -2;
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            long version = values.nextValue();
            if (version != current || doc != last + 1) {
                if (start >= 0) {
                    runs.computeIfAbsent(current, v -> new ArrayList<>()).addAll(List.of(start, last + 1));
                }
                current = version;
                start = doc;
            }
            last = doc;
        }
        if (start >= 0) {
            runs.computeIfAbsent(current, v -> new ArrayList<>()).addAll(List.of(start, last + 1));
        }
        Map<Long, int[]> table = new HashMap<>();
        runs.forEach((v, list) -> table.put(v, list.stream().mapToInt(Integer::intValue).toArray()));
        return Map.copyOf(table);
    }

    /** Iterates the documents of sorted, disjoint [start, end) runs; tells a conjunction where a run ends. */
    private static final class RunsIterator extends DocIdSetIterator {
        private final int[] runs;
        private final long cost;
        private int run = -2;
        private int doc = -1;

        RunsIterator(int[] runs, long cost) {
            this.runs = runs;
            this.cost = cost;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            if (run >= 0 && run < runs.length && target < runs[run + 1]) {
                return doc = Math.max(target, runs[run]);
            }
            // The first run that ends after the target.
            int lo = Math.max(0, run / 2 + 1);
            int hi = runs.length / 2 - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (runs[2 * mid + 1] <= target) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (lo >= runs.length / 2) {
                run = runs.length;
                return doc = NO_MORE_DOCS;
            }
            run = 2 * lo;
            return doc = Math.max(target, runs[run]);
        }

        @Override
        public int docIDRunEnd() throws IOException {
            return run >= 0 && run < runs.length ? runs[run + 1] : super.docIDRunEnd();
        }

        @Override
        public long cost() {
            return cost;
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(FIELD)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String field) {
        return "visibleVersions(" + versions.length + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && Arrays.equals(versions, ((VisibleVersionsQuery) other).versions);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + hash;
    }
}
