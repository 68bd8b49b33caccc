package org.bilim.lti.deeplinking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gradebook column a platform should create with a resource link (Deep Linking 2.0, §3.2,
 * {@code lineItem}): Bilim's score for the learner is then posted there through AGS.
 *
 * @param scoreMaximum the highest score, positive
 * @param label        the column's title, if not the item's
 * @param resourceId   Bilim's own id of what is graded, so Bilim can find the column again
 * @param tag          a free qualifier (e.g. "final")
 */
public record LineItem(double scoreMaximum, Optional<String> label, Optional<String> resourceId, Optional<String> tag) {

    public LineItem {
        if (!(scoreMaximum > 0) || Double.isInfinite(scoreMaximum)) {
            throw new IllegalArgumentException("scoreMaximum must be a positive number");
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(tag, "tag");
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scoreMaximum", scoreMaximum == Math.rint(scoreMaximum) ? (Object) (long) scoreMaximum : (Object) scoreMaximum);
        label.ifPresent(l -> json.put("label", l));
        resourceId.ifPresent(r -> json.put("resourceId", r));
        tag.ifPresent(t -> json.put("tag", t));
        return json;
    }
}
