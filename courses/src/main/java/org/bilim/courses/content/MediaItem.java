package org.bilim.courses.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A lecture video or an audio recording, streamed by HTTP range requests, with optional captions. */
public record MediaItem(String key, String title, FileRef media, List<CaptionTrack> captions, String transcriptHtml)
        implements Item {
    public MediaItem {
        Keys.require(key, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(media, "media");
        captions = captions == null ? List.of() : List.copyOf(captions);
        transcriptHtml = transcriptHtml == null ? "" : transcriptHtml;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.MEDIA;
    }

    public boolean video() {
        return media.mediaType().startsWith("video/");
    }

    @Override
    public List<FileRef> files() {
        List<FileRef> all = new ArrayList<>();
        all.add(media);
        captions.forEach(c -> all.add(c.file()));
        return all;
    }
}
