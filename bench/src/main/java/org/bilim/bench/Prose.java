package org.bilim.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Generated prose in one of Bilim's content languages, for the search benchmark. Each language
 * ({@link KazakhProse}, {@link RussianProse}, {@link EnglishProse}) has a few hundred real words of
 * the subjects Bilim teaches (law, finance, IT, health, civics), inflects them with the language's
 * real endings and puts them into simple but grammatical sentences, so the analysers stem, fold and
 * drop stop words as they would on real course text. Words are drawn by a Zipf-like law: a few are
 * very common, most are rare.
 */
abstract sealed class Prose permits KazakhProse, RussianProse, EnglishProse {

    /** What a course is about; a course uses its topic's words more than others. */
    enum Topic { LAW, FINANCE, IT, HEALTH, CIVICS }

    /** The prose of a language tag (kk, ru, en). */
    static Prose of(String language) {
        return switch (language) {
            case "kk" -> KazakhProse.INSTANCE;
            case "ru" -> RussianProse.INSTANCE;
            case "en" -> EnglishProse.INSTANCE;
            default -> throw new IllegalArgumentException("no prose for language " + language);
        };
    }

    abstract String language();

    /** Appends one declarative sentence. */
    abstract void sentence(RandomGenerator r, Topic topic, Text out);

    /** Appends one question, as a quiz asks it. */
    abstract void question(RandomGenerator r, Topic topic, Text out);

    /** Appends one task of a case study ("Identify the …"). */
    abstract void task(RandomGenerator r, Topic topic, Text out);

    /** A short noun phrase, capitalised: a course's or an item's title. */
    abstract String heading(RandomGenerator r, Topic topic);

    /** What an item of a kind is called in titles: "Lecture", "Дәріс", "Тест" … */
    abstract String label(String kind);

    /** A word as a learner types it: a word of the topic or a general one, in any inflected form, drawn evenly. */
    abstract String queryWord(RandomGenerator r, Topic topic);

    /** Opens a sentence with a discourse word ("Кроме того,") now and then. */
    static void opener(RandomGenerator r, Text out, List<String> openers) {
        if (r.nextInt(100) < 12) {
            out.function(openers.get(r.nextInt(openers.size()))).mark(",");
        }
    }

    static <T> T pick(RandomGenerator r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    static List<String> words(String spaceSeparated) {
        return List.of(spaceSeparated.strip().split("\\s+"));
    }

    /**
     * Lemmas of a part of speech: general ones and, for nouns, each topic's own. A course draws
     * from its topic's list a little more than half the time; within a list, rank k (from 0) has
     * weight 1/(k + 2.7), a Zipf–Mandelbrot law, sampled by inverting its continuous CDF.
     */
    record Lexicon<T>(List<T> general, Map<Topic, List<T>> topical) {
        private static final double Q = 2.7;

        static <T> Lexicon<T> of(List<T> general) {
            return new Lexicon<>(general, Map.of());
        }

        T draw(RandomGenerator r, Topic topic) {
            List<T> list = listFor(r, topic);
            int n = list.size();
            double x = Q * Math.pow((n + Q) / Q, r.nextDouble()) - Q;
            return list.get(Math.min(n - 1, (int) x));
        }

        /** Drawn evenly, as a query word: rare words are searched for too. */
        T any(RandomGenerator r, Topic topic) {
            return pick(r, listFor(r, topic));
        }

        private List<T> listFor(RandomGenerator r, Topic topic) {
            List<T> own = topical.get(topic);
            return own != null && r.nextInt(100) < 55 ? own : general;
        }
    }

    /**
     * A growing text and its size in UTF-8 bytes. Words are spaced and capitalised at the start of a
     * sentence; two content words in a row (no punctuation or function word between) are offered to
     * a sampler, so phrase queries can be taken from text that really exists.
     */
    static final class Text {
        private final StringBuilder b = new StringBuilder();
        private final Consumer<String> pairs;
        private long bytes;
        private boolean sentenceStart = true;
        private String previous;

        Text(Consumer<String> pairs) {
            this.pairs = pairs;
        }

        /** A content word (noun, adjective, verb): it may be half of a phrase. */
        Text word(String w) {
            append(w, true);
            if (previous != null && pairs != null) {
                pairs.accept(previous + " " + w);
            }
            previous = w;
            return this;
        }

        /** A function word, number or dash: it ends a phrase. */
        Text function(String w) {
            append(w, true);
            previous = null;
            return this;
        }

        /** Punctuation glued to the word before (",", ":"); ".", "?", "!" end the sentence. */
        Text mark(String punctuation) {
            append(punctuation, false);
            previous = null;
            if (punctuation.equals(".") || punctuation.equals("?") || punctuation.equals("!")) {
                sentenceStart = true;
            }
            return this;
        }

        Text paragraph() {
            return raw("\n\n");
        }

        Text newline() {
            return raw("\n");
        }

        /** Text as it is (headings, numbers), then a new sentence. */
        Text raw(String s) {
            add(s);
            previous = null;
            sentenceStart = true;
            return this;
        }

        long bytes() {
            return bytes;
        }

        int length() {
            return b.length();
        }

        @Override
        public String toString() {
            return b.toString().strip();
        }

        private void append(String w, boolean spaced) {
            if (spaced && !b.isEmpty() && b.charAt(b.length() - 1) != '\n') {
                add(" ");
            }
            if (sentenceStart && spaced) {
                add(Character.toUpperCase(w.charAt(0)) + w.substring(1));
                sentenceStart = false;
            } else {
                add(w);
            }
        }

        private void add(String s) {
            b.append(s);
            bytes += utf8Length(s);
        }
    }

    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
