package org.bilim.server.practice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A grader's plain-text feedback becomes the learner's feedback as inert HTML. */
class EssayGradingTest {
    @Test
    void markupIsEscapedAndParagraphsKept() {
        assertThat(EssayGrading.html("Жақсы <script>alert(1)</script>\nбірақ \"жинақ\" жоқ\n\nКелесі жолы & т.б."))
                .isEqualTo("<p>Жақсы &lt;script&gt;alert(1)&lt;/script&gt;<br>бірақ &quot;жинақ&quot; жоқ</p><p>Келесі жолы &amp; т.б.</p>");
    }

    @Test
    void noFeedbackIsNoHtml() {
        assertThat(EssayGrading.html(null)).isEmpty();
        assertThat(EssayGrading.html("  \n ")).isEmpty();
    }
}
