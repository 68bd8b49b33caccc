package it.bilim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import it.bilim.support.Api;
import java.util.List;

/** The right answers to the demo courses' practice quizzes, as a learner would give them. */
final class DemoAnswers {
    private DemoAnswers() {
    }

    static ObjectNode rightAnswers(String quizKey) {
        return switch (quizKey) {
            case "law-quiz" -> Api.object(
                    "law-q1", choices("b"), "law-q2", choices("a", "b"), "law-q3", choices("false"),
                    "law-q4", text("конституция"), "law-q5", text("13"));
            case "fin-quiz" -> Api.object(
                    "fin-q1", choices("a"), "fin-q2", choices("a", "b"), "fin-q3", choices("false"),
                    "fin-q4", text("Жинақ"), "fin-q5", text("15 000"));
            default -> throw new IllegalArgumentException("no demo quiz " + quizKey);
        };
    }

    private static ObjectNode choices(String... keys) {
        return Api.object("choices", List.of(keys));
    }

    private static ObjectNode text(String text) {
        return Api.object("text", text);
    }
}
