package org.bilim.lti.services;

import java.net.URI;
import java.util.Objects;

/**
 * A column in the platform's gradebook (AGS 2.0, line item service), as the platform holds it.
 *
 * @param id             the line item's URL; its scores are posted under it
 * @param scoreMaximum   the maximum score, greater than 0
 * @param label          the column's title
 * @param resourceId     the tool's id of what is graded (a Bilim course or exam), or {@code null}
 * @param tag            the tool's qualifier (e.g. {@code final-exam}), or {@code null}
 * @param resourceLinkId the resource link the item is bound to, or {@code null}
 */
public record LineItem(URI id, double scoreMaximum, String label, String resourceId, String tag, String resourceLinkId) {

    public LineItem {
        Objects.requireNonNull(id, "id");
    }
}
