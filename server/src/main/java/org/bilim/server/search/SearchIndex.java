package org.bilim.server.search;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.bilim.courses.search.CourseIndex;
import org.bilim.courses.search.SearchResult;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Times;

/**
 * This node's search index, in {@code <data dir>/index}. It is derived data: at start an index
 * that is missing, unreadable or of another format is thrown away and rebuilt from the database in
 * the background, while search answers from what is already indexed; an administrator can rebuild
 * it at any time and watch the progress.
 *
 * <p>It stays current by the {@link SearchChanges change feed}: the node that records a change
 * applies it as soon as the change commits (so an approval is searchable when the officer's
 * request returns), and every node polls the feed for the changes of other nodes. Indexing never
 * runs inside a database transaction's critical path: it reads what it needs in a short read-only
 * transaction after the change committed, and writes the index outside any.
 */
@ApplicationScoped
public class SearchIndex {
    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());
    /** How far behind the mark the feed is read again, for changes that committed late. */
    private static final long LOOK_BACK_IDS = 1000;
    private static final java.time.Duration LOOK_BACK_TIME = java.time.Duration.ofMinutes(10);
    /** How long an officer's request waits for the index to take its change before answering anyway. */
    private static final long APPLY_WAIT_SECONDS = 30;

    public enum Reason { STARTUP_MISSING, STARTUP_CORRUPT, ADMIN }

    public enum State { STARTING, READY, REBUILDING, FAILED }

    /** What an administrator sees: the index's state and the progress of the last rebuild. */
    public record Status(State state, Reason reason, int coursesTotal, int coursesDone, int coursesFailed, long passages,
                         long mark, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
    }

    @Inject
    BilimConfig config;

    @Inject
    SearchChanges changes;

    @Inject
    SearchSource source;

    @Resource
    ManagedScheduledExecutorService executor;

    /** Held by whoever writes the index: the rebuild for its whole run, a catch-up for its changes. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Feed entries in the look-back window already applied on this node. */
    private final Set<Long> applied = new HashSet<>();
    private final Object idle = new Object();
    private volatile CourseIndex index;
    private volatile Status status = new Status(State.STARTING, null, 0, 0, 0, 0, 0, null, null);
    private ScheduledFuture<?> poll;

    /** Opens the index at start; rebuilds it in the background if it is missing, unreadable or of another format. */
    public void open() {
        Path folder = config.dataDir().resolve("index");
        Reason rebuild = null;
        try {
            boolean existed = Files.isDirectory(folder) && !isEmpty(folder);
            CourseIndex opened;
            try {
                opened = CourseIndex.open(folder);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "The search index in " + folder + " cannot be read; it is rebuilt from the database", e);
                deleteTree(folder);
                opened = CourseIndex.open(folder);
                existed = false;
                rebuild = Reason.STARTUP_CORRUPT;
            }
            if (rebuild == null && opened.fresh()) {
                rebuild = existed ? Reason.STARTUP_CORRUPT : Reason.STARTUP_MISSING;
            }
            index = opened;
            status = new Status(State.READY, null, 0, 0, 0, opened.size(), opened.mark(), null, null);
        } catch (IOException e) {
            status = new Status(State.FAILED, null, 0, 0, 0, 0, 0, null, Times.now());
            LOG.log(Level.SEVERE, "The search index in " + folder + " cannot be created; search is unavailable", e);
            return;
        }
        if (rebuild != null) {
            Reason why = rebuild;
            LOG.info(() -> "The search index is rebuilt from the database (" + why + ")");
            rebuild(why);
        } else {
            executor.execute(this::catchUpQuietly);
        }
        long every = config.searchPoll().toMillis();
        poll = executor.scheduleWithFixedDelay(this::catchUpQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** Closes the index: at shutdown, or before an operator replaces the folder. */
    @PreDestroy
    public void close() {
        if (poll != null) {
            poll.cancel(false);
        }
        CourseIndex i = index;
        if (i == null) {
            return;
        }
        writing.lock();
        try {
            index = null;
            i.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing the search index failed; it is checked at the next start", e);
        } finally {
            writing.unlock();
        }
    }

    public Status status() {
        return status;
    }

    /**
     * Waits until no rebuild runs (for a command that rebuilds and then reports, and for tests);
     * the status when it returned.
     */
    public Status awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (status.state() == State.REBUILDING && System.nanoTime() < deadline) {
                idle.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        return status;
    }

    private void signalIdle() {
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    /**
     * Starts a full rebuild in the background, unless one is running; answers the status either
     * way. Search keeps answering from the old content of each course until its new content is in.
     */
    public synchronized Status rebuild(Reason reason) {
        if (status.state() == State.REBUILDING) {
            return status;
        }
        if (index == null) {
            throw new BilimException(ProblemCode.SEARCH_UNAVAILABLE);
        }
        status = new Status(State.REBUILDING, reason, 0, 0, 0, status.passages(), status.mark(), Times.now(), null);
        executor.execute(() -> runRebuild(reason));
        return status;
    }

    private void runRebuild(Reason reason) {
        writing.lock();
        OffsetDateTime started = status.startedAt();
        int done = 0;
        int failed = 0;
        try {
            long mark = changes.latest();
            List<Long> courses = source.decidedCourses();
            Set<Long> kept = new TreeSet<>();
            status = new Status(State.REBUILDING, reason, courses.size(), 0, 0, status.passages(), status.mark(), started, null);
            for (long courseId : courses) {
                try {
                    if (apply(courseId)) {
                        kept.add(courseId);
                    }
                } catch (RuntimeException | IOException e) {
                    failed++;
                    LOG.log(Level.WARNING, "Course " + courseId + " could not be indexed; the rebuild goes on without it", e);
                }
                done++;
                status = new Status(State.REBUILDING, reason, courses.size(), done, failed, status.passages(), status.mark(),
                        started, null);
            }
            index.retainCourses(kept);
            index.commit(mark);
            synchronized (applied) {
                applied.clear();
            }
            status = new Status(State.READY, reason, courses.size(), done, failed, index.size(), mark, started, Times.now());
            int n = done;
            int f = failed;
            LOG.info(() -> "The search index was rebuilt: " + n + " course(s), " + f + " failed");
        } catch (IOException | RuntimeException e) {
            status = new Status(State.FAILED, reason, status.coursesTotal(), done, failed, status.passages(), status.mark(),
                    started, Times.now());
            LOG.log(Level.SEVERE, "The search index rebuild failed; search answers from what was indexed before", e);
        } finally {
            writing.unlock();
            signalIdle();
        }
        catchUpQuietly();
    }

    /**
     * Applies the changes recorded since the index's mark. Called by the node that made a change,
     * once it committed: it waits its turn (bounded, also behind a rebuild) so the change is
     * searchable when it returns; if the wait runs out, the next poll applies it.
     */
    public void changed() {
        if (index == null) {
            return;
        }
        try {
            if (writing.tryLock(APPLY_WAIT_SECONDS, TimeUnit.SECONDS)) {
                try {
                    catchUp();
                } finally {
                    writing.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "A search change could not be applied now; the next poll applies it", e);
        }
    }

    private void catchUpQuietly() {
        if (index == null || !writing.tryLock()) {
            return;
        }
        try {
            catchUp();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Search changes could not be applied; the next poll tries again", e);
        } finally {
            writing.unlock();
        }
    }

    /** With the write lock held: apply every change not yet applied, then commit the new mark. */
    private void catchUp() throws IOException {
        CourseIndex i = index;
        if (i == null) {
            return;
        }
        long mark = i.mark();
        List<SearchChanges.Change> feed = changes.since(mark, mark - LOOK_BACK_IDS, Times.now().minus(LOOK_BACK_TIME));
        Set<Long> courses = new TreeSet<>();
        List<Long> ids = new ArrayList<>();
        synchronized (applied) {
            for (SearchChanges.Change c : feed) {
                if (c.id() > mark || !applied.contains(c.id())) {
                    courses.add(c.courseId());
                    ids.add(c.id());
                }
            }
        }
        if (courses.isEmpty()) {
            return;
        }
        for (long courseId : courses) {
            apply(courseId);
        }
        long newMark = Math.max(mark, ids.stream().mapToLong(Long::longValue).max().orElse(mark));
        i.commit(newMark);
        synchronized (applied) {
            applied.addAll(ids);
            applied.removeIf(id -> id <= newMark - LOOK_BACK_IDS);
        }
        status = new Status(status.state(), status.reason(), status.coursesTotal(), status.coursesDone(),
                status.coursesFailed(), i.size(), newMark, status.startedAt(), status.finishedAt());
        LOG.fine(() -> "Search index: applied changes up to " + newMark + " for courses " + courses);
    }

    /** Puts a course's current passages in the index (or takes it out); whether it is in now. */
    private boolean apply(long courseId) throws IOException {
        var passages = source.passages(courseId);
        if (passages.isEmpty()) {
            index.removeCourse(courseId);
            return false;
        }
        index.replaceCourse(courseId, passages);
        return true;
    }

    public SearchResult search(String text, Collection<Long> visibleVersions, Long courseId, String kind, int page, int size) {
        try {
            return require().search(text, visibleVersions, courseId, kind, page, size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<CourseIndex.Suggestion> suggest(String typed, Collection<Long> visibleVersions) {
        try {
            return require().suggest(typed, visibleVersions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CourseIndex require() {
        CourseIndex i = index;
        if (i == null) {
            throw new BilimException(ProblemCode.SEARCH_UNAVAILABLE);
        }
        return i;
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
