package org.bilim.courses.content;

import java.util.Objects;

/** WebVTT captions for a media item, in one language. */
public record CaptionTrack(String language, String label, FileRef file) {
    public CaptionTrack {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(file, "file");
    }
}
