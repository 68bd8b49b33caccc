package org.bilim.server.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bilim.courses.content.CaseStudyItem;
import org.bilim.courses.content.CourseContent;
import org.bilim.courses.content.CourseModule;
import org.bilim.courses.content.Item;
import org.bilim.courses.content.QuizItem;
import org.bilim.lti.deeplinking.ContentItem;
import org.bilim.lti.deeplinking.DeepLinkingForm;
import org.bilim.lti.deeplinking.DeepLinkingRefused;
import org.bilim.lti.deeplinking.DeepLinkingReply;
import org.bilim.lti.deeplinking.LineItem;
import org.bilim.lti.deeplinking.LtiResourceLinkItem;
import org.bilim.lti.launch.DeepLinkingSettings;
import org.bilim.lti.launch.LtiLaunch;
import org.bilim.lti.launch.Roles;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.Course;
import org.bilim.server.catalogue.CourseCatalogue;
import org.bilim.server.catalogue.CourseVersion;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Times;
import org.bilim.server.platform.Tokens;
import org.bilim.server.sessions.Caller;

/**
 * Deep Linking 2.0: a lecturer adding Bilim to their LMS course picks a Bilim course, a module, a
 * case study or a quiz of their platform's university, and Bilim answers the platform with a
 * signed list of resource links (graded items with their gradebook column). The request waits
 * here between the launch and the choice, for the lecturer who launched only, and is answered once.
 */
@ApplicationScoped
public class LtiDeepLinking {
    static final Duration LIFETIME = Duration.ofHours(1);
    private static final Jsonb JSON = JsonbBuilder.create();

    /** What the platform asked, kept between the launch and the lecturer's choice. */
    public record Request(String sub, List<String> roles, String contextId, String returnUrl, List<String> acceptTypes,
                          List<String> acceptPresentationTargets, boolean acceptMultiple, Boolean acceptLineItem, boolean autoCreate,
                          String data) {
    }

    /** What the picker shows: what the platform takes, and the university's courses with their parts. */
    public record Choices(List<String> acceptTypes, boolean acceptMultiple, List<CourseChoice> courses) {
    }

    public record CourseChoice(long id, String code, String title, String language, List<ModuleChoice> modules) {
    }

    public record ModuleChoice(String key, String title, List<ItemChoice> items) {
    }

    /** A case study or a quiz: the parts that are graded and can stand alone in an LMS course. */
    public record ItemChoice(String key, String title, String kind) {
    }

    /** One thing picked: a course, or a module or an item of it. */
    public record Selection(Long courseId, String moduleKey, String itemKey) {
    }

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    LtiTool tool;

    @Inject
    LtiRegistrations registrations;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    /** Keeps a deep linking launch for the lecturer's choice; the reference the workspace uses. */
    @Transactional
    public String remember(LtiLaunch launch, long staffId) {
        DeepLinkingSettings s = launch.deepLinking().orElseThrow();
        Request request = new Request(launch.user().sub(), launch.roles().values(), launch.context().map(LtiLaunch.Context::id).orElse(null),
                s.returnUrl().toString(), s.acceptTypes(), s.acceptPresentationTargets(), s.acceptMultiple(), s.acceptLineItem().orElse(null),
                s.autoCreate(), s.data().orElse(null));
        String ref = Tokens.newToken();
        em.createNativeQuery("INSERT INTO lti_deep_link (ref_hash, platform_id, staff_id, deployment_id, request, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Tokens.sha256(ref)).setParameter(2, launch.registration().id()).setParameter(3, staffId)
                .setParameter(4, launch.deploymentId()).setParameter(5, JSON.toJson(request))
                .setParameter(6, Times.now().plus(LIFETIME)).executeUpdate();
        return ref;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Choices choices(String ref) {
        Pending p = pending(ref);
        List<CourseChoice> courses = new ArrayList<>();
        for (Course c : em.createQuery("SELECT c FROM Course c WHERE c.university.id = :u ORDER BY c.code", Course.class)
                .setParameter("u", p.platform().universityId()).getResultList()) {
            Optional<CourseContent> content = catalogue.latest(c.id()).map(CourseVersion::content);
            List<ModuleChoice> modules = new ArrayList<>();
            content.ifPresent(cc -> cc.modules().forEach(m -> modules.add(new ModuleChoice(m.key(), m.title(),
                    m.items().stream().filter(LtiDeepLinking::graded).map(i -> new ItemChoice(i.key(), i.title(), kind(i))).toList()))));
            courses.add(new CourseChoice(c.id(), c.code(), content.map(CourseContent::title).orElse(c.title()), c.language().tag(), modules));
        }
        return new Choices(p.request().acceptTypes(), p.request().acceptMultiple(), courses);
    }

    /** Answers the platform with the lecturer's choice: the signed form the workspace posts back. Once. */
    @Transactional
    public DeepLinkingForm answer(String ref, List<Selection> selections) {
        Pending p = pending(ref);
        List<ContentItem> items = new ArrayList<>();
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < selections.size(); i++) {
            Selection s = selections.get(i);
            Course course = s.courseId() == null ? null : em.find(Course.class, s.courseId());
            if (course == null || course.university().id() != p.platform().universityId()) {
                throw BilimException.forField(ProblemCode.COURSE_NOT_FOUND, "selections[" + i + "].courseId");
            }
            String field = "selections[" + i + "].courseId";
            CourseContent content = catalogue.latest(course.id()).map(CourseVersion::content)
                    .orElseThrow(() -> BilimException.forField(ProblemCode.COURSE_NOT_FOUND, field));
            items.add(item(course, content, s, i));
            picked.add(course.code() + (s.itemKey() != null ? "/" + s.itemKey() : s.moduleKey() != null ? "/" + s.moduleKey() : ""));
        }
        DeepLinkingForm form;
        try {
            form = tool.deepLinking().respond(launch(p), DeepLinkingReply.of(items));
        } catch (DeepLinkingRefused e) {
            throw BilimException.forField(ProblemCode.LTI_DEEP_LINKING_REFUSED, "selections", e.reason().name());
        }
        em.createNativeQuery("DELETE FROM lti_deep_link WHERE ref_hash = ?1").setParameter(1, Tokens.sha256(ref)).executeUpdate();
        audit.append(caller.audit("lti.deep-linking-answered", null, "lti-platform", p.platform().id(),
                "picked " + String.join(", ", picked)));
        return form;
    }

    private ContentItem item(Course course, CourseContent content, Selection s, int index) {
        Map<String, String> custom = new LinkedHashMap<>();
        custom.put(LtiLaunches.COURSE_PARAMETER, Long.toString(course.id()));
        URI target = tool.launchUrl();
        if (s.itemKey() != null) {
            Item item = content.modules().stream().flatMap(m -> m.items().stream()).filter(x -> x.key().equals(s.itemKey()))
                    .filter(LtiDeepLinking::graded).findFirst()
                    .orElseThrow(() -> BilimException.forField(ProblemCode.COURSE_ITEM_NOT_FOUND, "selections[" + index + "].itemKey"));
            custom.put("bilim_item", item.key());
            // Graded work gets its gradebook column: scores go back as a percentage.
            LineItem column = new LineItem(100, Optional.of(item.title()),
                    Optional.of(resourceId(course.id(), item.key())), Optional.of(kind(item)));
            return new LtiResourceLinkItem(Optional.of(target), Optional.of(item.title()), Optional.of(content.title()), custom,
                    Optional.of(column));
        }
        if (s.moduleKey() != null) {
            CourseModule module = content.modules().stream().filter(m -> m.key().equals(s.moduleKey())).findFirst()
                    .orElseThrow(() -> BilimException.forField(ProblemCode.COURSE_MODULE_NOT_FOUND, "selections[" + index + "].moduleKey"));
            custom.put("bilim_module", module.key());
            return new LtiResourceLinkItem(Optional.of(target), Optional.of(module.title()), Optional.of(content.title()), custom,
                    Optional.empty());
        }
        return new LtiResourceLinkItem(Optional.of(target), Optional.of(content.title()), Optional.of(course.code()), custom, Optional.empty());
    }

    /** The launch as the lti module needs it to answer: the platform, the deployment and its settings. */
    private LtiLaunch launch(Pending p) {
        Request r = p.request();
        DeepLinkingSettings settings = new DeepLinkingSettings(URI.create(r.returnUrl()), r.acceptTypes(), r.acceptPresentationTargets(),
                r.acceptMultiple(), Optional.ofNullable(r.acceptLineItem()), r.autoCreate(), Optional.empty(), Optional.empty(),
                Optional.ofNullable(r.data()));
        return new LtiLaunch(p.platform().registration(), p.deploymentId(), LtiLaunch.MessageType.DEEP_LINKING,
                new LtiLaunch.User(r.sub(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                new Roles(r.roles()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                Optional.empty(), Optional.of(settings));
    }

    private record Pending(LtiPlatform platform, String deploymentId, Request request) {
    }

    /** The request behind a reference, for the lecturer who launched it only, and not expired. */
    @SuppressWarnings("unchecked")
    private Pending pending(String ref) {
        List<Object[]> rows = ref == null || ref.length() > 200 ? List.of()
                : em.createNativeQuery("SELECT platform_id, staff_id, deployment_id, request, expires_at FROM lti_deep_link WHERE ref_hash = ?1")
                .setParameter(1, Tokens.sha256(ref)).getResultList();
        if (rows.isEmpty()) {
            throw new BilimException(ProblemCode.LTI_DEEP_LINKING_NOT_FOUND);
        }
        Object[] r = rows.get(0);
        OffsetDateTime expires = Times.of(r[4]);
        if (((Number) r[1]).longValue() != caller.requireStaff().staffId() || expires.isBefore(Times.now())) {
            throw new BilimException(ProblemCode.LTI_DEEP_LINKING_NOT_FOUND);
        }
        return new Pending(registrations.platform(((Number) r[0]).longValue()), (String) r[2], JSON.fromJson((String) r[3], Request.class));
    }

    private static boolean graded(Item item) {
        return item instanceof CaseStudyItem || item instanceof QuizItem;
    }

    /** The AGS {@code resourceId} of a Bilim item's gradebook column, as Deep Linking and the grade courier both name it. */
    public static String resourceId(long courseId, String itemKey) {
        return "bilim:course:" + courseId + ":item:" + itemKey;
    }

    private static String kind(Item item) {
        return item instanceof QuizItem ? "quiz" : "case-study";
    }
}
