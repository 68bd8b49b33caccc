package org.bilim.lti.http;

import java.net.URI;

/**
 * Which destinations Bilim may call. {@link LtiHttp} asks before every request; an implementation
 * answers from the approved platform registrations (see {@link RegistrationAllowlist}) or from
 * whatever live view of them the server keeps.
 *
 * <p>The scheme rule (https, or plain http to loopback only where configured) is enforced by
 * {@link LtiHttp} itself, so an allowlist that forgets it cannot open plain http to the world.
 */
@FunctionalInterface
public interface Allowlist {

    /** Whether a request to this absolute URL may be sent. */
    boolean allows(URI uri);

    /** Allows nothing: the starting point of a server with no active registration. */
    static Allowlist none() {
        return uri -> false;
    }

    /** Allows what either list allows. */
    default Allowlist or(Allowlist other) {
        return uri -> allows(uri) || other.allows(uri);
    }
}
