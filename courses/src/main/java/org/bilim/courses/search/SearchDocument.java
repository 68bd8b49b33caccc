package org.bilim.courses.search;

import java.util.Objects;

/**
 * One searchable passage of a course version: an item's text (a page, a case study's scenario and
 * tasks, a quiz's questions without their answers, a PDF's text), or one caption cue of a lecture,
 * whose {@code anchor} ({@code t=93.5}) takes the learner to that moment.
 */
public record SearchDocument(long courseId, long versionId, String itemKey, String kind, String language,
                             String courseTitle, String title, String text, String anchor) {
    public SearchDocument {
        Objects.requireNonNull(itemKey, "itemKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(language, "language");
        courseTitle = courseTitle == null ? "" : courseTitle;
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        anchor = anchor == null ? "" : anchor;
    }

    String id() {
        return versionId + "/" + itemKey + "#" + anchor;
    }
}
