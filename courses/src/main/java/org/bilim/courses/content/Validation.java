package org.bilim.courses.content;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

final class Validation {
    private Validation() {
    }

    static void uniqueKeys(List<String> keys, String what) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            if (!seen.add(key)) {
                throw new IllegalArgumentException("two " + what + "s share the key " + key);
            }
        }
    }
}
