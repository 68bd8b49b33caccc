package org.bilim.courses.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Everything a learner sees of one course version: its title and description as this version
 * shows them, and its modules in order. Keys are unique across the whole course, so an item can
 * be found, and progress kept, by key alone.
 */
public record CourseContent(String title, String description, List<CourseModule> modules) {
    public CourseContent {
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        modules = modules == null ? List.of() : List.copyOf(modules);
        Validation.uniqueKeys(modules.stream().map(CourseModule::key).toList(), "module");
        Validation.uniqueKeys(modules.stream().flatMap(m -> m.items().stream()).map(Item::key).toList(), "item");
    }

    public static CourseContent empty(String title, String description) {
        return new CourseContent(title, description, List.of());
    }

    public Stream<Item> items() {
        return modules.stream().flatMap(m -> m.items().stream());
    }

    public Optional<Item> item(String key) {
        return items().filter(i -> i.key().equals(key)).findFirst();
    }

    public Optional<CourseModule> module(String key) {
        return modules.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    /** Every stored file any item of this version needs, each once. */
    public List<FileRef> files() {
        return items().flatMap(i -> i.files().stream()).distinct().toList();
    }

    public CourseContent withTitle(String newTitle, String newDescription) {
        return new CourseContent(newTitle, newDescription, modules);
    }

    public CourseContent withModules(List<CourseModule> newModules) {
        return new CourseContent(title, description, newModules);
    }

    /** A copy with one module replaced (or removed, when the operator returns null). */
    public CourseContent mapModule(String moduleKey, UnaryOperator<CourseModule> change) {
        List<CourseModule> out = new ArrayList<>();
        boolean found = false;
        for (CourseModule m : modules) {
            if (m.key().equals(moduleKey)) {
                found = true;
                CourseModule changed = change.apply(m);
                if (changed != null) {
                    out.add(changed);
                }
            } else {
                out.add(m);
            }
        }
        if (!found) {
            throw new java.util.NoSuchElementException("no module " + moduleKey);
        }
        return withModules(out);
    }
}
