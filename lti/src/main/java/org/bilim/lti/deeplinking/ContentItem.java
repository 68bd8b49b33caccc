package org.bilim.lti.deeplinking;

import java.util.Map;

/**
 * A content item Bilim sends back in a Deep Linking response (Deep Linking 2.0, §3). Only
 * {@code ltiResourceLink} for now: Bilim offers courses to launch, not files or links.
 */
public sealed interface ContentItem permits LtiResourceLinkItem {

    /** The item's {@code type}, as {@code accept_types} lists it. */
    String type();

    /** The item as the JSON object of {@code content_items}. */
    Map<String, Object> toJson();
}
