package org.bilim.lti.services;

import java.util.List;
import java.util.Objects;

/**
 * A course context's complete membership, every page read.
 *
 * @param contextId    the platform's context id
 * @param contextLabel short label, or {@code null}
 * @param contextTitle title, or {@code null}
 * @param members      every member on every page, in the platform's order
 */
public record Roster(String contextId, String contextLabel, String contextTitle, List<Member> members) {

    public Roster {
        Objects.requireNonNull(contextId, "contextId");
        members = List.copyOf(members);
    }
}
