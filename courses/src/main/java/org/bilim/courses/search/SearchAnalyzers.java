package org.bilim.courses.search;

import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/**
 * One analyser per content language: Kazakh (ours: folding and a light stemmer), Russian and
 * English (Lucene's, with Snowball stemming for Russian and Porter for English). Analysers are
 * thread-safe and long-lived: made once, closed only when the index closes.
 */
public final class SearchAnalyzers implements AutoCloseable {
    private final Map<String, Analyzer> byLanguage = Map.of(
            "kk", new KazakhAnalyzer(),
            "ru", new RussianAnalyzer(),
            "en", new EnglishAnalyzer());

    /** The analyser for a language tag (kk, ru, en); anything else is refused. */
    public Analyzer forLanguage(String tag) {
        Analyzer a = byLanguage.get(tag == null ? "" : tag.toLowerCase(Locale.ROOT));
        if (a == null) {
            throw new IllegalArgumentException("no analyser for language " + tag);
        }
        return a;
    }

    @Override
    public void close() {
        byLanguage.values().forEach(Analyzer::close);
    }
}
