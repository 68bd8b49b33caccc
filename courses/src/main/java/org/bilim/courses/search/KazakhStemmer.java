package org.bilim.courses.search;

/**
 * A light stemmer for Kazakh, applied to folded words (see {@link KazakhFoldingFilter}: ә→а,
 * ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и). Lucene ships no Kazakh stemmer, and a learner searching
 * "университет" must find "университеттер", "университетке" and "университеттің".
 *
 * <p>Kazakh is agglutinative and its endings come in a fixed order: stem + plural + possessive +
 * case. The stemmer strips from the end at most one case ending, then one possessive, then one
 * plural ending, each chosen longest first, and only while the stem left is long enough to be a
 * word (two letters before the long endings, three before the short ones). A consonant that
 * voices before a vowel-initial ending is written back as in the bare word: кітабы → кітаб →
 * кітап, құқығы → құқыг → құқық. Derivational suffixes (-шы, -лық, -сыз) are left alone: they make
 * other words. Folding first loses vowel harmony, which the stemmer does not need, and lets a
 * learner whose keyboard has no Kazakh letters ("университеттин") find the same words.
 */
public final class KazakhStemmer {
    private static final String VOWELS = "аеиоуыэюяё";
    /** After a third-person possessive (кітаб-ы-на) the case endings take an n. */
    private static final String POSSESSIVE_VOWEL = "ыи";

    /** An ending, and which letters may stand before it ("" for any). */
    private record Ending(String suffix, String after) {
    }

    /** Case endings, folded; longest first. */
    private static final Ending[] CASE = endings(
            "менен|", "бенен|", "пенен|",
            "нын|" + VOWELS, "нин|" + VOWELS, "дын|", "дин|", "тын|", "тин|",          // genitive
            "нан|" + POSSESSIVE_VOWEL + "мн", "нен|" + POSSESSIVE_VOWEL + "мн",          // ablative
            "дан|", "ден|", "тан|", "тен|",
            "нда|" + POSSESSIVE_VOWEL, "нде|" + POSSESSIVE_VOWEL,                      // locative after a possessive
            "мен|", "бен|", "пен|",                                                    // instrumental
            "на|" + POSSESSIVE_VOWEL, "не|" + POSSESSIVE_VOWEL,                        // dative after a possessive
            "га|", "ге|", "ка|", "ке|",                                                // dative
            "ны|" + VOWELS, "ни|" + VOWELS, "ды|", "ди|", "ты|", "ти|",                // accusative
            "да|", "де|", "та|", "те|",                                                // locative
            "ын|б", "ин|б", "ын|г", "ин|г");                                           // accusative after a possessive: кітабын
    private static final Ending[] POSSESSIVE = endings(
            "ымыз|", "имиз|", "ыныз|", "иниз|",
            "мыз|" + VOWELS, "миз|" + VOWELS, "ныз|" + VOWELS, "низ|" + VOWELS,
            "сы|" + VOWELS, "си|" + VOWELS, "ым|", "им|",
            "ы|", "и|");
    private static final Ending[] PLURAL = endings("лар|", "лер|", "дар|", "дер|", "тар|", "тер|");

    private static Ending[] endings(String... specs) {
        Ending[] out = new Ending[specs.length];
        for (int i = 0; i < specs.length; i++) {
            String[] parts = specs[i].split("\\|", -1);
            out[i] = new Ending(parts[0], parts[1]);
        }
        return out;
    }

    private KazakhStemmer() {
    }

    /** The stem of a folded, lower-case word. */
    public static String stem(String word) {
        String w = strip(word, CASE);
        w = strip(w, POSSESSIVE);
        w = strip(w, PLURAL);
        return w.equals(word) ? word : devoice(w);
    }

    private static String strip(String word, Ending[] endings) {
        for (Ending e : endings) {
            String suffix = e.suffix();
            int stemLength = word.length() - suffix.length();
            int minimum = suffix.length() >= 3 ? 2 : 3;
            if (!word.endsWith(suffix) || stemLength < minimum) {
                continue;
            }
            char before = word.charAt(stemLength - 1);
            boolean allowed = e.after().isEmpty() ? suffix.length() > 1 || !vowel(before) : e.after().indexOf(before) >= 0;
            if (allowed) {
                return word.substring(0, stemLength);
            }
        }
        return word;
    }

    /** б, г at the end of a stem were п, к in the bare word (folded ғ is г too). */
    private static String devoice(String stem) {
        char last = stem.charAt(stem.length() - 1);
        return switch (last) {
            case 'б' -> stem.substring(0, stem.length() - 1) + 'п';
            case 'г' -> stem.substring(0, stem.length() - 1) + 'к';
            default -> stem;
        };
    }

    private static boolean vowel(char c) {
        return VOWELS.indexOf(c) >= 0;
    }
}
