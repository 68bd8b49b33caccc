package org.bilim.courses.quiz;

import java.math.BigDecimal;
import java.util.List;

/** The judgement of one answer, with the feedback the learner is shown. */
public record QuestionResult(String key, Outcome outcome, BigDecimal awarded, BigDecimal points,
                             String feedbackHtml, List<String> choiceFeedbackHtml) {
    public QuestionResult {
        choiceFeedbackHtml = choiceFeedbackHtml == null ? List.of() : List.copyOf(choiceFeedbackHtml);
    }
}
