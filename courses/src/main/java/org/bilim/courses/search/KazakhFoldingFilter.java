package org.bilim.courses.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the nine letters of Kazakh Cyrillic that Russian lacks onto their nearest Russian
 * letters (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и, and Latin i in place of і), and ё→е. Many
 * kiosk keyboards and many learners type Kazakh with Russian letters; folded, both spellings meet.
 * Expects lower-case input.
 */
public final class KazakhFoldingFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public KazakhFoldingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            buffer[i] = fold(buffer[i]);
        }
        return true;
    }

    static char fold(char c) {
        return switch (c) {
            case 'ә' -> 'а';
            case 'ғ' -> 'г';
            case 'қ' -> 'к';
            case 'ң' -> 'н';
            case 'ө' -> 'о';
            case 'ұ', 'ү' -> 'у';
            case 'һ' -> 'х';
            case 'і', 'i' -> 'и';
            case 'ё' -> 'е';
            default -> c;
        };
    }
}
