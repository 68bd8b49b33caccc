package org.bilim.courses.content;

import java.math.BigDecimal;
import java.util.Objects;

/** One task of a case study: what the learner is asked, and the rubric graders use. */
public record CaseTask(String key, String promptHtml, String rubricHtml, BigDecimal maxScore) {
    public CaseTask {
        Keys.require(key, "task");
        Objects.requireNonNull(promptHtml, "promptHtml");
        rubricHtml = rubricHtml == null ? "" : rubricHtml;
        Objects.requireNonNull(maxScore, "maxScore");
        if (maxScore.signum() < 0) {
            throw new IllegalArgumentException("maxScore must not be negative");
        }
    }
}
