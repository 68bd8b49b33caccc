package org.bilim.server.search;

import java.util.List;

/** What the search API answers. */
public final class SearchViews {
    private SearchViews() {
    }

    /**
     * One page of hits and the figures of all of them, counting only what the caller may see.
     * {@code rebuilding}: the index is being rebuilt, so some hits may be missing for a while.
     */
    public record SearchPage(String query, long total, int page, int size, List<HitView> hits, List<CourseCount> courses,
                             List<KindCount> kinds, boolean rebuilding) {
    }

    /**
     * A hit. {@code itemKey} is absent for the course itself; {@code seconds} is the moment of a
     * lecture where a caption matched. {@code snippetHtml} is escaped text whose only markup is
     * {@code <mark>} around the matched words.
     */
    public record HitView(long courseId, String courseTitle, String itemKey, String kind, String title, String language,
                          Double seconds, String snippetHtml) {
    }

    public record CourseCount(long courseId, String title, long count) {
    }

    public record KindCount(String kind, long count) {
    }

    /** A title that completes what the learner is typing, and where it leads. */
    public record SuggestionView(String title, long courseId, String courseTitle, String itemKey, String kind) {
    }
}
