package org.bilim.courses.content;

import java.util.List;
import java.util.Objects;

/** A module of a course: a title and its items, in the order learners meet them. */
public record CourseModule(String key, String title, List<Item> items) {
    public CourseModule {
        Keys.require(key, "module");
        Objects.requireNonNull(title, "title");
        items = items == null ? List.of() : List.copyOf(items);
    }
}
