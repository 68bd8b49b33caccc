package org.bilim.lti;

/**
 * Root of the LTI module's failures: every refusal of a login, a launch or a Deep Linking reply
 * extends it, so the server maps one hierarchy onto problem details.
 *
 * <p>{@link #code()} is stable (it is shown to people and searched in logs); the message is a
 * log-safe detail: it never holds a token, a state or a nonce, and text taken from a request is
 * clipped and stripped of control characters first (see {@link LogSafe}).
 */
public abstract class LtiException extends RuntimeException {

    protected LtiException(String message) {
        super(message);
    }

    protected LtiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stable machine-readable code, e.g. {@code lti.launch.KID_UNKNOWN}. */
    public abstract String code();
}
