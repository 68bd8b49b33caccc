package org.bilim.courses.quiz;

import java.util.List;

/**
 * What a learner gave for one question: the keys of the choices picked (true/false is the choice
 * {@code true} or {@code false}) or the text typed. An absent response is unanswered.
 */
public record Response(List<String> choices, String text) {
    public Response {
        choices = choices == null ? List.of() : List.copyOf(choices);
        text = text == null ? "" : text;
    }

    public static Response choices(String... keys) {
        return new Response(List.of(keys), "");
    }

    public static Response text(String text) {
        return new Response(List.of(), text);
    }

    public boolean blank() {
        return choices.isEmpty() && text.isBlank();
    }
}
