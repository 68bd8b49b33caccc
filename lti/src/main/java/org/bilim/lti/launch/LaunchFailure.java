package org.bilim.lti.launch;

import org.bilim.lti.LtiException;

import java.util.Objects;

/**
 * A refused launch: the {@link Reason} says which rule the {@code id_token} or the request broke,
 * the message gives a detail fit for a log (claim names, a clipped kid or issuer; never the
 * token, the state or the nonce).
 */
public final class LaunchFailure extends LtiException {

    /** Every rule a launch can break, with the section it comes from. */
    public enum Reason {
        STATE_MISSING("Security Framework 1.0 §5.1.1.3, §7.3.1: the response carries the state"),
        STATE_MISMATCH("Security Framework 1.0 §7.3.1: the state is the one bound to this browser"),
        STATE_EXPIRED("Security Framework 1.0 §7.3.1: the login was started too long ago"),
        MALFORMED("Security Framework 1.0 §5.1.2: the id_token is a JWS in compact serialisation"),
        ALG_NOT_ALLOWED("Security Framework 1.0 §5.1.3 step 6, §6.1: asymmetric algorithms only (RS256/384/512, ES256/384)"),
        KEY_IN_HEADER("RFC 8725 §3.10: keys are taken from the registration's JWKS, never from the token (jwk, jku, x5u, x5c)"),
        CRITICAL_HEADER("RFC 7515 §4.1.11: no critical header extension is understood"),
        KID_MISSING("Security Framework 1.0 §6.3: the header names its key"),
        KID_UNKNOWN("Security Framework 1.0 §6.3, §6.4: the key is in the platform's key set"),
        KEY_UNSUITABLE("Security Framework 1.0 §6.1: the key fits the algorithm (type, curve, RSA of 2048 bits or more)"),
        BAD_SIGNATURE("Security Framework 1.0 §5.1.3 step 1: the signature verifies with the platform's key"),
        ISSUER_MISSING("Security Framework 1.0 §5.1.2: iss is required"),
        UNKNOWN_ISSUER("Security Framework 1.0 §5.1.3 step 2: iss exactly matches a registered issuer"),
        LOGIN_MISMATCH("Security Framework 1.0 §5.1.1: the token comes from the registration the login was started for"),
        REGISTRATION_NOT_ACTIVE("the registration is active"),
        AUDIENCE_MISMATCH("Security Framework 1.0 §5.1.3 step 3: aud contains Bilim's client_id"),
        AZP_MISSING("Security Framework 1.0 §5.1.3 step 4: several audiences need azp"),
        AZP_MISMATCH("Security Framework 1.0 §5.1.3 step 5: azp is Bilim's client_id"),
        TIMESTAMP_MISSING("Security Framework 1.0 §5.1.2: exp and iat are required"),
        EXPIRED("Security Framework 1.0 §5.1.3 step 7: now is before exp"),
        NOT_YET_VALID("RFC 7519 §4.1.5: now is not before nbf"),
        ISSUED_IN_FUTURE("Security Framework 1.0 §5.1.3 step 8: iat is not in the future"),
        TOO_OLD("Security Framework 1.0 §5.1.3 step 8: iat is recent"),
        NONCE_MISSING("Security Framework 1.0 §5.1.3 step 9: nonce is required"),
        NONCE_MISMATCH("Security Framework 1.0 §5.1.1.2, §5.1.3 step 9: the nonce is the one issued for this state"),
        NONCE_REPLAYED("Security Framework 1.0 §5.1.3 step 9: a nonce is used once"),
        DEPLOYMENT_ID_MISSING("LTI Core 1.3 §5.3.3: deployment_id is required"),
        DEPLOYMENT_UNKNOWN("LTI Core 1.3 §3.1.3, §5.3.3: the deployment is registered"),
        VERSION_MISSING("LTI Core 1.3 §5.3.2: version is required"),
        VERSION_UNSUPPORTED("LTI Core 1.3 §5.3.2: version is 1.3.0"),
        MESSAGE_TYPE_MISSING("LTI Core 1.3 §5.3.1: message_type is required"),
        MESSAGE_TYPE_UNKNOWN("LTI Core 1.3 §5.3.1: a message type Bilim knows"),
        MESSAGE_TYPE_UNSUPPORTED("a message type Bilim knows but does not handle (e.g. LtiSubmissionReviewRequest)"),
        ANONYMOUS_LAUNCH_UNSUPPORTED("LTI Core 1.3 §5.3.6.1: no sub means an anonymous user, and Bilim serves only people it can name"),
        SUB_INVALID("LTI Core 1.3 §5.3.6: sub is a non-empty string of at most 255 characters"),
        ROLES_MISSING("LTI Core 1.3 §5.3.7: roles is required (it may be empty)"),
        RESOURCE_LINK_MISSING("LTI Core 1.3 §5.3.5: a resource link launch carries resource_link with an id"),
        TARGET_LINK_URI_MISSING("LTI Core 1.3 §5.3.4: a resource link launch carries target_link_uri"),
        DEEP_LINKING_SETTINGS_MISSING("Deep Linking 2.0 §4.4.1: a deep linking request carries deep_link_return_url and accept_types"),
        CLAIM_MALFORMED("LTI Core 1.3 §5: a claim has the type the specification gives it");

        private final String rule;

        Reason(String rule) {
            this.rule = rule;
        }

        /** The rule, with the section of the specification it comes from. */
        public String rule() {
            return rule;
        }
    }

    private final Reason reason;

    public LaunchFailure(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return "lti.launch." + reason.name();
    }
}
