package org.bilim.lti.services;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading optional fields of platform documents. */
final class Json {

    private Json() {
    }

    /** The field's text, or {@code null} when absent, null or not a scalar. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }
}
