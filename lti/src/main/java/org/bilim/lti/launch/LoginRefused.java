package org.bilim.lti.launch;

import org.bilim.lti.LtiException;

import java.util.Objects;

/** A third-party-initiated login Bilim will not continue, with the reason why. */
public final class LoginRefused extends LtiException {

    /** Why; each names the rule it applies. */
    public enum Reason {
        /** {@code iss} is required (Security Framework 1.0, §5.1.1.1). */
        ISSUER_MISSING,
        /** {@code login_hint} is required (Security Framework 1.0, §5.1.1.1). */
        LOGIN_HINT_MISSING,
        /** {@code target_link_uri} is required (Security Framework 1.0, §5.1.1.1). */
        TARGET_LINK_URI_MISSING,
        /** A parameter came more than once: which one the platform meant is anyone's guess. */
        PARAMETER_REPEATED,
        /** No registration has this issuer. */
        UNKNOWN_ISSUER,
        /** The issuer has several registrations and no {@code client_id} says which (LTI Core 1.3, §4.1.3). */
        AMBIGUOUS_ISSUER,
        /** The issuer is known but not with this {@code client_id} (LTI Core 1.3, §4.1.3). */
        UNKNOWN_CLIENT,
        /** The registration waits for an administrator or was disabled. */
        REGISTRATION_NOT_ACTIVE,
        /** {@code lti_deployment_id} is not one of the registration's deployments (LTI Core 1.3, §4.1.2). */
        UNKNOWN_DEPLOYMENT,
        /** {@code target_link_uri} does not point into Bilim: the tool must not be an open redirect (Security Framework 1.0, §5.1.1.1). */
        FOREIGN_TARGET_LINK_URI
    }

    private final Reason reason;

    public LoginRefused(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return "lti.login." + reason.name();
    }
}
