package org.bilim.courses.quiz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Grades responses against questions. Pure and deterministic: the same questions and responses
 * always give the same result, so a grade can be recomputed and checked later.
 */
public final class QuizGrader {
    private static final int SCALE = 2;

    public QuizResult grade(List<Question> questions, Map<String, Response> responses) {
        List<QuestionResult> results = new ArrayList<>();
        BigDecimal score = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        boolean complete = true;
        for (Question q : questions) {
            Response r = responses.get(q.key());
            QuestionResult result = r == null || r.blank()
                    ? new QuestionResult(q.key(), Outcome.UNANSWERED, zero(), q.points(), q.incorrectFeedbackHtml(), List.of())
                    : judge(q, r);
            results.add(result);
            score = score.add(result.awarded());
            max = max.add(q.points());
            complete &= result.outcome() != Outcome.NEEDS_GRADING;
        }
        return new QuizResult(score.setScale(SCALE, RoundingMode.HALF_UP), max.setScale(SCALE, RoundingMode.HALF_UP),
                complete, results);
    }

    QuestionResult judge(Question q, Response r) {
        return switch (q) {
            case Question.SingleChoice s -> {
                boolean right = r.choices().size() == 1
                        && s.choices().stream().anyMatch(c -> c.correct() && c.key().equals(r.choices().getFirst()));
                yield allOrNothing(s, right, picked(s.choices(), r));
            }
            case Question.MultipleChoice m -> multiple(m, r);
            case Question.TrueFalse t -> {
                boolean right = r.choices().size() == 1 && r.choices().getFirst().equals(Boolean.toString(t.answer()));
                yield allOrNothing(t, right, List.of());
            }
            case Question.ShortAnswer s -> {
                String given = normalise(r.text(), s.caseSensitive());
                boolean right = s.acceptedAnswers().stream().anyMatch(a -> normalise(a, s.caseSensitive()).equals(given));
                yield allOrNothing(s, right, List.of());
            }
            case Question.Numeric n -> {
                Optional<BigDecimal> given = parseNumber(r.text());
                boolean right = given.isPresent() && given.get().subtract(n.value()).abs().compareTo(n.tolerance()) <= 0;
                yield allOrNothing(n, right, List.of());
            }
            case Question.Essay e -> new QuestionResult(e.key(), Outcome.NEEDS_GRADING, zero(), e.points(), "", List.of());
        };
    }

    private QuestionResult multiple(Question.MultipleChoice m, Response r) {
        Set<String> pickedKeys = new HashSet<>(r.choices());
        long rightTotal = m.choices().stream().filter(Choice::correct).count();
        long rightPicked = m.choices().stream().filter(c -> c.correct() && pickedKeys.contains(c.key())).count();
        long wrongPicked = m.choices().stream().filter(c -> !c.correct() && pickedKeys.contains(c.key())).count();
        long net = Math.max(0, rightPicked - wrongPicked);
        BigDecimal awarded = m.points().multiply(BigDecimal.valueOf(net))
                .divide(BigDecimal.valueOf(rightTotal), SCALE, RoundingMode.HALF_UP);
        Outcome outcome = net == rightTotal && wrongPicked == 0 ? Outcome.CORRECT
                : net > 0 ? Outcome.PARTIALLY_CORRECT : Outcome.INCORRECT;
        String feedback = outcome == Outcome.CORRECT ? m.correctFeedbackHtml() : m.incorrectFeedbackHtml();
        return new QuestionResult(m.key(), outcome, awarded, m.points(), feedback, picked(m.choices(), r));
    }

    private static QuestionResult allOrNothing(Question q, boolean right, List<String> choiceFeedback) {
        return new QuestionResult(q.key(), right ? Outcome.CORRECT : Outcome.INCORRECT,
                right ? q.points().setScale(SCALE, RoundingMode.HALF_UP) : zero(), q.points(),
                right ? q.correctFeedbackHtml() : q.incorrectFeedbackHtml(), choiceFeedback);
    }

    private static List<String> picked(List<Choice> choices, Response r) {
        return choices.stream().filter(c -> r.choices().contains(c.key()) && !c.feedbackHtml().isEmpty())
                .map(Choice::feedbackHtml).toList();
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }

    static String normalise(String s, boolean caseSensitive) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        return caseSensitive ? n : n.toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a number as people in Kazakhstan write it: a comma or a point as the decimal
     * separator, spaces (also no-break and thin spaces) between groups of digits, a minus sign or
     * a hyphen. Anything else is not a number.
     */
    static Optional<BigDecimal> parseNumber(String text) {
        String s = text.strip().replaceAll("[\\s\\u00A0\\u2009\\u202F]", "").replace('\u2212', '-').replace(',', '.');
        if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
