package org.bilim.lti.sim;

import java.util.List;
import java.util.Objects;

/**
 * A person on the simulator's roster, as NRPS 2.0 lists them.
 *
 * @param lisPersonSourcedId the SIS id, or {@code null} to leave the field out
 */
public record SimMember(String userId, List<String> roles, String status, String name, String givenName, String familyName,
                        String email, String lisPersonSourcedId) {

    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    public SimMember {
        Objects.requireNonNull(userId, "userId");
        roles = List.copyOf(roles);
    }

    /** An active learner with a name split in two and an address at the university. */
    public static SimMember learner(String userId, String givenName, String familyName) {
        return new SimMember(userId, List.of(LEARNER), "Active", givenName + " " + familyName, givenName, familyName,
                userId + "@university.example", "sis-" + userId);
    }

    public static SimMember instructor(String userId, String givenName, String familyName) {
        return new SimMember(userId, List.of(INSTRUCTOR), "Active", givenName + " " + familyName, givenName, familyName,
                userId + "@university.example", null);
    }
}
