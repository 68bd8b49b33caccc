package org.bilim.lti.launch;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of a JSON object of claims, as Nimbus parsed it. Absent and {@code null} are both
 * "not sent"; a value of the wrong type is a {@link LaunchFailure.Reason#CLAIM_MALFORMED} naming
 * the claim (never its value).
 */
final class ClaimReader {

    private final Map<String, Object> values;
    private final String path;

    ClaimReader(Map<String, Object> values, String path) {
        this.values = values;
        this.path = path;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    Optional<String> string(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw malformed(name, "a string");
    }

    Optional<Boolean> bool(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        throw malformed(name, "a boolean");
    }

    Optional<List<String>> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return Optional.of(list.stream().map(String.class::cast).toList());
        }
        throw malformed(name, "an array of strings");
    }

    @SuppressWarnings("unchecked")
    Optional<ClaimReader> object(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of(new ClaimReader((Map<String, Object>) map, path + name + "."));
        }
        throw malformed(name, "an object");
    }

    /** An object's members as text: strings as they are, numbers and booleans printed, objects and arrays as JSON; nulls left out. */
    @SuppressWarnings("unchecked")
    Map<String, String> texts(String name) {
        Map<String, String> texts = new LinkedHashMap<>();
        object(name).ifPresent(object -> object.values.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map) {
                texts.put(key, JSONObjectUtils.toJSONString((Map<String, ?>) map));
            } else if (value instanceof List<?> list) {
                texts.put(key, JSONArrayUtils.toJSONString(list));
            } else if (value != null) {
                texts.put(key, value.toString());
            }
        }));
        return texts;
    }

    LaunchFailure malformed(String name, String expected) {
        return new LaunchFailure(LaunchFailure.Reason.CLAIM_MALFORMED, path + name + " is not " + expected);
    }
}
