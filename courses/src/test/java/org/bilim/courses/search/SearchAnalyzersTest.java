package org.bilim.courses.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SearchAnalyzersTest {
    private static final SearchAnalyzers ANALYZERS = new SearchAnalyzers();

    @AfterAll
    static void close() {
        ANALYZERS.close();
    }

    @Test
    void russianFormsMeetThroughStemming() {
        assertThat(KazakhAnalyzerTest.terms(ANALYZERS.forLanguage("ru"), "университетов"))
                .isEqualTo(KazakhAnalyzerTest.terms(ANALYZERS.forLanguage("ru"), "университет"));
        assertThat(KazakhAnalyzerTest.terms(ANALYZERS.forLanguage("ru"), "Конституции и права"))
                .isEqualTo(KazakhAnalyzerTest.terms(ANALYZERS.forLanguage("ru"), "конституция право"));
    }

    @Test
    void englishFormsMeetThroughStemming() {
        assertThat(KazakhAnalyzerTest.terms(ANALYZERS.forLanguage("en"), "Universities and rights"))
                .isEqualTo(KazakhAnalyzerTest.terms(ANALYZERS.forLanguage("en"), "university right"));
    }

    @Test
    void eachLanguageHasItsAnalyserAndOthersAreRefused() {
        assertThat(ANALYZERS.forLanguage("KK")).isInstanceOf(KazakhAnalyzer.class);
        assertThatThrownBy(() -> ANALYZERS.forLanguage("de")).hasMessageContaining("de");
    }
}
