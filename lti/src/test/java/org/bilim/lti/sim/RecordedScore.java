package org.bilim.lti.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A score the simulator received, duplicates included.
 *
 * @param lineItem    the line item's URL, as the simulator issued it
 * @param query       the raw query of the scores URL, or {@code null}
 * @param contentType the request's Content-Type
 * @param body        the score document as posted
 */
public record RecordedScore(String lineItem, String query, String contentType, JsonNode body) {

    public String userId() {
        return body.path("userId").asText(null);
    }

    /** {@code scoreGiven}, or {@code null} when absent. */
    public Double scoreGiven() {
        return body.hasNonNull("scoreGiven") ? body.get("scoreGiven").asDouble() : null;
    }

    public String timestamp() {
        return body.path("timestamp").asText(null);
    }

    public String activityProgress() {
        return body.path("activityProgress").asText(null);
    }

    public String gradingProgress() {
        return body.path("gradingProgress").asText(null);
    }
}
