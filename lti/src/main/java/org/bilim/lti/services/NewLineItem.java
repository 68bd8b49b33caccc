package org.bilim.lti.services;

import java.util.Objects;

/**
 * A line item Bilim wants on the platform. {@code resourceId}, {@code tag} and {@code
 * resourceLinkId} also say how to recognise it there, so posting again does not add a column.
 *
 * @param scoreMaximum   greater than 0
 * @param label          the gradebook column's title
 * @param resourceId     the tool's id of what is graded, or {@code null}
 * @param tag            a qualifier such as {@code final-exam}, or {@code null}
 * @param resourceLinkId the launch's resource link id to bind the item to, or {@code null}
 */
public record NewLineItem(double scoreMaximum, String label, String resourceId, String tag, String resourceLinkId) {

    public NewLineItem {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("a line item needs a label");
        }
        if (!(scoreMaximum > 0) || Double.isInfinite(scoreMaximum)) {
            throw new IllegalArgumentException("scoreMaximum must be a number greater than 0");
        }
    }

    /** Whether the platform's item is this one: every field Bilim set is the same there. */
    boolean sameAs(LineItem item) {
        return (resourceId == null || resourceId.equals(item.resourceId()))
                && (tag == null || tag.equals(item.tag()))
                && (resourceLinkId == null || resourceLinkId.equals(item.resourceLinkId()));
    }
}
