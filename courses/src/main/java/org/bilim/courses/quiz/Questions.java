package org.bilim.courses.quiz;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bilim.courses.content.Keys;

/** Checks shared by the question types, and the view of a question a learner may see. */
public final class Questions {
    private Questions() {
    }

    /** What a learner sees of a question before answering: no right answers, no feedback. */
    public record LearnerQuestion(String key, String type, String promptHtml, BigDecimal points,
                                  List<LearnerChoice> choices) {
    }

    public record LearnerChoice(String key, String html) {
    }

    public static LearnerQuestion forLearner(Question q) {
        return switch (q) {
            case Question.SingleChoice s -> new LearnerQuestion(s.key(), "single-choice", s.promptHtml(), s.points(), shown(s.choices()));
            case Question.MultipleChoice m -> new LearnerQuestion(m.key(), "multiple-choice", m.promptHtml(), m.points(), shown(m.choices()));
            case Question.TrueFalse t -> new LearnerQuestion(t.key(), "true-false", t.promptHtml(), t.points(), List.of());
            case Question.ShortAnswer s -> new LearnerQuestion(s.key(), "short-answer", s.promptHtml(), s.points(), List.of());
            case Question.Numeric n -> new LearnerQuestion(n.key(), "numeric", n.promptHtml(), n.points(), List.of());
            case Question.Essay e -> new LearnerQuestion(e.key(), "essay", e.promptHtml(), e.points(), List.of());
        };
    }

    private static List<LearnerChoice> shown(List<Choice> choices) {
        return choices.stream().map(c -> new LearnerChoice(c.key(), c.html())).toList();
    }

    public static List<Question> checked(List<Question> questions) {
        List<Question> copy = questions == null ? List.of() : List.copyOf(questions);
        Set<String> seen = new HashSet<>();
        for (Question q : copy) {
            if (!seen.add(q.key())) {
                throw new IllegalArgumentException("two questions share the key " + q.key());
            }
        }
        return copy;
    }

    static void requireKey(String key, String what) {
        if (!Keys.valid(key)) {
            throw new IllegalArgumentException(what + " key must be 1 to 64 letters, digits, '-' or '_': " + key);
        }
    }

    static void requireCommon(String key, String promptHtml, BigDecimal points) {
        requireKey(key, "question");
        Objects.requireNonNull(promptHtml, "promptHtml");
        Objects.requireNonNull(points, "points");
        if (points.signum() < 0) {
            throw new IllegalArgumentException("question " + key + ": points must not be negative");
        }
    }

    static List<Choice> choices(List<Choice> choices, int atLeast) {
        List<Choice> copy = choices == null ? List.of() : List.copyOf(choices);
        if (copy.size() < atLeast) {
            throw new IllegalArgumentException("a choice question needs at least " + atLeast + " choices");
        }
        Set<String> seen = new HashSet<>();
        for (Choice c : copy) {
            if (!seen.add(c.key())) {
                throw new IllegalArgumentException("two choices share the key " + c.key());
            }
        }
        return copy;
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
