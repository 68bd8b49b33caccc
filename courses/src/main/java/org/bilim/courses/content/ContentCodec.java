package org.bilim.courses.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one JSON form of course content. Properties are written in a fixed (alphabetical) order
 * and numbers as written, so equal content always gives the same bytes and the same hash.
 * Unknown properties are refused on reading: a document that does not fit the model is an error,
 * not something to half-understand.
 */
public final class ContentCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ContentCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("content could not be written as JSON", e);
        }
    }

    public static CourseContent read(String json) {
        return read(json, CourseContent.class);
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidContentException(e.getOriginalMessage(), e);
        }
    }

    /** The SHA-256 of the canonical JSON, lower-case hex: what an approval is bound to. */
    public static String hash(CourseContent content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(toJson(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Content that does not fit the model; the message says where. */
    public static final class InvalidContentException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidContentException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
