package org.bilim.courses.content;

import java.util.List;
import java.util.Objects;

/** A document, usually a PDF, viewed inside the kiosk and never linked anywhere else. */
public record FileItem(String key, String title, FileRef file) implements Item {
    public FileItem {
        Keys.require(key, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(file, "file");
    }

    @Override
    public ItemKind kind() {
        return ItemKind.FILE;
    }

    @Override
    public List<FileRef> files() {
        return List.of(file);
    }
}
