package org.bilim.courses.quiz;

import java.util.Objects;

/** One option of a choice question, with the feedback shown when a learner picks it. */
public record Choice(String key, String html, boolean correct, String feedbackHtml) {
    public Choice {
        Questions.requireKey(key, "choice");
        Objects.requireNonNull(html, "html");
        feedbackHtml = feedbackHtml == null ? "" : feedbackHtml;
    }
}
