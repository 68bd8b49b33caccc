package org.bilim.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every sentence the server sends exists in Kazakh, Russian and English, and formats. */
class MessagesTest {

    @Test
    void catalogueHaveTheSameKeys() {
        List<String> en = Messages.keys(Language.EN);
        assertThat(Messages.keys(Language.KK)).containsExactlyElementsOf(en);
        assertThat(Messages.keys(Language.RU)).containsExactlyElementsOf(en);
    }

    @Test
    void everyProblemHasATitleAndDetailInEveryLanguage() {
        for (Language l : Language.values()) {
            for (ProblemCode code : ProblemCode.values()) {
                assertThat(Messages.has(l, "problem." + code.code() + ".title")).as(l + " " + code).isTrue();
                assertThat(Messages.has(l, "problem." + code.code() + ".detail")).as(l + " " + code).isTrue();
            }
        }
    }

    @Test
    void everyCatalogueEntryFormats() {
        Object[] args = {42L, 7L, "x"};
        for (Language l : Language.values()) {
            for (String key : Messages.keys(l)) {
                assertThat(Messages.get(l, key, args)).as(l + " " + key).isNotBlank().doesNotContain("{0").doesNotContain("{1");
            }
        }
    }

    @Test
    void languagesAreDistinct() {
        String en = Messages.get(Language.EN, "problem.signin.locked.detail");
        assertThat(Messages.get(Language.RU, "problem.signin.locked.detail")).isNotEqualTo(en);
        assertThat(Messages.get(Language.KK, "problem.signin.locked.detail")).isNotEqualTo(en)
                .isNotEqualTo(Messages.get(Language.RU, "problem.signin.locked.detail"));
    }

    @Test
    void idsAreNotFormattedWithGroupingSeparators() {
        assertThat(Messages.get(Language.EN, "problem.learner.not-found.detail", 123456L)).contains("123456");
    }

    @Test
    void problemCodesAreUnique() {
        assertThat(Arrays.stream(ProblemCode.values()).map(ProblemCode::code).distinct().count())
                .isEqualTo(ProblemCode.values().length);
    }
}
