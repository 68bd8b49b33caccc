package org.bilim.server.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bilim.courses.content.CourseContent;
import org.bilim.courses.content.CourseModule;
import org.bilim.courses.content.Item;
import org.bilim.courses.content.Keys;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.CourseViews.CourseChange;
import org.bilim.server.catalogue.CourseViews.CourseDetail;
import org.bilim.server.catalogue.CourseViews.CourseSummary;
import org.bilim.server.catalogue.CourseViews.DecisionView;
import org.bilim.server.catalogue.CourseViews.ModuleTitle;
import org.bilim.server.catalogue.CourseViews.NewCourse;
import org.bilim.server.catalogue.CourseViews.NewUniversity;
import org.bilim.server.catalogue.CourseViews.Order;
import org.bilim.server.catalogue.CourseViews.UniversityView;
import org.bilim.server.catalogue.CourseViews.VersionSummary;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Flush;
import org.bilim.server.platform.JsonText;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Caller;
import org.bilim.server.staff.Role;
import org.bilim.server.staff.StaffAccount;
import org.bilim.server.vetting.CourseApproval;

/**
 * Authoring: courses, their modules and items. Every change goes to the course's draft; when
 * the latest version is frozen, the first change starts a new draft from it. A change must name
 * the content it was made against (the {@code If-Match} of the latest version's content hash),
 * so two authors never silently overwrite each other.
 */
@ApplicationScoped
@Transactional
public class AuthoringService {

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    CourseAccess access;

    @Inject
    ContentIntake intake;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    /** The result of one change: the new content and which items' findings it replaces. */
    private record Change(CourseContent content, String itemKey, List<LintEntry> findings, Set<String> removedItems) {
        static Change of(CourseContent content) {
            return new Change(content, null, List.of(), Set.of());
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UniversityView> universities() {
        return em.createQuery("SELECT u FROM University u ORDER BY u.name", University.class).getResultList().stream()
                .map(u -> new UniversityView(u.id(), u.name())).toList();
    }

    public UniversityView createUniversity(NewUniversity body) {
        University u = new University(body.name().strip());
        em.persist(u);
        Flush.orConflict(em, ProblemCode.REQUEST_INVALID, "name");
        audit.append(caller.audit("university.created", null, "university", u.id(), u.name()));
        return new UniversityView(u.id(), u.name());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CourseSummary> list() {
        Caller.StaffPrincipal staff = caller.requireStaff();
        List<Course> courses = em.createQuery("SELECT c FROM Course c JOIN FETCH c.university ORDER BY c.title, c.id",
                Course.class).getResultList();
        if (staff.role() == Role.LECTURER) {
            Set<Long> taught = new HashSet<>();
            for (Object id : em.createNativeQuery("SELECT course_id FROM course_lecturer WHERE staff_id = ?1")
                    .setParameter(1, staff.staffId()).getResultList()) {
                taught.add(((Number) id).longValue());
            }
            courses = courses.stream().filter(c -> taught.contains(c.id())).toList();
        }
        // The latest version of every course in one query, without reading the content documents.
        Map<Long, VersionSummary> latest = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT v.course.id, v.id, v.number, v.state, v.contentHash, v.updatedAt "
                        + "FROM CourseVersion v WHERE v.number = (SELECT MAX(w.number) FROM CourseVersion w WHERE w.course = v.course)",
                        Object[].class).getResultList()) {
            long versionId = ((Number) r[1]).longValue();
            String hash = (String) r[4];
            latest.put(((Number) r[0]).longValue(), new VersionSummary(versionId, ((Number) r[2]).intValue(),
                    ((CourseVersion.State) r[3]).name(), hash, (java.time.OffsetDateTime) r[5], decision(versionId, hash)));
        }
        return courses.stream().map(c -> new CourseSummary(c.id(), c.code(), c.title(), c.university().name(),
                c.language().tag(), c.credits(), latest.get(c.id()))).toList();
    }

    public CourseDetail create(NewCourse body) {
        if (caller.requireStaff().role() == Role.LECTURER) {
            throw new BilimException(ProblemCode.ACCESS_ROLE_REQUIRED);
        }
        University university = Optional.ofNullable(em.find(University.class, body.universityId()))
                .orElseThrow(() -> BilimException.forField(ProblemCode.UNIVERSITY_NOT_FOUND, "universityId", body.universityId()));
        String code = body.code().strip();
        boolean taken = !em.createQuery("SELECT c.id FROM Course c WHERE c.university = :u AND c.code = :code", Long.class)
                .setParameter("u", university).setParameter("code", code).getResultList().isEmpty();
        if (taken) {
            throw BilimException.forField(ProblemCode.COURSE_CODE_TAKEN, "code", code);
        }
        Course course = new Course(university, code, body.title().strip(), Language.require(body.language(), "language"), body.credits());
        course.describe(course.title(), body.description(), body.credits());
        em.persist(course);
        Flush.orConflict(em, ProblemCode.COURSE_CODE_TAKEN, "code", code);
        CourseVersion first = new CourseVersion(course, 1, CourseContent.empty(course.title(), course.description()),
                LintEntry.write(List.of()), caller.requireStaff().staffId());
        em.persist(first);
        audit.append(caller.audit("course.created", null, "course", course.id(), university.name() + " " + code));
        return detail(course);
    }

    /** Creates a course with content already made (an import); the first version is a draft awaiting vetting. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Course createImported(University university, String code, Language language, int credits, CourseContent content,
                                 List<LintEntry> lint, long staffId) {
        Course course = new Course(university, code, content.title(), language, credits);
        course.describe(content.title(), content.description(), credits);
        em.persist(course);
        Flush.orConflict(em, ProblemCode.COURSE_CODE_TAKEN, "code", code);
        CourseVersion first = new CourseVersion(course, 1, content, LintEntry.write(lint), staffId);
        em.persist(first);
        em.flush();
        catalogue.recordFiles(first, content);
        return course;
    }

    /** An administrator binds a lecturer to a course they teach (until LTI launches do it). */
    public List<Long> addLecturer(long courseId, long staffId) {
        Course course = catalogue.course(courseId);
        StaffAccount lecturer = em.find(StaffAccount.class, staffId);
        if (lecturer == null || lecturer.role() != Role.LECTURER) {
            throw BilimException.forField(ProblemCode.STAFF_NOT_FOUND, "staffId", staffId);
        }
        if (!catalogue.teaches(courseId, staffId)) {
            em.createNativeQuery("INSERT INTO course_lecturer (course_id, staff_id) VALUES (?1, ?2)")
                    .setParameter(1, courseId).setParameter(2, staffId).executeUpdate();
            audit.append(caller.audit("course.lecturer-added", null, "course", courseId,
                    lecturer.username() + " teaches " + course.code()));
        }
        return lecturers(courseId);
    }

    public List<Long> removeLecturer(long courseId, long staffId) {
        Course course = catalogue.course(courseId);
        int removed = em.createNativeQuery("DELETE FROM course_lecturer WHERE course_id = ?1 AND staff_id = ?2")
                .setParameter(1, courseId).setParameter(2, staffId).executeUpdate();
        if (removed > 0) {
            audit.append(caller.audit("course.lecturer-removed", null, "course", courseId,
                    "staff " + staffId + " no longer teaches " + course.code()));
        }
        return lecturers(courseId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> lecturers(long courseId) {
        catalogue.course(courseId);
        List<?> ids = em.createNativeQuery("SELECT staff_id FROM course_lecturer WHERE course_id = ?1 ORDER BY staff_id")
                .setParameter(1, courseId).getResultList();
        return ids.stream().map(id -> ((Number) id).longValue()).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CourseDetail get(long courseId) {
        Course c = catalogue.course(courseId);
        if (!access.mayAuthor(courseId) && caller.requireStaff().role() == Role.LECTURER) {
            throw new BilimException(ProblemCode.COURSE_NOT_FOUND, courseId);
        }
        return detail(c);
    }

    public CourseDetail describe(long courseId, String ifMatch, CourseChange body) {
        return edit(courseId, ifMatch, "described", content -> {
            catalogue.course(courseId).describe(body.title().strip(), body.description(), body.credits());
            return Change.of(content.withTitle(body.title().strip(), body.description() == null ? "" : body.description()));
        });
    }

    public CourseDetail addModule(long courseId, String ifMatch, ModuleTitle body) {
        return edit(courseId, ifMatch, "module added", content -> {
            List<CourseModule> modules = new ArrayList<>(content.modules());
            modules.add(new CourseModule(Keys.random(), body.title().strip(), List.of()));
            return Change.of(content.withModules(modules));
        });
    }

    public CourseDetail renameModule(long courseId, String moduleKey, String ifMatch, ModuleTitle body) {
        return edit(courseId, ifMatch, "module renamed", content -> {
            module(content, moduleKey);
            return Change.of(content.mapModule(moduleKey, m -> new CourseModule(m.key(), body.title().strip(), m.items())));
        });
    }

    public CourseDetail removeModule(long courseId, String moduleKey, String ifMatch) {
        return edit(courseId, ifMatch, "module removed", content -> {
            CourseModule m = module(content, moduleKey);
            Set<String> removed = new HashSet<>(m.items().stream().map(Item::key).toList());
            return new Change(content.mapModule(moduleKey, x -> null), null, List.of(), removed);
        });
    }

    public CourseDetail orderModules(long courseId, String ifMatch, Order body) {
        return edit(courseId, ifMatch, "modules reordered", content -> {
            List<String> keys = content.modules().stream().map(CourseModule::key).toList();
            requirePermutation(keys, body.keys());
            return Change.of(content.withModules(body.keys().stream().map(k -> content.module(k).orElseThrow()).toList()));
        });
    }

    public CourseDetail addItem(long courseId, String moduleKey, String ifMatch, String json) {
        Item parsed = intake.parse(json);
        return edit(courseId, ifMatch, "item added", content -> {
            CourseModule m = module(content, moduleKey);
            if (content.item(parsed.key()).isPresent()) {
                throw new BilimException(ProblemCode.COURSE_KEY_TAKEN, parsed.key());
            }
            ContentIntake.Cleaned cleaned = intake.clean(parsed, m.title() + " › " + parsed.title());
            List<Item> items = new ArrayList<>(m.items());
            items.add(cleaned.item());
            return new Change(content.mapModule(moduleKey, x -> new CourseModule(x.key(), x.title(), items)),
                    parsed.key(), entries(parsed.key(), cleaned), Set.of());
        });
    }

    public CourseDetail replaceItem(long courseId, String itemKey, String ifMatch, String json) {
        Item parsed = intake.parse(json);
        if (!parsed.key().equals(itemKey)) {
            throw new BilimException(ProblemCode.COURSE_CONTENT_INVALID, "the item's key must stay " + itemKey);
        }
        return edit(courseId, ifMatch, "item changed", content -> {
            CourseModule m = moduleOf(content, itemKey);
            ContentIntake.Cleaned cleaned = intake.clean(parsed, m.title() + " › " + parsed.title());
            List<Item> items = m.items().stream().map(i -> i.key().equals(itemKey) ? cleaned.item() : i).toList();
            return new Change(content.mapModule(m.key(), x -> new CourseModule(x.key(), x.title(), items)),
                    itemKey, entries(itemKey, cleaned), Set.of());
        });
    }

    public CourseDetail removeItem(long courseId, String itemKey, String ifMatch) {
        return edit(courseId, ifMatch, "item removed", content -> {
            CourseModule m = moduleOf(content, itemKey);
            List<Item> items = m.items().stream().filter(i -> !i.key().equals(itemKey)).toList();
            return new Change(content.mapModule(m.key(), x -> new CourseModule(x.key(), x.title(), items)), null, List.of(),
                    Set.of(itemKey));
        });
    }

    public CourseDetail orderItems(long courseId, String moduleKey, String ifMatch, Order body) {
        return edit(courseId, ifMatch, "items reordered", content -> {
            CourseModule m = module(content, moduleKey);
            requirePermutation(m.items().stream().map(Item::key).toList(), body.keys());
            List<Item> items = body.keys().stream()
                    .map(k -> m.items().stream().filter(i -> i.key().equals(k)).findFirst().orElseThrow()).toList();
            return Change.of(content.mapModule(moduleKey, x -> new CourseModule(x.key(), x.title(), items)));
        });
    }

    private CourseDetail edit(long courseId, String ifMatch, String what, Function<CourseContent, Change> change) {
        Course course = access.requireAuthor(courseId);
        CourseVersion latest = catalogue.latest(courseId).orElseThrow(() -> new BilimException(ProblemCode.COURSE_NOT_FOUND, courseId));
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new BilimException(ProblemCode.COURSE_REVISION_REQUIRED);
        }
        if (!unquote(ifMatch).equals(latest.contentHash())) {
            throw new BilimException(ProblemCode.COURSE_REVISION_STALE);
        }
        CourseVersion draft = latest;
        if (!latest.draft()) {
            draft = new CourseVersion(course, latest.number() + 1, latest.content(), latest.lintReportJson(),
                    caller.requireStaff().staffId());
            em.persist(draft);
            Flush.orConflict(em, ProblemCode.CONCURRENT_CHANGE, "version");
        }
        Change result;
        try {
            result = change.apply(draft.content());
        } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
            throw new BilimException(ProblemCode.COURSE_CONTENT_INVALID, e.getMessage());
        }
        List<LintEntry> lint = new ArrayList<>(LintEntry.read(draft.lintReportJson()));
        lint.removeIf(e -> e.itemKey() != null
                && (Objects.equals(e.itemKey(), result.itemKey()) || result.removedItems().contains(e.itemKey())));
        lint.addAll(result.findings());
        draft.replace(result.content(), LintEntry.write(lint));
        em.flush();
        catalogue.recordFiles(draft, result.content());
        audit.append(caller.audit("course.edited", null, "course", courseId, "version " + draft.number() + ": " + what));
        return detail(course);
    }

    private static List<LintEntry> entries(String itemKey, ContentIntake.Cleaned cleaned) {
        return cleaned.findings().stream().map(f -> new LintEntry(itemKey, f)).toList();
    }

    private static CourseModule module(CourseContent content, String key) {
        return content.module(key).orElseThrow(() -> new BilimException(ProblemCode.COURSE_MODULE_NOT_FOUND, key));
    }

    private static CourseModule moduleOf(CourseContent content, String itemKey) {
        return content.modules().stream().filter(m -> m.items().stream().anyMatch(i -> i.key().equals(itemKey)))
                .findFirst().orElseThrow(() -> new BilimException(ProblemCode.COURSE_ITEM_NOT_FOUND, itemKey));
    }

    private static void requirePermutation(List<String> existing, List<String> proposed) {
        if (proposed.size() != existing.size() || !new HashSet<>(proposed).equals(new HashSet<>(existing))) {
            throw new BilimException(ProblemCode.COURSE_CONTENT_INVALID, "the new order must name every key exactly once");
        }
    }

    private static String unquote(String etag) {
        String s = etag.strip();
        if (s.startsWith("W/")) {
            s = s.substring(2);
        }
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    CourseDetail detail(Course c) {
        List<CourseVersion> versions = catalogue.versions(c.id());
        CourseVersion latest = versions.getFirst();
        return new CourseDetail(c.id(), c.university().id(), c.university().name(), c.code(), c.title(), c.description(),
                c.language().tag(), c.credits(), summary(latest),
                // Staff fetch files through their own path; authors may send either form back.
                JsonText.of(latest.contentJson().replace("/api/files/", "/api/staff/files/")),
                JsonText.of(latest.lintReportJson()), versions.stream().map(this::summary).toList());
    }

    VersionSummary summary(CourseVersion v) {
        return new VersionSummary(v.id(), v.number(), v.state().name(), v.contentHash(), v.updatedAt(),
                decision(v.id(), v.contentHash()));
    }

    /** For an officer: the latest decision of their facility on this version. */
    private DecisionView decision(long versionId, String contentHash) {
        Caller.StaffPrincipal staff = caller.requireStaff();
        if (!staff.officer() || staff.facilityId() == null) {
            return null;
        }
        return em.createQuery("SELECT a FROM CourseApproval a WHERE a.version.id = :v AND a.facilityId = :f ORDER BY a.id DESC",
                        CourseApproval.class)
                .setParameter("v", versionId).setParameter("f", staff.facilityId()).setMaxResults(1)
                .getResultStream().findFirst()
                .map(a -> new DecisionView(a.decision().name(), a.contentHash(), a.reason(), a.decidedAt(),
                        a.contentHash().equals(contentHash)))
                .orElse(null);
    }
}
