package org.bilim.courses.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The Kazakh analyser on real words: inflected forms meet their bare word; different words stay apart. */
class KazakhAnalyzerTest {
    private static final Analyzer KAZAKH = new KazakhAnalyzer();

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @ParameterizedTest(name = "{0} finds {1}")
    @CsvSource({
        // plural, dative, genitive, plural + dative, plural + genitive, locative, ablative
        "университеттер, университет",
        "университетке, университет",
        "университеттің, университет",
        "университеттерге, университет",
        "университеттердің, университет",
        "университетте, университет",
        "университеттен, университет",
        // voicing before a possessive: кітап → кітабы, кітабына, кітабын; құқық → құқығы
        "кітаптар, кітап",
        "кітабы, кітап",
        "кітабына, кітап",
        "кітабын, кітап",
        "кітаптың, кітап",
        "құқығы, құқық",
        "құқықтары, құқық",
        "құқықтарымыз, құқық",
        // vowel-final stems: genitive and accusative with n, locative, plural
        "баланың, бала",
        "баланы, бала",
        "балада, бала",
        "балалар, бала",
        "балаларға, бала",
        // a stem ending in -на must not lose it; its case endings still go
        "кітапханада, кітапхана",
        "кітапханаға, кітапхана",
        // possessives
        "мектебіміз, мектеп",
        "әкесі, әке",
        "сабақтарыңыз, сабақ",
        // instrumental and ablative after a nasal
        "адамнан, адам",
        "адаммен, адам",
        "бюджетпен, бюджет",
    })
    void inflectedFormsMeetTheirBareWord(String inflected, String bare) {
        assertThat(terms(KAZAKH, inflected)).containsExactlyElementsOf(terms(KAZAKH, bare)).hasSize(1);
    }

    @Test
    void differentWordsStayApart() {
        assertThat(terms(KAZAKH, "ана")).isNotEqualTo(terms(KAZAKH, "ата"));
        assertThat(terms(KAZAKH, "кітап")).isNotEqualTo(terms(KAZAKH, "кітапхана"));
        assertThat(terms(KAZAKH, "жинақ")).isNotEqualTo(terms(KAZAKH, "жиналыс"));
        assertThat(terms(KAZAKH, "үй")).containsExactly("уй");
        assertThat(terms(KAZAKH, "үйлер")).containsExactly("уй");
    }

    @Test
    void wordsTypedWithRussianLettersMeetTheKazakhSpelling() {
        assertThat(terms(KAZAKH, "университеттин кукыгы")).isEqualTo(terms(KAZAKH, "университеттің құқығы"));
        assertThat(terms(KAZAKH, "ҚАРЖЫЛЫҚ САУАТТЫЛЫҚ")).isEqualTo(terms(KAZAKH, "қаржылық сауаттылық"));
    }

    @Test
    void functionWordsAreNotIndexed() {
        assertThat(terms(KAZAKH, "бюджет және жинақ туралы")).containsExactly("бюджет", "жинак");
    }
}
