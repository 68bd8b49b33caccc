package org.bilim.courses.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A scenario with attachments, then tasks the learner answers in writing and staff grade. */
public record CaseStudyItem(String key, String title, String scenarioHtml, List<FileRef> attachments,
                            List<CaseTask> tasks) implements Item {
    public CaseStudyItem {
        Keys.require(key, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(scenarioHtml, "scenarioHtml");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        Validation.uniqueKeys(tasks.stream().map(CaseTask::key).toList(), "task");
    }

    @Override
    public ItemKind kind() {
        return ItemKind.CASE_STUDY;
    }

    @Override
    public List<FileRef> files() {
        return new ArrayList<>(attachments);
    }
}
