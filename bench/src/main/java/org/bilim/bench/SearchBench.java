package org.bilim.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Version;
import org.bilim.courses.search.CourseIndex;
import org.bilim.courses.search.InvalidQueryException;
import org.bilim.courses.search.SearchResult;

/**
 * Course search in process, without a server: how fast {@link CourseIndex} indexes a large corpus
 * and how fast it answers the searches learners and officers make.
 *
 * <p>Indexing: a deterministic corpus ({@link SearchCorpus}, generated course by course from a seed
 * in Kazakh, Russian and English) of about {@code --megabytes} of text goes into a fresh index,
 * one {@link CourseIndex#replaceCourse} call per course, as an approval does. Only those calls and
 * the final commit are timed (generating the text is timed apart); the figures are text MB/s,
 * passages/s and the index's size on disk after the final commit.
 *
 * <p>Searching: three kinds of query — a term (one word), a boolean query (2–3 words, sometimes of
 * two languages; as in the real search, any of them may match) and a phrase (two adjacent words in
 * double quotes, taken from the generated text so they occur) — with words in inflected forms.
 * Queries alternate between two access scopes: a learner who may see 5 random courses, and an
 * officer who may see every course. Each asks for the first page of 10, so the total, the facets
 * and the highlighted snippets are all computed, as the API does. After a warm-up, each kind runs
 * a fixed number of queries with 1 and then 8 client threads, and each query's latency is
 * recorded. The table shows p50/p99/max, queries/s, the cores the JVM kept busy meanwhile (fewer
 * than min(clients, cores) means the machine was shared or threads waited), p99 per scope, and how
 * many queries found nothing. The last line says whether p99 stayed within 50 ms at 8 clients for
 * every kind. Nothing is asserted: the benchmark prints figures and never fails a build.
 *
 * <p>Arguments: {@code [--megabytes 1024] [--seed 42] [--dir bench/target/search-index]
 * [--queries 2000] [--warmup 2000] [--clients 1,8]}. MB are 2^20 bytes of UTF-8.
 */
public final class SearchBench {
    private static final double MB = 1 << 20;
    private static final double TARGET_P99_MILLIS = 50;
    private static final int LEARNER_COURSES = 5;
    private static final int PAGE_SIZE = 10;
    private static final Set<String> OPTIONS = Set.of("megabytes", "seed", "dir", "queries", "warmup", "clients");

    enum Kind { TERM, BOOLEAN, PHRASE }

    enum Scope { LEARNER, OFFICER }

    record Query(Kind kind, Scope scope, String text, List<Long> visibleVersions) {
    }

    /** What indexing left: the courses (for the queries), and its figures. */
    record Indexed(List<SearchCorpus.Summary> courses, long bytes, long passages, long generationNanos, long indexingNanos,
                   long finalCommitNanos) {
        double seconds() {
            return (indexingNanos + finalCommitNanos) / 1e9;
        }
    }

    /** The latencies and hit counts of one kind of query at one number of clients. */
    record Run(int clients, List<Query> queries, long[] nanos, long[] totals, double seconds, double cpuSeconds, int refused,
               String firstRefused) {
        Kind kind() {
            return queries.getFirst().kind();
        }

        double millis(double percentile) {
            return millis(percentile, null);
        }

        /** A percentile of the latencies in ms, of one scope's queries or (null) of all. */
        double millis(double percentile, Scope scope) {
            double[] ms = new double[nanos.length];
            int n = 0;
            for (int i = 0; i < nanos.length; i++) {
                if (scope == null || queries.get(i).scope() == scope) {
                    ms[n++] = nanos[i] / 1e6;
                }
            }
            return Http.percentile(Arrays.copyOf(ms, n), percentile);
        }

        double perSecond() {
            return nanos.length / seconds;
        }

        /** Cores this JVM kept busy (queries, GC, JIT): below min(clients, cores), something else held the CPU or threads waited. */
        double cores() {
            return cpuSeconds / seconds;
        }

        long zeroHits() {
            return Arrays.stream(totals).filter(t -> t == 0).count();
        }

        long medianHits() {
            long[] sorted = totals.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Http.options(args);
        Set<String> unknown = new TreeSet<>(a.keySet());
        unknown.removeAll(OPTIONS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + unknown + "; known: --" + String.join(" --", new TreeSet<>(OPTIONS)));
        }
        double megabytes = Double.parseDouble(a.getOrDefault("megabytes", "1024"));
        long seed = Long.parseLong(a.getOrDefault("seed", "42"));
        Path dir = Path.of(a.getOrDefault("dir", "bench/target/search-index"));
        int perKind = Integer.parseInt(a.getOrDefault("queries", "2000"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "2000"));
        List<Integer> clients = Stream.of(a.getOrDefault("clients", "1,8").split(",")).map(String::strip).map(Integer::parseInt).toList();

        System.out.printf("Bilim search benchmark, in process (no server): %s %s, %d cores (load average %.1f), heap up to %d MB, "
                        + "Lucene %s%n", System.getProperty("java.vm.name"), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().maxMemory() >> 20,
                Version.LATEST);
        System.out.printf("corpus of %.0f MB (seed %d) indexed into %s; %d queries per kind and client count, %d warm-up queries%n",
                megabytes, seed, dir, perKind, warmup);
        Indexed indexed = index(dir, megabytes, seed);
        report(indexed, dir);
        List<Run> runs = search(dir, new Queries(indexed.courses(), seed), clients, perKind, warmup);
        conclude(runs, clients.stream().max(Integer::compare).orElse(1));
    }

    private static void report(Indexed ix, Path dir) throws IOException {
        Map<String, Long> byLanguage = ix.courses().stream()
                .collect(Collectors.groupingBy(SearchCorpus.Summary::language, LinkedHashMap::new, Collectors.counting()));
        System.out.printf("generated %7.1f MB of text: %d courses (%s), %,d passages, in %.1f s (not counted below)%n",
                ix.bytes() / MB, ix.courses().size(), byLanguage.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")), ix.passages(), ix.generationNanos() / 1e9);
        System.out.printf("indexed   %7.1f MB, %,d passages, %d courses in %.1f s (final commit %.1f s): %.2f MB/s, %,.0f passages/s%n",
                ix.bytes() / MB, ix.passages(), ix.courses().size(), ix.seconds(), ix.finalCommitNanos() / 1e9,
                ix.bytes() / MB / ix.seconds(), ix.passages() / ix.seconds());
        long onDisk = sizeOnDisk(dir);
        try (FSDirectory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            System.out.printf("index     %7.1f MB on disk after the final commit (%.2f bytes per byte of text), %d segments, %,d documents%n",
                    onDisk / MB, (double) onDisk / ix.bytes(), reader.leaves().size(), reader.numDocs());
            if (reader.numDocs() != ix.passages()) {
                throw new IllegalStateException("the committed index holds " + reader.numDocs() + " documents, not the " + ix.passages()
                        + " passages indexed: the final commit in SearchBench.index() no longer keeps everything");
            }
        }
    }

    /** Reopens the index as a server would after a restart, warms up, then runs every kind at every client count. */
    private static List<Run> search(Path dir, Queries queries, List<Integer> clients, int perKind, int warmup) throws Exception {
        List<Run> runs = new ArrayList<>();
        try (CourseIndex index = CourseIndex.open(dir)) {
            List<Query> warm = new ArrayList<>();
            for (int i = 0; i < warmup; i++) {
                warm.add(queries.next(Kind.values()[i % 3], Scope.values()[(i / 3) % 2]));
            }
            long t0 = System.nanoTime();
            run(index, clients.stream().max(Integer::compare).orElse(1), warm);
            System.out.printf("warm-up: %d queries of all kinds in %.1f s; page 0 of %d hits with total, facets and snippets; "
                            + "learner (%d courses) and officer (all %d courses) alternately%n", warmup,
                    (System.nanoTime() - t0) / 1e9, PAGE_SIZE, LEARNER_COURSES, queries.courses.size());
            System.out.println("for example: " + Stream.of(Kind.values())
                    .map(k -> name(k) + " «" + queries.next(k, Scope.LEARNER).text() + "»").collect(Collectors.joining(", ")));
            System.out.println("clients  kind      queries  p50        p99        max        queries/s  cpu   p99 learner  p99 officer  0 hits  median hits");
            for (int n : clients) {
                for (Kind kind : Kind.values()) {
                    List<Query> list = new ArrayList<>();
                    for (int i = 0; i < perKind; i++) {
                        list.add(queries.next(kind, Scope.values()[i % 2]));
                    }
                    Run r = run(index, n, list);
                    runs.add(r);
                    System.out.printf("%-8d %-8s %8d  %6.1f ms  %6.1f ms  %6.1f ms  %9.1f  %4.1f  %8.1f ms  %8.1f ms  %6d  %11d%n", n,
                            name(kind), list.size(), r.millis(50), r.millis(99), r.millis(100), r.perSecond(), r.cores(),
                            r.millis(99, Scope.LEARNER), r.millis(99, Scope.OFFICER), r.zeroHits(), r.medianHits());
                }
            }
        }
        return runs;
    }

    private static void conclude(List<Run> runs, int most) {
        runs.stream().filter(r -> r.refused() > 0).forEach(r -> System.out.printf(
                "note: %d %s queries at %d clients were refused as invalid (latency kept, 0 hits counted), e.g. «%s»%n",
                r.refused(), name(r.kind()), r.clients(), r.firstRefused()));
        List<Run> top = runs.stream().filter(r -> r.clients() == most).toList();
        boolean met = top.stream().allMatch(r -> r.millis(99) <= TARGET_P99_MILLIS);
        System.out.printf("p99 <= %.0f ms at %d clients for every kind: %s (%s)%n", TARGET_P99_MILLIS, most, met ? "yes" : "no",
                top.stream().map(r -> String.format(Locale.ROOT, "%s %.1f ms", name(r.kind()), r.millis(99)))
                        .collect(Collectors.joining(", ")));
    }

    private static String name(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Generates the corpus course by course into a fresh index; times the indexing calls and the final commit. */
    private static Indexed index(Path dir, double megabytes, long seed) throws IOException {
        emptyFolder(dir);
        SearchCorpus corpus = new SearchCorpus(seed);
        long target = (long) (megabytes * MB);
        List<SearchCorpus.Summary> courses = new ArrayList<>();
        long bytes = 0;
        long passages = 0;
        long generation = 0;
        long indexing = 0;
        long nextReport = target / 10;
        CourseIndex index = CourseIndex.open(dir);
        try {
            for (long id = 1; bytes < target; id++) {
                long t0 = System.nanoTime();
                SearchCorpus.Course course = corpus.course(id);
                long t1 = System.nanoTime();
                index.replaceCourse(id, course.passages());
                long t2 = System.nanoTime();
                generation += t1 - t0;
                indexing += t2 - t1;
                bytes += course.bytes();
                passages += course.passages().size();
                courses.add(course.summary());
                if (bytes >= nextReport && bytes < target) {
                    System.err.printf("  … %d %% indexed (%.1f MB)%n", 100 * bytes / target, bytes / MB);
                    while (nextReport <= bytes) {
                        nextReport += target / 10;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        // The final commit, as a rebuild ends: replaceCourse only refreshes the searcher (near real
        // time); commit makes it all durable; close waits for merges.
        long t3 = System.nanoTime();
        try (index) {
            index.commit(courses.size());
        }
        return new Indexed(courses, bytes, passages, generation, indexing, System.nanoTime() - t3);
    }

    /** Makes the folder empty; refuses one that holds anything but a Lucene index. */
    private static void emptyFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.toList();
            }
            boolean lucene = files.stream().map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.startsWith("segments") || n.equals("write.lock"));
            if (!files.isEmpty() && (!lucene || files.stream().anyMatch(Files::isDirectory))) {
                throw new IllegalStateException(dir + " holds something other than a search index; give --dir a new or empty folder");
            }
            for (Path f : files) {
                Files.delete(f);
            }
        }
        Files.createDirectories(dir);
    }

    private static long sizeOnDisk(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long sum = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sum += Files.size(f);
            }
            return sum;
        }
    }

    /** Runs the queries on that many threads, each taking the next query until none is left. */
    private static Run run(CourseIndex index, int clients, List<Query> queries) throws Exception {
        long[] nanos = new long[queries.size()];
        long[] totals = new long[queries.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        String[] firstRefused = new String[1];
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < queries.size(); i = next.getAndIncrement()) {
                        Query q = queries.get(i);
                        long t = System.nanoTime();
                        try {
                            SearchResult result = index.search(q.text(), q.visibleVersions(), null, null, 0, PAGE_SIZE);
                            totals[i] = result.total();
                        } catch (InvalidQueryException e) {
                            if (refused.getAndIncrement() == 0) {
                                firstRefused[0] = q.text();
                            }
                        }
                        nanos[i] = System.nanoTime() - t;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Run(clients, queries, nanos, totals, seconds, (processCpuNanos() - cpu) / 1e9, refused.get(), firstRefused[0]);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The queries, from their own seed. Each has a context: a course the searcher may see (one of
     * the learner's five, or any for the officer); its language is the query's, and its topic's
     * words are drawn a little more often, as people search for what their courses are about.
     */
    private static final class Queries {
        private final List<SearchCorpus.Summary> courses;
        private final List<Long> allVersions;
        private final RandomGenerator r;

        Queries(List<SearchCorpus.Summary> courses, long seed) {
            this.courses = courses;
            this.allVersions = courses.stream().map(SearchCorpus.Summary::versionId).toList();
            this.r = new SplittableRandom(seed ^ 0x51A2C3D4E5F60718L);
        }

        Query next(Kind kind, Scope scope) {
            List<SearchCorpus.Summary> visible = scope == Scope.OFFICER ? courses : learnerCourses();
            List<Long> versions = scope == Scope.OFFICER ? allVersions : visible.stream().map(SearchCorpus.Summary::versionId).toList();
            SearchCorpus.Summary context = Prose.pick(r, visible);
            Prose prose = Prose.of(context.language());
            String text = switch (kind) {
                case TERM -> prose.queryWord(r, context.topic());
                case BOOLEAN -> {
                    StringJoiner words = new StringJoiner(" ");
                    for (int i = 2 + r.nextInt(2); i > 0; i--) {
                        words.add(r.nextInt(100) < 25 ? otherLanguage(prose).queryWord(r, context.topic())
                                : prose.queryWord(r, context.topic()));
                    }
                    yield words.toString();
                }
                case PHRASE -> "\"" + phrase(context, visible) + "\"";
            };
            return new Query(kind, scope, text, versions);
        }

        private List<SearchCorpus.Summary> learnerCourses() {
            if (courses.size() <= LEARNER_COURSES) {
                return courses;
            }
            List<SearchCorpus.Summary> chosen = new ArrayList<>();
            while (chosen.size() < LEARNER_COURSES) {
                SearchCorpus.Summary c = Prose.pick(r, courses);
                if (!chosen.contains(c)) {
                    chosen.add(c);
                }
            }
            return chosen;
        }

        private Prose otherLanguage(Prose not) {
            List<String> others = CourseIndex.LANGUAGES.stream().filter(l -> !l.equals(not.language())).toList();
            return Prose.of(Prose.pick(r, others));
        }

        private String phrase(SearchCorpus.Summary context, List<SearchCorpus.Summary> visible) {
            if (!context.phrases().isEmpty()) {
                return Prose.pick(r, context.phrases());
            }
            return visible.stream().flatMap(c -> c.phrases().stream()).findFirst().orElse("");
        }
    }
}
