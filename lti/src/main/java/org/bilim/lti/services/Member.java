package org.bilim.lti.services;

import java.util.List;
import java.util.Objects;

/**
 * A member of a course context as the platform lists it (NRPS 2.0, membership container). Only
 * {@code userId}, {@code roles} and {@code status} are always present; the personal fields are
 * there when the platform shares them with Bilim, otherwise {@code null}.
 *
 * @param userId             the platform's stable id of the person, the {@code sub} of their launches
 * @param roles              role URIs (LTI Core 1.3 §A.2), possibly short context roles such as {@code Learner}
 * @param status             whether the membership is active
 * @param name               full name, or {@code null}
 * @param givenName          given name, or {@code null}
 * @param familyName         family name, or {@code null}
 * @param email              e-mail address, or {@code null}
 * @param lisPersonSourcedId the student information system's id ({@code lis_person_sourcedid}), or {@code null}
 */
public record Member(String userId, List<String> roles, Status status, String name, String givenName, String familyName,
                     String email, String lisPersonSourcedId) {

    /** NRPS 2.0: a member without a status is {@code Active}. */
    public enum Status { ACTIVE, INACTIVE, DELETED }

    public Member {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        roles = List.copyOf(roles);
    }
}
