package org.bilim.lti.launch;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deep linking settings of an {@code LtiDeepLinkingRequest} (Deep Linking 2.0, §4.4.1 "Deep linking settings"): what the
 * platform will accept back, and where.
 *
 * @param returnUrl                 {@code deep_link_return_url}: where the reply is posted
 * @param acceptTypes               content item types the platform accepts (e.g. {@code ltiResourceLink})
 * @param acceptPresentationTargets {@code accept_presentation_document_targets}
 * @param acceptMultiple            whether more than one item may come back (absent counts as no)
 * @param acceptLineItem            whether the platform creates line items from items; empty if it did not say
 * @param autoCreate                whether the platform creates the items without asking
 * @param title                     a default title for the items, if given
 * @param text                      a default text for the items, if given
 * @param data                      an opaque value to echo exactly in the reply, if given
 */
public record DeepLinkingSettings(URI returnUrl, List<String> acceptTypes, List<String> acceptPresentationTargets, boolean acceptMultiple,
                                  Optional<Boolean> acceptLineItem, boolean autoCreate, Optional<String> title, Optional<String> text,
                                  Optional<String> data) {

    public DeepLinkingSettings {
        Objects.requireNonNull(returnUrl, "returnUrl");
        acceptTypes = List.copyOf(acceptTypes);
        acceptPresentationTargets = List.copyOf(acceptPresentationTargets);
        Objects.requireNonNull(acceptLineItem, "acceptLineItem");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(data, "data");
    }
}
