package org.bilim.lti.dynamic;

import java.util.Objects;

/**
 * A Dynamic Registration that did not complete, with a {@link Problem} the administrator's screen
 * can explain. Messages never hold the registration token.
 */
public final class DynamicRegistrationException extends Exception {

    /** What went wrong; the names are stable codes. */
    public enum Problem {
        /** The configuration URL could not be read (refused, unreachable, not a success). */
        CONFIGURATION_UNREACHABLE,
        /** The configuration is not a JSON object. */
        CONFIGURATION_INVALID,
        /** The issuer is not an https URL without query or fragment (§3.5.1). */
        ISSUER_NOT_HTTPS,
        /** The configuration URL does not start with the issuer (§3.5.1). */
        ISSUER_MISMATCH,
        /** A required endpoint is missing. */
        MISSING_ENDPOINT,
        /** An endpoint is not an https URL. */
        INSECURE_ENDPOINT,
        /** The platform cannot do what Bilim needs (private_key_jwt, RS256, resource link launches). */
        UNSUPPORTED_PLATFORM,
        /** The registration endpoint could not be reached or did not accept the registration. */
        REGISTRATION_REJECTED,
        /** The registration response lacks a client_id or is not JSON. */
        REGISTRATION_RESPONSE_INVALID
    }

    private final Problem problem;

    public DynamicRegistrationException(Problem problem, String message) {
        this(problem, message, null);
    }

    public DynamicRegistrationException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
