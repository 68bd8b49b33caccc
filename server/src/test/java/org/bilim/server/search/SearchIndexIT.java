package org.bilim.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.bilim.courses.content.CourseContent;
import org.bilim.courses.content.CourseModule;
import org.bilim.courses.content.PageItem;
import org.bilim.courses.search.SearchResult;
import org.bilim.server.catalogue.Course;
import org.bilim.server.catalogue.CourseVersion;
import org.bilim.server.catalogue.University;
import org.bilim.server.facilities.Facility;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.Language;
import org.bilim.server.staff.Role;
import org.bilim.server.staff.StaffAccount;
import org.bilim.server.testing.Deployments;
import org.bilim.server.testing.TestData;
import org.bilim.server.vetting.CourseApproval;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The index is derived data: a change is searchable once applied after its commit; an index
 * folder that is deleted or damaged is rebuilt from the database when the index opens, and an
 * approval withdrawn takes the course out.
 */
@ExtendWith(ArquillianExtension.class)
class SearchIndexIT {
    private static final Duration REBUILD_LIMIT = Duration.ofMinutes(2);

    @Deployment
    static WebArchive deployment() {
        return Deployments.bilim(SearchIndexIT.class);
    }

    @Inject
    SearchIndex index;

    @Inject
    SearchChanges changes;

    @Inject
    BilimConfig config;

    @Inject
    TestData data;

    /** A course approved in a new facility, its change recorded in the same transaction; its version id. */
    private long approvedCourse(String word) {
        Facility facility = data.facility();
        return data.inTx(em -> {
            StaffAccount officer = new StaffAccount(TestData.unique("officer-"), "Officer", Role.OFFICER, em.merge(facility),
                    Language.RU, "not-a-password-hash");
            em.persist(officer);
            University u = new University(TestData.unique("University "));
            em.persist(u);
            Course course = new Course(u, TestData.unique("S-"), "Курс", Language.RU, 2);
            em.persist(course);
            CourseContent content = new CourseContent("Курс " + word, "", List.of(new CourseModule("week-1", "Неделя 1",
                    List.of(new PageItem("page", "Страница", "<p>Здесь речь идёт про " + word + " и другое.</p>", List.of())))));
            CourseVersion v = new CourseVersion(course, 1, content, "[]", null);
            em.persist(v);
            v.freeze();
            em.flush();
            em.persist(new CourseApproval(v, facility.id(), CourseApproval.Decision.APPROVED, v.contentHash(), null, officer.id()));
            changes.record(course.id());
            em.flush();
            return v.id();
        });
    }

    private long hits(String word, long version) {
        SearchResult r = index.search(word, Set.of(version), null, null, 0, 10);
        return r.total();
    }

    @Test
    void aCommittedApprovalIsSearchableOnceAppliedAndAWithdrawalTakesItOut() {
        String word = "квазиморфизм" + TestData.unique("").toLowerCase();
        long version = approvedCourse(word);
        index.changed();
        assertThat(hits(word, version)).isEqualTo(2);

        data.run(em -> {
            CourseVersion v = em.find(CourseVersion.class, version);
            CourseApproval approved = em.createQuery("SELECT a FROM CourseApproval a WHERE a.version = :v", CourseApproval.class)
                    .setParameter("v", v).getSingleResult();
            em.persist(new CourseApproval(v, approved.facilityId(), CourseApproval.Decision.REJECTED, v.contentHash(),
                    "withdrawn", approved.decidedBy()));
            changes.record(v.course().id());
        });
        index.changed();
        assertThat(hits(word, version)).isZero();
    }

    /**
     * Another node's approval: its transaction records the change, but nobody here calls
     * {@code changed()}. This node's poll of the feed must pick it up on its own.
     */
    @Test
    void aChangeCommittedByAnotherNodeIsPickedUpByThePoll() throws InterruptedException {
        String word = "гетероморфизм" + TestData.unique("").toLowerCase();
        long version = approvedCourse(word);
        long deadline = System.nanoTime() + config.searchPoll().multipliedBy(3).plusSeconds(5).toNanos();
        while (hits(word, version) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(hits(word, version)).isEqualTo(2);
    }

    @Test
    void aDeletedIndexFolderIsRebuiltFromTheDatabaseWhenTheIndexOpens() throws Exception {
        String word = "гиперкуб" + TestData.unique("").toLowerCase();
        long version = approvedCourse(word);
        index.changed();
        Path folder = config.dataDir().resolve("index");

        index.close();
        deleteTree(folder);
        index.open();
        assertThat(index.status().reason()).isEqualTo(SearchIndex.Reason.STARTUP_MISSING);
        SearchIndex.Status done = index.awaitIdle(REBUILD_LIMIT);
        assertThat(done.state()).isEqualTo(SearchIndex.State.READY);
        assertThat(done.coursesDone()).isEqualTo(done.coursesTotal()).isPositive();
        assertThat(done.coursesFailed()).isZero();
        assertThat(hits(word, version)).isEqualTo(2);
    }

    @Test
    void aDamagedIndexIsThrownAwayAndRebuilt() throws Exception {
        String word = "тетраэдр" + TestData.unique("").toLowerCase();
        long version = approvedCourse(word);
        index.changed();
        Path folder = config.dataDir().resolve("index");

        index.close();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.write(f, "not a Lucene file".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        index.open();
        assertThat(index.status().reason()).isEqualTo(SearchIndex.Reason.STARTUP_CORRUPT);
        assertThat(index.awaitIdle(REBUILD_LIMIT).state()).isEqualTo(SearchIndex.State.READY);
        assertThat(hits(word, version)).isEqualTo(2);
    }

    @Test
    void anAdministratorsRebuildReportsItsProgressAndKeepsTheMark() throws Exception {
        String word = "параллелепипед" + TestData.unique("").toLowerCase();
        long version = approvedCourse(word);
        SearchIndex.Status started = index.rebuild(SearchIndex.Reason.ADMIN);
        assertThat(started.state()).isEqualTo(SearchIndex.State.REBUILDING);
        assertThat(started.startedAt()).isNotNull();
        SearchIndex.Status done = index.awaitIdle(REBUILD_LIMIT);
        assertThat(done.state()).isEqualTo(SearchIndex.State.READY);
        assertThat(done.reason()).isEqualTo(SearchIndex.Reason.ADMIN);
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(done.mark()).isEqualTo(changes.latest());
        assertThat(hits(word, version)).isEqualTo(2);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
