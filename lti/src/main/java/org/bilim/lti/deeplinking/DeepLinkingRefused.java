package org.bilim.lti.deeplinking;

import org.bilim.lti.LtiException;

import java.util.Objects;

/** A Deep Linking reply Bilim will not send, because the platform said it would not take it. */
public final class DeepLinkingRefused extends LtiException {

    public enum Reason {
        /** Only an {@code LtiDeepLinkingRequest} launch can be answered with a Deep Linking response. */
        NOT_A_DEEP_LINKING_LAUNCH,
        /** An item's type is not in the request's {@code accept_types} (Deep Linking 2.0, §4.4.1 "Deep linking settings"). */
        TYPE_NOT_ACCEPTED,
        /** More than one item while the request said {@code accept_multiple: false} or nothing (Deep Linking 2.0, §4.4.1 "Deep linking settings"). */
        MULTIPLE_NOT_ACCEPTED
    }

    private final Reason reason;

    public DeepLinkingRefused(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String code() {
        return "lti.deep-linking." + reason.name();
    }
}
