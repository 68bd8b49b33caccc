package org.bilim.courses.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Kazakh text: words (Unicode word breaks), lower case, the Kazakh letters folded, the commonest
 * function words dropped, then the {@link KazakhStemmer light stemmer}. Index and query go through
 * the same chain, so "Университеттердің" typed anywhere meets "университет" in a page.
 */
public final class KazakhAnalyzer extends Analyzer {
    /** Conjunctions, postpositions and pronouns too common to search for; folded, as the filter sees them. */
    static final CharArraySet STOP_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(java.util.List.of(
            "жане", "мен", "бен", "пен", "да", "де", "та", "те", "бул", "осы", "сол", "ол", "олар", "биз", "сиз", "сен",
            "ушин", "туралы", "бойынша", "арасында", "немесе", "бирак", "алайда", "егер", "ма", "ме", "ба", "бе", "па",
            "пе", "дейин", "кейин", "сиякты", "гой", "ари", "хам"), false));

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new KazakhFoldingFilter(stream);
        stream = new StopFilter(stream, STOP_WORDS);
        stream = new KazakhStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new KazakhFoldingFilter(new LowerCaseFilter(in));
    }
}
