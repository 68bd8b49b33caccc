package org.bilim.courses.quiz;

import java.math.BigDecimal;
import java.util.List;

/**
 * A graded attempt: points earned out of the points available, and each question's judgement.
 * {@code complete} is false while an essay waits for a person to grade it.
 */
public record QuizResult(BigDecimal score, BigDecimal maxScore, boolean complete, List<QuestionResult> questions) {
    public QuizResult {
        questions = List.copyOf(questions);
    }
}
