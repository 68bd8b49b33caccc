package org.bilim.server.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bilim.courses.content.ContentCodec;
import org.bilim.courses.content.CourseContent;
import org.bilim.courses.content.FileRef;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;

/**
 * Reads courses and their versions. Frozen versions never change, so their parsed content is
 * kept in a small in-memory cache keyed by version id; that is safe with several nodes, because
 * nothing a node caches can go stale.
 */
@ApplicationScoped
public class CourseCatalogue {
    private static final int CACHE_SIZE = 128;
    private static final java.util.regex.Pattern LINKED_FILE = java.util.regex.Pattern.compile("/api/files/([a-z0-9]{24})");

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    private final Map<Long, CourseContent> frozen = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, CourseContent> eldest) {
                    return size() > CACHE_SIZE;
                }
            });
    /**
     * The title of every frozen version read so far. A frozen version never changes, and a title is
     * small, so all are kept: a search's course facets name hundreds of courses for an officer,
     * more than the content cache holds.
     */
    private final Map<Long, String> frozenTitles = new java.util.concurrent.ConcurrentHashMap<>();

    public Course course(long id) {
        Course c = em.find(Course.class, id);
        if (c == null) {
            throw new BilimException(ProblemCode.COURSE_NOT_FOUND, id);
        }
        return c;
    }

    public CourseVersion version(long courseId, long versionId) {
        CourseVersion v = em.find(CourseVersion.class, versionId);
        if (v == null || v.course().id() != courseId) {
            throw new BilimException(ProblemCode.VERSION_NOT_FOUND, versionId);
        }
        return v;
    }

    public List<CourseVersion> versions(long courseId) {
        return em.createQuery("SELECT v FROM CourseVersion v WHERE v.course.id = :c ORDER BY v.number DESC", CourseVersion.class)
                .setParameter("c", courseId).getResultList();
    }

    public Optional<CourseVersion> latest(long courseId) {
        return versions(courseId).stream().findFirst();
    }

    public Optional<CourseVersion> draft(long courseId) {
        return em.createQuery("SELECT v FROM CourseVersion v WHERE v.course.id = :c AND v.state = :s", CourseVersion.class)
                .setParameter("c", courseId).setParameter("s", CourseVersion.State.DRAFT)
                .getResultStream().findFirst();
    }

    /**
     * The newest version approved for the facility whose latest decision there is an approval of
     * exactly its current content; empty if learners of that facility may see none.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<VisibleVersion> visible(long courseId, long facilityId) {
        List<Object[]> rows = em.createQuery("SELECT v.id, v.number, v.contentHash FROM CourseVersion v, CourseApproval a "
                        + "WHERE v.course.id = :c AND v.state = :frozen AND a.version = v AND a.facilityId = :f "
                        + "AND a.decision = :approved AND a.contentHash = v.contentHash "
                        + "AND a.id = (SELECT MAX(a2.id) FROM CourseApproval a2 WHERE a2.version = v AND a2.facilityId = :f) "
                        + "ORDER BY v.number DESC", Object[].class)
                .setParameter("c", courseId).setParameter("f", facilityId)
                .setParameter("frozen", CourseVersion.State.FROZEN)
                .setParameter("approved", org.bilim.server.vetting.CourseApproval.Decision.APPROVED)
                .setMaxResults(1).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        long versionId = ((Number) rows.getFirst()[0]).longValue();
        int number = ((Number) rows.getFirst()[1]).intValue();
        String hash = (String) rows.getFirst()[2];
        return Optional.of(new VisibleVersion(courseId, versionId, number, hash, frozenContent(versionId)));
    }

    /**
     * The version of each course that a facility's learners see (by the same rule as
     * {@link #visible}), as course id → version id; with a learner, only the courses they are
     * enrolled in. This is the access filter of search.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Long> visibleVersions(long facilityId, Long learnerId) {
        String jpql = "SELECT v.course.id, v.id, v.number FROM CourseVersion v, CourseApproval a "
                + "WHERE a.version = v AND a.facilityId = :f AND v.state = :frozen AND a.decision = :approved "
                + "AND a.contentHash = v.contentHash "
                + "AND a.id = (SELECT MAX(a2.id) FROM CourseApproval a2 WHERE a2.version = v AND a2.facilityId = :f)"
                + (learnerId == null ? "" : " AND v.course.id IN (SELECT e.course.id FROM Enrolment e WHERE e.learner.id = :l)");
        var query = em.createQuery(jpql, Object[].class).setParameter("f", facilityId)
                .setParameter("frozen", CourseVersion.State.FROZEN)
                .setParameter("approved", org.bilim.server.vetting.CourseApproval.Decision.APPROVED);
        if (learnerId != null) {
            query.setParameter("l", learnerId);
        }
        return newestByKey(query.getResultList());
    }

    /**
     * The versions of a course that learners of some facility see: what the search index holds
     * of it. Empty when no facility approves any version of it now.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<Long> versionsVisibleAnywhere(long courseId) {
        List<Object[]> rows = em.createQuery("SELECT a.facilityId, v.id, v.number FROM CourseVersion v, CourseApproval a "
                        + "WHERE v.course.id = :c AND a.version = v AND v.state = :frozen AND a.decision = :approved "
                        + "AND a.contentHash = v.contentHash "
                        + "AND a.id = (SELECT MAX(a2.id) FROM CourseApproval a2 WHERE a2.version = v AND a2.facilityId = a.facilityId)",
                        Object[].class)
                .setParameter("c", courseId).setParameter("frozen", CourseVersion.State.FROZEN)
                .setParameter("approved", org.bilim.server.vetting.CourseApproval.Decision.APPROVED)
                .getResultList();
        return Set.copyOf(newestByKey(rows).values());
    }

    /** The courses some facility has decided on: every course the search index may hold. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> decidedCourses() {
        return em.createQuery("SELECT DISTINCT v.course.id FROM CourseApproval a JOIN a.version v", Long.class).getResultList();
    }

    /** Rows of (key, version id, version number): the newest version per key. */
    private static Map<Long, Long> newestByKey(List<Object[]> rows) {
        Map<Long, long[]> newest = new java.util.HashMap<>();
        for (Object[] r : rows) {
            long key = ((Number) r[0]).longValue();
            long version = ((Number) r[1]).longValue();
            int number = ((Number) r[2]).intValue();
            newest.merge(key, new long[] {version, number}, (a, b) -> a[1] >= b[1] ? a : b);
        }
        Map<Long, Long> out = new java.util.TreeMap<>();
        newest.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    /** The content of a frozen version, parsed once per node. */
    public CourseContent frozenContent(long versionId) {
        CourseContent cached = frozen.get(versionId);
        if (cached != null) {
            return cached;
        }
        String json = em.createQuery("SELECT v.content FROM CourseVersion v WHERE v.id = :id AND v.state = :frozen", String.class)
                .setParameter("id", versionId).setParameter("frozen", CourseVersion.State.FROZEN)
                .getSingleResult();
        CourseContent content = ContentCodec.read(json);
        frozen.put(versionId, content);
        return content;
    }

    /** The titles of frozen versions, version id → title; the ones not yet known are read in one query. */
    public Map<Long, String> frozenTitles(java.util.Collection<Long> versionIds) {
        List<Long> missing = versionIds.stream().filter(v -> !frozenTitles.containsKey(v)).distinct().toList();
        // In slices: a version's content can be large, and only its title is kept.
        for (int from = 0; from < missing.size(); from += 50) {
            List<Object[]> rows = em.createQuery("SELECT v.id, v.content FROM CourseVersion v WHERE v.id IN :ids AND v.state = :frozen",
                            Object[].class)
                    .setParameter("ids", missing.subList(from, Math.min(missing.size(), from + 50)))
                    .setParameter("frozen", CourseVersion.State.FROZEN).getResultList();
            for (Object[] r : rows) {
                frozenTitles.put(((Number) r[0]).longValue(), ContentCodec.read((String) r[1]).title());
            }
        }
        Map<Long, String> titles = new java.util.HashMap<>();
        for (Long v : versionIds) {
            String t = frozenTitles.get(v);
            if (t != null) {
                titles.put(v, t);
            }
        }
        return titles;
    }

    /** Records which stored files a version delivers (replacing what was recorded before). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordFiles(CourseVersion version, CourseContent content) {
        em.createNativeQuery("DELETE FROM course_version_file WHERE version_id = ?1")
                .setParameter(1, version.id()).executeUpdate();
        Set<String> ids = content.files().stream().map(FileRef::fileId).collect(Collectors.toCollection(java.util.TreeSet::new));
        // Files that HTML links to without a FileRef of their own (an image in a quiz question) are delivered too.
        java.util.regex.Matcher linked = LINKED_FILE.matcher(version.contentJson());
        while (linked.find()) {
            ids.add(linked.group(1));
        }
        for (String id : ids) {
            em.createNativeQuery("INSERT INTO course_version_file (version_id, file_id) VALUES (?1, ?2)")
                    .setParameter(1, version.id()).setParameter(2, id).executeUpdate();
        }
    }

    /** Whether the course's lecturer list holds this staff member. */
    public boolean teaches(long courseId, long staffId) {
        Number n = (Number) em.createNativeQuery("SELECT COUNT(*) FROM course_lecturer WHERE course_id = ?1 AND staff_id = ?2")
                .setParameter(1, courseId).setParameter(2, staffId).getSingleResult();
        return n.longValue() > 0;
    }
}
