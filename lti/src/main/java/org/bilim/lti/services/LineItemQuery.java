package org.bilim.lti.services;

/**
 * Filters of the line items container (AGS 2.0: {@code resource_link_id}, {@code resource_id},
 * {@code tag}); {@code null} means any.
 */
public record LineItemQuery(String resourceLinkId, String resourceId, String tag) {

    public static LineItemQuery all() {
        return new LineItemQuery(null, null, null);
    }
}
