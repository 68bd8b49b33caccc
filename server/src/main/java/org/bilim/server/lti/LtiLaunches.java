package org.bilim.server.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bilim.lti.launch.AgsEndpoint;
import org.bilim.lti.launch.LtiLaunch;
import org.bilim.lti.launch.NrpsEndpoint;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.Course;
import org.bilim.server.platform.Hashing;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.Times;
import org.bilim.server.platform.Tokens;
import org.bilim.server.sessions.SessionService;
import org.bilim.server.staff.Role;
import org.bilim.server.staff.StaffAccount;

/**
 * What a checked launch means in Bilim. An instructor, teaching assistant or content developer of
 * the LMS course is a lecturer: their account is found (or made, at the first launch) by the
 * platform and their {@code sub}, and they get a lecturer session for the Bilim course the LMS
 * course is linked to. Nothing a platform says makes anyone an administrator or an officer.
 */
@ApplicationScoped
public class LtiLaunches {
    /** The custom parameter that names the Bilim course (Deep Linking puts it in the resource link). */
    public static final String COURSE_PARAMETER = "bilim_course";

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    Hashing hashing;

    @Inject
    AuditLog audit;

    @Inject
    LtiRegistrations registrations;

    /** A lecturer signed in by a launch: who, which course (if the LMS course is linked), and the session token. */
    public record LecturerLaunch(long staffId, String name, Language language, Optional<Course> course, String token) {
    }

    @Transactional
    public LecturerLaunch lecturer(LtiLaunch launch, String address) {
        LtiPlatform platform = registrations.platform(launch.registration().id());
        StaffAccount lecturer = account(platform, launch);
        Optional<Course> course = course(platform, launch);
        if (course.isPresent() && launch.context().isPresent()) {
            services(platform, launch.context().get().id(), launch, lecturer, address);
        }
        course.ifPresent(c -> {
            boolean teaches = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM course_lecturer WHERE course_id = ?1 AND staff_id = ?2")
                    .setParameter(1, c.id()).setParameter(2, lecturer.id()).getSingleResult()).longValue() > 0;
            if (!teaches) {
                em.createNativeQuery("INSERT INTO course_lecturer (course_id, staff_id) VALUES (?1, ?2)")
                        .setParameter(1, c.id()).setParameter(2, lecturer.id()).executeUpdate();
                audit.append(new AuditEntry(ActorKind.STAFF, lecturer.id(), lecturer.username(), "course.lecturer-added", null, "course",
                        c.id(), lecturer.username() + " teaches " + c.code() + " as " + launch.roles() + " of an LMS course", address));
            }
        });
        String token = sessions.startStaff(lecturer.id(), null);
        audit.append(new AuditEntry(ActorKind.STAFF, lecturer.id(), lecturer.username(), "lti.launch", null, "lti-platform",
                platform.id(), "lecturer launch from " + platform.issuer() + " (deployment " + launch.deploymentId() + ")"
                        + course.map(c -> " into " + c.code()).orElse(", no linked course"), address));
        return new LecturerLaunch(lecturer.id(), lecturer.fullName(), lecturer.language(), course, token);
    }

    /** The lecturer account of this platform user: matched by platform and {@code sub}, or made now. */
    private StaffAccount account(LtiPlatform platform, LtiLaunch launch) {
        String sub = launch.user().sub();
        List<?> found = em.createNativeQuery("SELECT staff_id FROM lti_identity WHERE platform_id = ?1 AND subject = ?2")
                .setParameter(1, platform.id()).setParameter(2, sub).getResultList();
        if (!found.isEmpty()) {
            em.createNativeQuery("UPDATE lti_identity SET last_launch_at = ?3 WHERE platform_id = ?1 AND subject = ?2")
                    .setParameter(1, platform.id()).setParameter(2, sub).setParameter(3, Times.now()).executeUpdate();
            return em.find(StaffAccount.class, ((Number) found.get(0)).longValue());
        }
        // A lecturer never signs in with a password: the one on the account is random and told to nobody.
        String username = "lti-" + platform.id() + "-" + Tokens.sha256(sub).substring(0, 16);
        StaffAccount account = new StaffAccount(username, name(launch), Role.LECTURER, null, language(launch),
                hashing.hashPassword(Tokens.newToken()));
        em.persist(account);
        em.flush();
        em.createNativeQuery("INSERT INTO lti_identity (platform_id, subject, staff_id, created_at, last_launch_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?4)")
                .setParameter(1, platform.id()).setParameter(2, sub).setParameter(3, account.id()).setParameter(4, Times.now())
                .executeUpdate();
        audit.append(new AuditEntry(ActorKind.SYSTEM, null, null, "lti.lecturer-created", null, "staff", account.id(),
                username + " for a user of " + platform.issuer(), null));
        return account;
    }

    /**
     * The Bilim course this launch is about: the one the resource link names, if it belongs to the
     * platform's university (a platform reaches only its own university's courses), or the one its
     * LMS course was linked to before. A course named by the link links the LMS course to it.
     */
    private Optional<Course> course(LtiPlatform platform, LtiLaunch launch) {
        Optional<String> contextId = launch.context().map(LtiLaunch.Context::id);
        Optional<Course> named = Optional.ofNullable(launch.custom().get(COURSE_PARAMETER))
                .filter(v -> v.matches("[0-9]{1,18}"))
                .map(v -> em.find(Course.class, Long.parseLong(v)))
                .filter(c -> c.university().id() == platform.universityId());
        if (named.isPresent()) {
            contextId.ifPresent(ctx -> link(platform, ctx, named.get(), launch));
            return named;
        }
        return contextId.flatMap(ctx -> em.createNativeQuery("SELECT course_id FROM lti_context WHERE platform_id = ?1 AND context_id = ?2")
                        .setParameter(1, platform.id()).setParameter(2, ctx).getResultList().stream().findFirst())
                .map(id -> em.find(Course.class, ((Number) id).longValue()));
    }

    /**
     * Keeps the AGS and NRPS URLs of the launch for its LMS course, but only URLs on the platform's
     * own origins: a claim that names another host (another university's LMS, Bilim itself, an
     * address inside the facility) is refused and audited, and nothing is ever sent there.
     */
    private void services(LtiPlatform platform, String contextId, LtiLaunch launch, StaffAccount lecturer, String address) {
        String lineItems = launch.ags().flatMap(AgsEndpoint::lineItems).filter(u -> claimUrl(platform, "AGS lineitems", u, lecturer, address))
                .orElse(null);
        String scopes = launch.ags().map(a -> String.join(" ", a.scopes())).filter(s -> s.length() <= 1000).orElse(null);
        String memberships = launch.nrps().map(NrpsEndpoint::contextMembershipsUrl)
                .filter(u -> claimUrl(platform, "NRPS context_memberships_url", u, lecturer, address)).orElse(null);
        // The launch of a graded item's link names its gradebook column: kept, so scores need not look for it.
        String item = launch.custom().get("bilim_item");
        Optional<String> column = launch.ags().flatMap(AgsEndpoint::lineItem)
                .filter(u -> item != null && item.length() <= 64 && claimUrl(platform, "AGS lineitem", u, lecturer, address));
        if (column.isPresent() && lineItems != null) {
            int known = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM lti_line_item WHERE platform_id = ?1 AND context_id = ?2 "
                    + "AND item_key = ?3").setParameter(1, platform.id()).setParameter(2, contextId).setParameter(3, item)
                    .getSingleResult()).intValue();
            if (known == 0) {
                em.createNativeQuery("INSERT INTO lti_line_item (platform_id, context_id, item_key, url, found_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                        .setParameter(1, platform.id()).setParameter(2, contextId).setParameter(3, item).setParameter(4, column.get())
                        .setParameter(5, Times.now()).executeUpdate();
            }
        }
        if (lineItems == null && memberships == null) {
            return;
        }
        em.createNativeQuery("UPDATE lti_context SET lineitems_url = COALESCE(CAST(?3 AS VARCHAR(1000)), lineitems_url), "
                        + "ags_scopes = COALESCE(CAST(?4 AS VARCHAR(1000)), ags_scopes), "
                        + "memberships_url = COALESCE(CAST(?5 AS VARCHAR(1000)), memberships_url) WHERE platform_id = ?1 AND context_id = ?2")
                .setParameter(1, platform.id()).setParameter(2, contextId).setParameter(3, lineItems)
                .setParameter(4, lineItems == null ? null : scopes).setParameter(5, memberships).executeUpdate();
    }

    private boolean claimUrl(LtiPlatform platform, String what, String url, StaffAccount lecturer, String address) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri != null && url.length() <= 1000 && uri.getUserInfo() == null && uri.getFragment() == null && platform.owns(uri)) {
            return true;
        }
        String shown = url.length() > 300 ? url.substring(0, 300) + "…" : url;
        audit.append(new AuditEntry(ActorKind.STAFF, lecturer.id(), lecturer.username(), "lti.claim-url-refused", null, "lti-platform",
                platform.id(), what + " " + shown + " is not on an origin of " + platform.issuer() + "; nothing will be sent there", address));
        return false;
    }

    private void link(LtiPlatform platform, String contextId, Course course, LtiLaunch launch) {
        String title = launch.context().flatMap(LtiLaunch.Context::title).map(t -> t.length() > 300 ? t.substring(0, 300) : t).orElse(null);
        int updated = em.createNativeQuery("UPDATE lti_context SET course_id = ?3, title = ?4 WHERE platform_id = ?1 AND context_id = ?2")
                .setParameter(1, platform.id()).setParameter(2, contextId).setParameter(3, course.id()).setParameter(4, title)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO lti_context (platform_id, context_id, course_id, title, linked_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, platform.id()).setParameter(2, contextId).setParameter(3, course.id()).setParameter(4, title)
                    .setParameter(5, Times.now()).executeUpdate();
        }
    }

    private static String name(LtiLaunch launch) {
        LtiLaunch.User u = launch.user();
        String name = u.name().or(() -> u.givenName().map(g -> g + u.familyName().map(f -> " " + f).orElse("")))
                .map(String::strip).filter(n -> !n.isEmpty()).orElse("Lecturer " + Tokens.sha256(u.sub()).substring(0, 6));
        // Plain text only, as every staff name.
        name = name.replaceAll("[\\p{Cntrl}<>]", "");
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    static Language language(LtiLaunch launch) {
        return launch.user().locale().or(() -> launch.launchPresentation().flatMap(LtiLaunch.LaunchPresentation::locale))
                .map(l -> Locale.forLanguageTag(l.replace('_', '-')).getLanguage())
                .flatMap(Language::fromTag).orElse(Language.RU);
    }
}
