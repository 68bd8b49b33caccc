package org.bilim.courses.search;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, the number of all hits, and how they fall into courses and item kinds; every
 * figure counts only what the searcher may see.
 */
public record SearchResult(long total, List<Hit> hits, Map<Long, Long> byCourse, Map<String, Long> byKind) {

    /** A hit: where it is, and a snippet of escaped text with the matched words in {@code <mark>}. */
    public record Hit(long courseId, long versionId, String itemKey, String kind, String language, String courseTitle,
                      String title, String anchor, String snippetHtml, float score) {
    }
}
