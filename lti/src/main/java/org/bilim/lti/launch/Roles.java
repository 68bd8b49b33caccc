package org.bilim.lti.launch;

import java.util.List;
import java.util.Set;

/**
 * The {@code roles} claim as the platform sent it (LTI Core 1.3, §5.3.7), with the questions Bilim
 * asks of it (the vocabularies of §A.2).
 *
 * <p>Only <em>context</em> roles (membership in this course) make someone instructor-like or a
 * learner: an institution role ({@code institution/person#Instructor}) says what a person is at
 * the university, not in this course. Roles Bilim does not know are kept and ignored (LTI Core 1.3,
 * §5.3.7: "If this list is not empty, it MUST contain at least one role from the role
 * vocabularies", but a tool must not fail on others). An empty list and {@code [""]} are valid and
 * grant nothing.
 *
 * @param values the role URIs (or deprecated simple names) exactly as sent
 */
public record Roles(List<String> values) {

    private static final String CONTEXT = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private static final String CONTEXT_SUB_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership/";
    private static final String SYSTEM = "http://purl.imsglobal.org/vocab/lis/v2/system/person#";
    private static final String INSTITUTION = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#";

    private static final Set<String> INSTRUCTOR_LIKE = Set.of("Instructor", "TeachingAssistant", "ContentDeveloper");
    private static final Set<String> LEARNER = Set.of("Learner");
    private static final Set<String> PLATFORM_ADMIN = Set.of(SYSTEM + "Administrator", SYSTEM + "SysAdmin", INSTITUTION + "Administrator");

    public Roles {
        values = List.copyOf(values);
    }

    /**
     * Instructor, teaching assistant or content developer in this context, by full URI, by simple
     * name (§A.2.3, deprecated but allowed), or by a sub-role of one of them (§A.2.3.1, e.g.
     * {@code membership/Instructor#TeachingAssistant}).
     */
    public boolean isInstructorLike() {
        return hasContextRole(INSTRUCTOR_LIKE);
    }

    /** Learner in this context, or one of its sub-roles. */
    public boolean isLearner() {
        return hasContextRole(LEARNER);
    }

    /**
     * A system or institution administrator on the platform. Reported for the record only:
     * administering a university's LMS grants nothing in Bilim, which has its own administrators.
     */
    public boolean isPlatformAdmin() {
        return values.stream().anyMatch(PLATFORM_ADMIN::contains);
    }

    private boolean hasContextRole(Set<String> principals) {
        return values.stream().anyMatch(role -> principals.contains(role)
                || role.startsWith(CONTEXT) && principals.contains(role.substring(CONTEXT.length()))
                || role.startsWith(CONTEXT_SUB_ROLE) && role.indexOf('#') > 0
                        && principals.contains(role.substring(CONTEXT_SUB_ROLE.length(), role.indexOf('#'))));
    }
}
