package org.bilim.server.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.services.Member;
import org.bilim.lti.services.Roster;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.Course;
import org.bilim.server.grades.GradeViews.Candidate;
import org.bilim.server.grades.GradeViews.LmsCourse;
import org.bilim.server.grades.GradeViews.Match;
import org.bilim.server.grades.GradeViews.RosterMember;
import org.bilim.server.grades.GradeViews.RosterView;
import org.bilim.server.learners.Learner;
import org.bilim.server.lti.LtiPlatform;
import org.bilim.server.lti.LtiRegistrations;
import org.bilim.server.lti.LtiTool;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Times;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.OfficerScope;

/**
 * The LMS courses' rosters (NRPS) and which learner each university student is. An officer sees
 * the LMS courses of the Bilim courses their facility's learners are enrolled in, and no others. A roster is read
 * whole or not at all: a page that fails keeps the roster as it was. An officer confirms a match
 * between a student and a learner of their own facility enrolled in the course; only then do that
 * learner's grades go to the university, and the grades given before go then.
 */
@ApplicationScoped
public class Rosters {
    /** Only students are matched; the LMS's teachers and others are not kept. */
    private static final Set<String> LEARNER_ROLES = Set.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", "Learner",
            "http://purl.imsglobal.org/vocab/lis/v2/membership/Learner#Learner");

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    LtiTool tool;

    @Inject
    LtiRegistrations registrations;

    @Inject
    OfficerScope scope;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    RosterWriter writer;

    @Inject
    Passback passback;

    /** The LMS courses linked to Bilim courses, for an officer. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<LmsCourse> lmsCourses() {
        long facility = scope.facility();
        List<Object[]> rows = em.createNativeQuery("SELECT c.platform_id, c.context_id, c.title, c.course_id, c.memberships_url, "
                + "c.lineitems_url, c.roster_read_at, c.roster_error, c.roster_error_at, "
                + "(SELECT COUNT(*) FROM lti_member m WHERE m.platform_id = c.platform_id AND m.context_id = c.context_id AND m.present = TRUE), "
                + "(SELECT COUNT(*) FROM lti_member m JOIN learner l ON l.id = m.learner_id WHERE m.platform_id = c.platform_id "
                + "AND m.context_id = c.context_id AND l.facility_id = ?1) "
                + "FROM lti_context c WHERE EXISTS (SELECT 1 FROM enrolment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = c.course_id AND l.facility_id = ?1) "
                + "ORDER BY c.course_id, c.platform_id, c.context_id").setParameter(1, facility).getResultList();
        List<LmsCourse> courses = new ArrayList<>();
        for (Object[] r : rows) {
            courses.add(lmsCourse(r));
        }
        return courses;
    }

    private LmsCourse lmsCourse(Object[] r) {
        long platformId = ((Number) r[0]).longValue();
        LtiPlatform platform = registrations.platform(platformId);
        Course course = em.find(Course.class, ((Number) r[3]).longValue());
        return new LmsCourse(platformId, platform.issuer(), (String) r[1], (String) r[2], course.id(), course.code(), course.title(),
                r[4] != null, r[5] != null, Times.of(r[6]), (String) r[7], Times.of(r[8]), ((Number) r[9]).intValue(),
                ((Number) r[10]).intValue());
    }

    @SuppressWarnings("unchecked")
    private Object[] contextRow(long platformId, String contextId) {
        List<Object[]> rows = contextId == null || contextId.length() > 255 ? List.of()
                : em.createNativeQuery("SELECT c.platform_id, c.context_id, c.title, c.course_id, c.memberships_url, "
                        + "c.lineitems_url, c.roster_read_at, c.roster_error, c.roster_error_at, 0, 0 FROM lti_context c "
                        + "WHERE c.platform_id = ?1 AND c.context_id = ?2").setParameter(1, platformId).setParameter(2, contextId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new BilimException(ProblemCode.LTI_LMS_COURSE_NOT_FOUND);
        }
        // An officer reaches the LMS courses of Bilim courses their facility's learners study, no others.
        long facility = scope.facility();
        long courseId = ((Number) rows.get(0)[3]).longValue();
        long ours = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM enrolment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ?1 AND l.facility_id = ?2").setParameter(1, courseId).setParameter(2, facility)
                .getSingleResult()).longValue();
        if (ours == 0) {
            audit.appendIndependently(caller.audit("access.denied", facility, "course", courseId,
                    "the LMS course " + contextId + " of a course no learner of this facility studies"));
            throw new BilimException(ProblemCode.LTI_LMS_COURSE_NOT_FOUND);
        }
        return rows.get(0);
    }

    /** The roster of an LMS course as last read, with this officer's facility's matches and candidates. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RosterView roster(long platformId, String contextId) {
        long facility = scope.facility();
        Object[] ctx = contextRow(platformId, contextId);
        LmsCourse course = lmsCourse(ctx);
        List<Candidate> candidates = em.createQuery("SELECT l FROM Enrolment e JOIN e.learner l WHERE e.course.id = :c "
                        + "AND l.facility.id = :f ORDER BY l.fullName, l.learnerNumber", Learner.class)
                .setParameter("c", course.courseId()).setParameter("f", facility).getResultStream()
                .map(l -> new Candidate(l.id(), l.learnerNumber(), l.fullName())).toList();
        Map<String, Long> byName = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Candidate c : candidates) {
            if (byName.put(normal(c.fullName()), c.learnerId()) != null) {
                ambiguous.add(normal(c.fullName()));
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT m.user_id, m.name, m.email, m.sourced_id, m.status, m.present, m.learner_id, "
                        + "m.confirmed_at, s.full_name, l.facility_id, l.learner_number, l.full_name FROM lti_member m "
                        + "LEFT JOIN learner l ON l.id = m.learner_id LEFT JOIN staff_account s ON s.id = m.confirmed_by "
                        + "WHERE m.platform_id = ?1 AND m.context_id = ?2 ORDER BY m.present DESC, m.name, m.user_id")
                .setParameter(1, platformId).setParameter(2, contextId).getResultList();
        Set<Long> matchedHere = new HashSet<>();
        List<RosterMember> members = new ArrayList<>();
        for (Object[] m : rows) {
            Long learnerId = m[6] == null ? null : ((Number) m[6]).longValue();
            boolean own = learnerId != null && ((Number) m[9]).longValue() == facility;
            Match match = own ? new Match(learnerId, (String) m[10], (String) m[11], Times.of(m[7]), (String) m[8]) : null;
            if (own) {
                matchedHere.add(learnerId);
            }
            String name = (String) m[1];
            Long suggested = learnerId == null && name != null && !ambiguous.contains(normal(name)) ? byName.get(normal(name)) : null;
            members.add(new RosterMember((String) m[0], name, (String) m[2], (String) m[3], (String) m[4], Boolean.TRUE.equals(m[5]),
                    match, learnerId != null && !own, suggested));
        }
        List<Candidate> unmatched = candidates.stream().filter(c -> !matchedHere.contains(c.learnerId())).toList();
        return new RosterView(course, members, unmatched);
    }

    /**
     * Reads the LMS course's roster now, every page, and keeps it; a failure keeps the roster as it
     * was, records why, and is answered as a problem the officer can act on.
     */
    public RosterView read(long platformId, String contextId) {
        scope.facility();
        Object[] ctx = contextRow(platformId, contextId);
        if (ctx[4] == null) {
            throw new BilimException(ProblemCode.LTI_ROSTER_NO_SERVICE);
        }
        LtiPlatform platform = registrations.platform(platformId);
        URI url = URI.create((String) ctx[4]);
        Roster roster;
        try {
            if (!platform.owns(url)) {
                audit.appendIndependently(caller.audit("lti.outbound-refused", null, "lti-platform", platformId,
                        url + " is not on an origin of " + platform.issuer()));
                throw new ServiceException(ServiceException.Reason.REFUSED, url, url + " is not on an origin of " + platform.issuer());
            }
            roster = tool.nrps().members(platform.registration(), url);
        } catch (ServiceException e) {
            writer.rosterFailed(platformId, contextId, e.getMessage());
            throw new BilimException(ProblemCode.LTI_ROSTER_UNAVAILABLE);
        }
        List<Member> students = roster.members().stream().filter(Rosters::student).toList();
        writer.keep(platformId, contextId, students);
        audit.append(caller.audit("lti.roster-read", scope.facility(), "lti-platform", platformId,
                students.size() + " student(s) of " + contextId + " (" + platform.issuer() + ")"));
        return roster(platformId, contextId);
    }

    /** Confirms (or, with no learner, withdraws) which learner a student is; audited. */
    @Transactional
    public RosterView match(long platformId, String contextId, String userId, Long learnerId) {
        long facility = scope.facility();
        Object[] ctx = contextRow(platformId, contextId);
        long courseId = ((Number) ctx[3]).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> found = userId == null || userId.length() > 255 ? List.of()
                : em.createNativeQuery("SELECT m.learner_id, l.facility_id FROM lti_member m LEFT JOIN learner l ON l.id = m.learner_id "
                        + "WHERE m.platform_id = ?1 AND m.context_id = ?2 AND m.user_id = ?3")
                .setParameter(1, platformId).setParameter(2, contextId).setParameter(3, userId).getResultList();
        if (found.isEmpty()) {
            throw BilimException.forField(ProblemCode.LTI_MEMBER_NOT_FOUND, "userId");
        }
        Object[] member = found.get(0);
        if (member[0] != null && ((Number) member[1]).longValue() != facility) {
            // Another facility's learner: that officer's to change, and not to be revealed here.
            throw BilimException.forField(ProblemCode.LTI_MEMBER_MATCHED_ELSEWHERE, "userId");
        }
        if (learnerId == null) {
            if (member[0] != null) {
                em.createNativeQuery("UPDATE lti_member SET learner_id = NULL, confirmed_by = NULL, confirmed_at = NULL "
                                + "WHERE platform_id = ?1 AND context_id = ?2 AND user_id = ?3")
                        .setParameter(1, platformId).setParameter(2, contextId).setParameter(3, userId).executeUpdate();
                audit.append(caller.audit("lti.student-unconfirmed", facility, "learner", ((Number) member[0]).longValue(),
                        "no longer student " + userId + " of " + contextId + " (" + registrations.platform(platformId).issuer() + ")"));
            }
            return roster(platformId, contextId);
        }
        Learner learner = em.find(Learner.class, learnerId);
        boolean enrolled = learner != null && learner.facility().id() == facility
                && em.createQuery("SELECT COUNT(e) FROM Enrolment e WHERE e.learner.id = :l AND e.course.id = :c", Long.class)
                .setParameter("l", learnerId).setParameter("c", courseId).getSingleResult() > 0;
        if (!enrolled) {
            if (learner != null && learner.facility().id() != facility) {
                audit.appendIndependently(caller.audit("access.denied", facility, "learner", learnerId, "learner of another facility"));
            }
            throw BilimException.forField(ProblemCode.LTI_LEARNER_NOT_MATCHABLE, "learnerId");
        }
        long taken = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM lti_member WHERE platform_id = ?1 AND context_id = ?2 "
                        + "AND learner_id = ?3 AND user_id <> ?4").setParameter(1, platformId).setParameter(2, contextId)
                .setParameter(3, learnerId).setParameter(4, userId).getSingleResult()).longValue();
        if (taken > 0) {
            throw BilimException.forField(ProblemCode.LTI_LEARNER_ALREADY_MATCHED, "learnerId");
        }
        em.createNativeQuery("UPDATE lti_member SET learner_id = ?4, confirmed_by = ?5, confirmed_at = ?6 "
                        + "WHERE platform_id = ?1 AND context_id = ?2 AND user_id = ?3")
                .setParameter(1, platformId).setParameter(2, contextId).setParameter(3, userId).setParameter(4, learnerId)
                .setParameter(5, caller.requireStaff().staffId()).setParameter(6, Times.now()).executeUpdate();
        audit.append(caller.audit("lti.student-confirmed", facility, "learner", learnerId,
                learner.learnerNumber() + " is student " + userId + " of " + contextId + " (" + registrations.platform(platformId).issuer() + ")"));
        // Grades given before the match go now.
        passback.existing(learnerId, courseId);
        return roster(platformId, contextId);
    }

    private static boolean student(Member m) {
        return m.roles().stream().anyMatch(LEARNER_ROLES::contains);
    }

    private static String normal(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
