package org.bilim.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * English: nouns in the singular and plural (-s, -es, -ies; a trailing {@code ~} marks a noun
 * without a plural), regular verbs with -s, -ed and -ing, articles, prepositions, active and passive
 * clauses.
 */
final class EnglishProse extends Prose {
    static final EnglishProse INSTANCE = new EnglishProse();

    record Noun(String singular, boolean countable) {
        static Noun of(String spec) {
            return new Noun(spec.replace("~", ""), !spec.endsWith("~"));
        }

        String form(boolean plural) {
            return plural && countable ? s(singular) : singular;
        }
    }

    record Verb(String base) {
        String third() {
            return s(base);
        }

        String past() {
            if (base.endsWith("e")) {
                return base + "d";
            }
            if (consonantY(base)) {
                return base.substring(0, base.length() - 1) + "ied";
            }
            return base + "ed";
        }

        String ing() {
            return base.endsWith("e") && !base.endsWith("ee") ? base.substring(0, base.length() - 1) + "ing" : base + "ing";
        }
    }

    private static boolean consonantY(String w) {
        return w.endsWith("y") && w.length() > 1 && "aeiou".indexOf(w.charAt(w.length() - 2)) < 0;
    }

    private static String article(String next) {
        return "aeiou".indexOf(next.charAt(0)) >= 0 ? "an" : "a";
    }

    /** -s, -es after a sibilant, -ies after a consonant and y. */
    static String s(String w) {
        if (consonantY(w)) {
            return w.substring(0, w.length() - 1) + "ies";
        }
        if (w.endsWith("s") || w.endsWith("x") || w.endsWith("z") || w.endsWith("ch") || w.endsWith("sh")) {
            return w + "es";
        }
        return w + "s";
    }

    private final Lexicon<Noun> nouns;
    private final Lexicon<String> adjectives;
    private final Lexicon<Verb> verbs;
    private final List<String> prepositions = words("in for with under between within from through during without about");
    private final List<String> openers = words("However Therefore In_practice For_example In_particular As_a_rule "
            + "First Second Moreover Consequently").stream().map(w -> w.replace('_', ' ')).toList();
    private final List<String> imperatives = words("identify explain assess compare describe propose analyse outline list "
            + "evaluate justify calculate");

    private EnglishProse() {
        Map<Topic, List<Noun>> topical = new EnumMap<>(Topic.class);
        topical.put(Topic.LAW, nouns("""
                law right court contract claim lawsuit plaintiff defendant lawyer prosecutor judge constitution code
                article duty liability freedom protection violation crime penalty fine property inheritance marriage
                family employment complaint procedure authority guarantee registration license agreement regulation
                statute tribunal appeal verdict witness"""));
        topical.put(Topic.FINANCE, nouns("""
                budget tax income expense loan bank deposit interest payment price market investment share bond
                insurance pension currency inflation~ capital asset risk profit loss account statement accounting~
                enterprise economy saving debt rate credit dividend portfolio transaction invoice salary"""));
        topical.put(Topic.IT, nouns("""
                computer server network file algorithm code password user app website browser database query
                security~ encryption~ access~ device screen keyboard message cloud virus update version function
                variable loop array interface protocol vulnerability authentication~ backup model technology platform
                developer test software~ hardware~"""));
        topical.put(Topic.HEALTH, nouns("""
                health~ doctor patient disease illness clinic hospital medicine treatment heart blood~ pressure
                nutrition~ sleep~ body exercise hygiene~ vaccine vaccination infection nurse injury care~ breathing~
                symptom screening immunity~ stress~ diet vitamin prevention~ therapy wellbeing~"""));
        topical.put(Topic.CIVICS, nouns("""
                election vote parliament government deputy voter ministry power nation community volunteer initiative
                service petition municipality region district city village country independence~ democracy culture
                history language tradition equality~ party council representative referendum"""));
        nouns = new Lexicon<>(nouns("""
                course lesson topic task question answer example method result goal project knowledge~ skill program
                module section chapter page text document material structure system process principle rule concept
                definition source society state citizen organization institution decision development condition
                requirement student teacher exam assessment factor stage period practice approach framework outcome
                learner textbook"""), topical);
        adjectives = Lexicon.of(words("""
                legal financial digital medical public private civil criminal administrative economic social national
                international local official personal secure healthy preventive basic important necessary new modern
                simple complex complete brief practical educational main specific effective mandatory annual monthly
                fiscal electronic online clinical physical mental constitutional electoral democratic fair reliable
                sustainable responsible"""));
        verbs = Lexicon.of(words("""
                regulate define ensure protect establish consider analyse use describe include require provide contain
                study explain assess affect reduce increase form process store check create receive violate apply report
                manage support develop guarantee observe calculate allocate review record prevent treat monitor improve
                represent publish approve register collect compare identify evaluate implement invest borrow encrypt
                install""").stream().map(Verb::new).toList());
    }

    private static List<Noun> nouns(String specs) {
        return words(specs).stream().map(Noun::of).toList();
    }

    @Override
    String language() {
        return "en";
    }

    /** A noun phrase: "the", an adjective now and then, the noun, sometimes "of the" and another. Returns whether it is plural. */
    private boolean nounPhrase(RandomGenerator r, Topic t, Text out) {
        Noun n = nouns.draw(r, t);
        boolean plural = n.countable() && r.nextInt(100) < 35;
        if (r.nextInt(100) < 70) {
            out.function(r.nextInt(100) < 80 ? "the" : plural ? "all" : "each");
        }
        if (r.nextInt(100) < 40) {
            out.word(adjectives.draw(r, t));
        }
        out.word(n.form(plural));
        if (r.nextInt(100) < 25) {
            out.function("of").function("the");
            if (r.nextInt(100) < 25) {
                out.word(adjectives.draw(r, t));
            }
            out.word(nouns.draw(r, t).form(r.nextInt(100) < 40));
        }
        return plural;
    }

    private void prepositional(RandomGenerator r, Topic t, Text out) {
        out.function(pick(r, prepositions));
        nounPhrase(r, t, out);
    }

    private void clause(RandomGenerator r, Topic t, Text out) {
        switch (r.nextInt(6)) {
            case 0, 1 -> {
                boolean plural = nounPhrase(r, t, out);
                Verb v = verbs.draw(r, t);
                out.word(r.nextInt(100) < 25 ? v.past() : plural ? v.base() : v.third());
                nounPhrase(r, t, out);
                if (r.nextBoolean()) {
                    prepositional(r, t, out);
                }
            }
            case 2 -> {
                boolean plural = nounPhrase(r, t, out);
                out.function(plural ? "are" : "is").word(verbs.draw(r, t).past()).function("by");
                nounPhrase(r, t, out);
            }
            case 3 -> {
                prepositional(r, t, out);
                out.mark(",");
                boolean plural = nounPhrase(r, t, out);
                Verb v = verbs.draw(r, t);
                out.word(plural ? v.base() : v.third());
                nounPhrase(r, t, out);
            }
            case 4 -> {
                String subject = nouns.draw(r, t).form(false);
                String adjective = adjectives.draw(r, t);
                out.function(article(subject)).word(subject).function("is").function(article(adjective));
                out.word(adjective).word(nouns.draw(r, t).form(false)).function("that");
                out.word(verbs.draw(r, t).third());
                nounPhrase(r, t, out);
            }
            default -> {
                boolean plural = nounPhrase(r, t, out);
                out.function(plural ? "are" : "is").word(verbs.draw(r, t).ing());
                nounPhrase(r, t, out);
                if (r.nextInt(100) < 20) {
                    out.function("under").function("section").function(Integer.toString(1 + r.nextInt(60)));
                }
            }
        }
    }

    @Override
    void sentence(RandomGenerator r, Topic t, Text out) {
        opener(r, out, openers);
        clause(r, t, out);
        if (r.nextInt(100) < 25) {
            out.mark(",").function(pick(r, List.of("and", "but", "because", "while", "so")));
            clause(r, t, out);
        }
        out.mark(r.nextInt(100) < 3 ? "!" : ".");
    }

    @Override
    void question(RandomGenerator r, Topic t, Text out) {
        switch (r.nextInt(4)) {
            case 0 -> {
                out.function("what").function("is").function("the");
                out.word(nouns.draw(r, t).form(false));
                if (r.nextBoolean()) {
                    prepositional(r, t, out);
                }
            }
            case 1 -> {
                out.function("why").function("does").function("the");
                out.word(nouns.draw(r, t).form(false)).word(verbs.draw(r, t).base());
                nounPhrase(r, t, out);
            }
            case 2 -> {
                out.function("how").function("do");
                out.word(nouns.draw(r, t).form(true)).word(verbs.draw(r, t).base());
                nounPhrase(r, t, out);
            }
            default -> {
                out.function("which");
                out.word(nouns.draw(r, t).form(false)).word(verbs.draw(r, t).third());
                nounPhrase(r, t, out);
            }
        }
        out.mark("?");
    }

    @Override
    void task(RandomGenerator r, Topic t, Text out) {
        out.function(pick(r, imperatives));
        if (r.nextInt(100) < 25) {
            out.function("why");
            clause(r, t, out);
        } else {
            nounPhrase(r, t, out);
            if (r.nextBoolean()) {
                prepositional(r, t, out);
            }
        }
        out.mark(".");
    }

    @Override
    String heading(RandomGenerator r, Topic t) {
        Text out = new Text(null);
        if (r.nextInt(100) < 60) {
            out.word(adjectives.draw(r, t));
        }
        out.word(nouns.draw(r, t).form(r.nextInt(100) < 30));
        if (r.nextInt(100) < 40) {
            out.function(r.nextBoolean() ? "and" : "in").word(nouns.draw(r, t).form(r.nextBoolean()));
        }
        return out.toString();
    }

    @Override
    String label(String kind) {
        return switch (kind) {
            case "page" -> "Topic";
            case "file" -> "Reading";
            case "media" -> "Lecture";
            case "case-study" -> "Case study";
            case "quiz" -> "Quiz";
            default -> "Section";
        };
    }

    @Override
    String queryWord(RandomGenerator r, Topic t) {
        int part = r.nextInt(100);
        if (part < 65) {
            return nouns.any(r, t).form(r.nextInt(100) < 35);
        }
        if (part < 85) {
            return adjectives.any(r, t);
        }
        Verb v = verbs.any(r, t);
        return switch (r.nextInt(4)) {
            case 0 -> v.base();
            case 1 -> v.third();
            case 2 -> v.past();
            default -> v.ing();
        };
    }
}
