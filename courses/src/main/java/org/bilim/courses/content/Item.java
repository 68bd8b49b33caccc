package org.bilim.courses.content;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One thing a learner opens in a module. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PageItem.class, name = "page"),
    @JsonSubTypes.Type(value = FileItem.class, name = "file"),
    @JsonSubTypes.Type(value = MediaItem.class, name = "media"),
    @JsonSubTypes.Type(value = CaseStudyItem.class, name = "case-study"),
    @JsonSubTypes.Type(value = QuizItem.class, name = "quiz")
})
public sealed interface Item permits PageItem, FileItem, MediaItem, CaseStudyItem, QuizItem {
    String key();

    String title();

    @JsonIgnore
    ItemKind kind();

    /** Every stored file this item needs delivered with it. */
    @JsonIgnore
    java.util.List<FileRef> files();
}
