package org.bilim.courses.quiz;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;

/**
 * A question: its prompt, the points it is worth, and the feedback for a right and a wrong answer.
 * Each type decides for itself what a right answer is.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Question.SingleChoice.class, name = "single-choice"),
    @JsonSubTypes.Type(value = Question.MultipleChoice.class, name = "multiple-choice"),
    @JsonSubTypes.Type(value = Question.TrueFalse.class, name = "true-false"),
    @JsonSubTypes.Type(value = Question.ShortAnswer.class, name = "short-answer"),
    @JsonSubTypes.Type(value = Question.Numeric.class, name = "numeric"),
    @JsonSubTypes.Type(value = Question.Essay.class, name = "essay")
})
public sealed interface Question {
    String key();

    String promptHtml();

    BigDecimal points();

    /** Shown after a right answer. */
    String correctFeedbackHtml();

    /** Shown after a wrong or partly right answer. */
    String incorrectFeedbackHtml();

    /** Exactly one choice is right. */
    record SingleChoice(String key, String promptHtml, BigDecimal points, java.util.List<Choice> choices,
                        String correctFeedbackHtml, String incorrectFeedbackHtml) implements Question {
        public SingleChoice {
            Questions.requireCommon(key, promptHtml, points);
            choices = Questions.choices(choices, 2);
            if (choices.stream().filter(Choice::correct).count() != 1) {
                throw new IllegalArgumentException("question " + key + ": a single-choice question needs exactly one right choice");
            }
            correctFeedbackHtml = Questions.orEmpty(correctFeedbackHtml);
            incorrectFeedbackHtml = Questions.orEmpty(incorrectFeedbackHtml);
        }
    }

    /**
     * Any number of choices are right. Partial credit: each right pick earns its share of the
     * points, each wrong pick takes a share away, and the total never drops below zero, so
     * picking everything earns nothing.
     */
    record MultipleChoice(String key, String promptHtml, BigDecimal points, java.util.List<Choice> choices,
                          String correctFeedbackHtml, String incorrectFeedbackHtml) implements Question {
        public MultipleChoice {
            Questions.requireCommon(key, promptHtml, points);
            choices = Questions.choices(choices, 2);
            if (choices.stream().noneMatch(Choice::correct)) {
                throw new IllegalArgumentException("question " + key + ": a multiple-choice question needs a right choice");
            }
            correctFeedbackHtml = Questions.orEmpty(correctFeedbackHtml);
            incorrectFeedbackHtml = Questions.orEmpty(incorrectFeedbackHtml);
        }
    }

    /** A statement that is true or false; answered with the choice {@code true} or {@code false}. */
    record TrueFalse(String key, String promptHtml, BigDecimal points, boolean answer,
                     String correctFeedbackHtml, String incorrectFeedbackHtml) implements Question {
        public TrueFalse {
            Questions.requireCommon(key, promptHtml, points);
            correctFeedbackHtml = Questions.orEmpty(correctFeedbackHtml);
            incorrectFeedbackHtml = Questions.orEmpty(incorrectFeedbackHtml);
        }
    }

    /**
     * A short typed answer compared with the accepted answers after Unicode normalisation,
     * trimming and collapsing spaces, and, unless {@code caseSensitive}, ignoring case.
     */
    record ShortAnswer(String key, String promptHtml, BigDecimal points, java.util.List<String> acceptedAnswers,
                       boolean caseSensitive, String correctFeedbackHtml, String incorrectFeedbackHtml)
            implements Question {
        public ShortAnswer {
            Questions.requireCommon(key, promptHtml, points);
            acceptedAnswers = acceptedAnswers == null ? java.util.List.of() : java.util.List.copyOf(acceptedAnswers);
            if (acceptedAnswers.stream().allMatch(a -> a.isBlank())) {
                throw new IllegalArgumentException("question " + key + ": a short-answer question needs an accepted answer");
            }
            correctFeedbackHtml = Questions.orEmpty(correctFeedbackHtml);
            incorrectFeedbackHtml = Questions.orEmpty(incorrectFeedbackHtml);
        }
    }

    /** A number, right when within {@code tolerance} of {@code value} (both ends included). */
    record Numeric(String key, String promptHtml, BigDecimal points, BigDecimal value, BigDecimal tolerance,
                   String correctFeedbackHtml, String incorrectFeedbackHtml) implements Question {
        public Numeric {
            Questions.requireCommon(key, promptHtml, points);
            java.util.Objects.requireNonNull(value, "value");
            tolerance = tolerance == null ? BigDecimal.ZERO : tolerance.abs();
            correctFeedbackHtml = Questions.orEmpty(correctFeedbackHtml);
            incorrectFeedbackHtml = Questions.orEmpty(incorrectFeedbackHtml);
        }
    }

    /** Free writing, graded by a person; {@code guidanceHtml} is for the grader. */
    record Essay(String key, String promptHtml, BigDecimal points, String guidanceHtml,
                 String correctFeedbackHtml, String incorrectFeedbackHtml) implements Question {
        public Essay {
            Questions.requireCommon(key, promptHtml, points);
            guidanceHtml = Questions.orEmpty(guidanceHtml);
            correctFeedbackHtml = Questions.orEmpty(correctFeedbackHtml);
            incorrectFeedbackHtml = Questions.orEmpty(incorrectFeedbackHtml);
        }
    }
}
