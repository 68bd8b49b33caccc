package org.bilim.courses.content;

import java.util.List;
import java.util.Objects;
import org.bilim.courses.quiz.Question;
import org.bilim.courses.quiz.Questions;

/**
 * A practice quiz: questions graded by {@link org.bilim.courses.quiz.QuizGrader} with immediate
 * feedback. {@code attemptsAllowed} of 0 means as many attempts as the learner likes.
 */
public record QuizItem(String key, String title, String introHtml, int attemptsAllowed, List<Question> questions)
        implements Item {
    public QuizItem {
        Keys.require(key, "item");
        Objects.requireNonNull(title, "title");
        introHtml = introHtml == null ? "" : introHtml;
        if (attemptsAllowed < 0) {
            throw new IllegalArgumentException("attemptsAllowed must not be negative");
        }
        questions = Questions.checked(questions);
    }

    @Override
    public ItemKind kind() {
        return ItemKind.QUIZ;
    }

    @Override
    public List<FileRef> files() {
        return List.of();
    }
}
