package org.bilim.server.platform;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * JSON that another serialiser wrote (the course content's canonical form), carried inside a
 * JSON-B answer as a value instead of as a quoted string.
 */
public final class JsonText {
    private JsonText() {
    }

    public static JsonValue of(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
