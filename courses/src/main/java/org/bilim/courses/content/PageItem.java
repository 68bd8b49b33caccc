package org.bilim.courses.content;

import java.util.List;
import java.util.Objects;

/**
 * Rich text read in the kiosk reader. {@code html} is already sanitised; {@code assets} are the
 * files (images, mostly) its sanitised HTML points at, so they are delivered with it.
 */
public record PageItem(String key, String title, String html, List<FileRef> assets) implements Item {
    public PageItem {
        Keys.require(key, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(html, "html");
        assets = assets == null ? List.of() : List.copyOf(assets);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.PAGE;
    }

    @Override
    public List<FileRef> files() {
        return assets;
    }
}
