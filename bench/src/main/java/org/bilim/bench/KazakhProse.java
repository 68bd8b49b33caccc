package org.bilim.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Kazakh: nouns take plural, third-person possessive and case endings in that order, each chosen
 * by vowel harmony (back а о ұ ы, front ә е ө ү і) and by the sound before it, as the grammar has
 * them: заңдар, салықтар, бюджеттер; заңның, соттың, сайлаудың; салыққа, бюджетке; құқығы, кітабы
 * (к/қ/п voiced before a vowel); құқықтарының, бюджетінде. A trailing {@code !} marks a loanword
 * that takes front endings against its last vowel (банк → банктер). Adjectives stand bare before
 * the noun; verbs come last, in the present, past, passive or as a verbal noun (-у).
 */
final class KazakhProse extends Prose {
    static final KazakhProse INSTANCE = new KazakhProse();

    enum Case { NOM, GEN, DAT, LOC, ABL, ACC }

    /** What a suffix's first consonant depends on: the last sound of the word. */
    private enum Sound { VOWEL, SONORANT, LIQUID, NASAL, VOICELESS }

    record Noun(String lemma, boolean front) {
        static Noun of(String spec) {
            boolean forcedFront = spec.endsWith("!");
            String lemma = spec.replace("!", "");
            return new Noun(lemma, forcedFront || KazakhProse.front(lemma));
        }

        String form(boolean plural, boolean possessive, Case c) {
            String w = lemma;
            if (plural) {
                w += switch (sound(w)) {
                    case VOWEL, SONORANT -> front ? "лер" : "лар";
                    case LIQUID, NASAL -> front ? "дер" : "дар";
                    case VOICELESS -> front ? "тер" : "тар";
                };
            }
            if (possessive) {
                w = sound(w) == Sound.VOWEL ? w + (front ? "сі" : "сы") : voiced(w) + (front ? "і" : "ы");
            }
            Sound s = sound(w);
            String ending = switch (c) {
                case NOM -> "";
                case GEN -> switch (s) {
                    case VOWEL, NASAL -> "ның";
                    case SONORANT, LIQUID -> "дың";
                    case VOICELESS -> "тың";
                };
                case DAT -> possessive ? "на" : s == Sound.VOICELESS ? "қа" : "ға";
                case LOC -> possessive ? "нда" : s == Sound.VOICELESS ? "та" : "да";
                case ABL -> possessive ? "нан" : switch (s) {
                    case VOWEL, SONORANT, LIQUID -> "дан";
                    case NASAL -> "нан";
                    case VOICELESS -> "тан";
                };
                case ACC -> possessive ? "н" : switch (s) {
                    case VOWEL -> "ны";
                    case SONORANT, LIQUID, NASAL -> "ды";
                    case VOICELESS -> "ты";
                };
            };
            return w + (front ? frontOf(ending) : ending);
        }

        private static String frontOf(String backEnding) {
            return backEnding.replace('а', 'е').replace('ы', 'і').replace('ғ', 'г').replace('қ', 'к');
        }
    }

    /** A verb: present (third person), past, passive present, verbal noun. */
    record Verb(String present, String past, String passive, String noun) {
        static Verb of(String spec) {
            String[] f = spec.split("/");
            return new Verb(f[0], f[1], f[2], f[3]);
        }

        String any(RandomGenerator r) {
            return switch (r.nextInt(4)) {
                case 0 -> present;
                case 1 -> past;
                case 2 -> passive;
                default -> noun;
            };
        }
    }

    private final Lexicon<Noun> nouns;
    private final Lexicon<String> adjectives;
    private final Lexicon<Verb> verbs;
    private final List<String> openers = words("Мысалы Сонымен_қатар Алайда Яғни Біріншіден Екіншіден Сондықтан Әдетте "
            + "Тәжірибеде Сонымен").stream().map(w -> w.replace('_', ' ')).toList();
    private final List<String> postpositions = words("туралы бойынша арқылы үшін сияқты");
    private final List<String> determiners = words("бұл осы әрбір барлық кейбір көптеген бірнеше өз");
    private final List<String> imperatives = words("анықтаңыз түсіндіріңіз бағалаңыз салыстырыңыз сипаттаңыз ұсыныңыз "
            + "талдаңыз құрастырыңыз көрсетіңіз атаңыз есептеңіз негіздеңіз");
    private final List<String> predicates = words("қажет маңызды керек тиіс мүмкін");

    private KazakhProse() {
        Map<Topic, List<Noun>> topical = new EnumMap<>(Topic.class);
        topical.put(Topic.LAW, nouns("""
                заң құқық сот келісімшарт адвокат прокурор судья конституция кодекс бап міндет жауапкершілік бостандық
                қорғау бұзушылық қылмыс жаза айыппұл меншік мұра неке отбасы еңбек өтініш шағым дәлел рәсім өкілеттік
                кепілдік тіркеу лицензия келісім талапкер жауапкер заңгер куә іс үкім"""));
        topical.put(Topic.FINANCE, nouns("""
                қаржы бюджет салық табыс шығыс несие банк! салым пайыз төлем баға нарық инвестиция акция облигация
                сақтандыру зейнетақы валюта инфляция капитал актив тәуекел пайда шығын есеп шот есептілік бухгалтерия
                кәсіпорын экономика жинақ қарыз депозит мөлшерлеме теңге ақша кәсіпкер сауда тауар"""));
        topical.put(Topic.IT, nouns("""
                компьютер сервер желі файл алгоритм код құпиясөз пайдаланушы қосымша интернет сайт браузер дерекқор
                дерек сұраным қауіпсіздік шифрлау қолжетімділік құрылғы экран пернетақта хабарлама вирус жаңарту нұсқа
                функция цикл массив интерфейс хаттама осалдық бұлт модель технология платформа әзірлеуші тестілеу"""));
        topical.put(Topic.HEALTH, nouns("""
                денсаулық дәрігер науқас ауру емхана аурухана дәрі ем емдеу жүрек қан қысым тамақтану ұйқы дене
                жаттығу гигиена вакцина екпе инфекция медбике жарақат күтім тыныс белгі диагноз иммунитет күйзеліс
                режим диета дәрумен профилактика дәріхана тексеріс"""));
        topical.put(Topic.CIVICS, nouns("""
                сайлау дауыс парламент үкімет депутат сайлаушы министрлік билік халық қауымдастық ерікті бастама
                қызмет әкімдік аймақ облыс аудан қала ауыл ел тәуелсіздік демократия мәдениет тарих тіл дәстүр теңдік
                партия азаматтық рәміз"""));
        nouns = new Lexicon<>(nouns("""
                курс сабақ тақырып тапсырма сұрақ жауап мысал әдіс нәтиже мақсат жұмыс жоба білім дағды бағдарлама
                бөлім тарау бет мәтін құжат материал құрылым жүйе үдеріс қағида ереже ұғым анықтама дереккөз қоғам
                мемлекет азамат адам тұрғын ұйым мекеме шешім даму шарт талап пікір жағдай қатынас сала тәжірибе
                талдау фактор кезең мерзім оқушы студент мұғалім оқытушы емтихан кітап мектеп университет"""), topical);
        adjectives = Lexicon.of(words("""
                жаңа үлкен кіші маңызды негізгі қажетті мемлекеттік құқықтық қаржылық әлеуметтік жеке қоғамдық заманауи
                ақпараттық цифрлық медициналық салауатты қауіпсіз тиімді толық қысқа ұзақ дұрыс қарапайым күрделі
                халықаралық ұлттық жергілікті ресми ашық қылмыстық салықтық электрондық желілік бағдарламалық клиникалық
                психологиялық физикалық саяси тарихи міндетті практикалық теориялық басты нақты жалпы арнайы"""));
        verbs = Lexicon.of(words("""
                қорғайды/қорғады/қорғалады/қорғау реттейді/реттеді/реттеледі/реттеу анықтайды/анықтады/анықталады/анықтау
                қамтиды/қамтыды/қамтылады/қамту қарастырады/қарастырды/қарастырылады/қарастыру
                түсіндіреді/түсіндірді/түсіндіріледі/түсіндіру көрсетеді/көрсетті/көрсетіледі/көрсету
                пайдаланады/пайдаланды/пайдаланылады/пайдалану сақтайды/сақтады/сақталады/сақтау
                тексереді/тексерді/тексеріледі/тексеру есептейді/есептеді/есептеледі/есептеу төлейді/төледі/төленеді/төлеу
                береді/берді/беріледі/беру алады/алды/алынады/алу жасайды/жасады/жасалады/жасау
                дамытады/дамытты/дамытылады/дамыту ұсынады/ұсынды/ұсынылады/ұсыну басқарады/басқарды/басқарылады/басқару
                орындайды/орындады/орындалады/орындау шешеді/шешті/шешіледі/шешу құрайды/құрады/құрылады/құру
                бағалайды/бағалады/бағаланады/бағалау зерттейді/зерттеді/зерттеледі/зерттеу
                жүргізеді/жүргізді/жүргізіледі/жүргізу арттырады/арттырды/арттырылады/арттыру
                азайтады/азайтты/азайтылады/азайту өңдейді/өңдеді/өңделеді/өңдеу емдейді/емдеді/емделеді/емдеу
                бұзады/бұзды/бұзылады/бұзу қолданады/қолданды/қолданылады/қолдану белгілейді/белгіледі/белгіленеді/белгілеу
                сипаттайды/сипаттады/сипатталады/сипаттау қолдайды/қолдады/қолдалады/қолдау
                тіркейді/тіркеді/тіркеледі/тіркеу қабылдайды/қабылдады/қабылданады/қабылдау
                жариялайды/жариялады/жарияланады/жариялау бақылайды/бақылады/бақыланады/бақылау
                үйретеді/үйретті/үйретіледі/үйрету жібереді/жіберді/жіберіледі/жіберу""").stream().map(Verb::of).toList());
    }

    private static List<Noun> nouns(String specs) {
        return words(specs).stream().map(Noun::of).toList();
    }

    private static boolean vowel(char c) {
        return "аәеөоұүыіиэяюё".indexOf(c) >= 0;
    }

    /** Front if the last vowel is front; у after a vowel is a consonant (тіркеу, сайлау), after a consonant a back vowel (вирус). */
    static boolean front(String w) {
        for (int i = w.length() - 1; i >= 0; i--) {
            char c = w.charAt(i);
            if ("әеөүіиэ".indexOf(c) >= 0) {
                return true;
            }
            if ("аоұыяё".indexOf(c) >= 0) {
                return false;
            }
            if (c == 'у' && (i == 0 || !vowel(w.charAt(i - 1)))) {
                return false;
            }
        }
        return false;
    }

    private static Sound sound(String w) {
        char c = w.charAt(w.length() - 1);
        if (c == 'ь') {
            c = w.charAt(w.length() - 2);
        }
        if ("рйу".indexOf(c) >= 0) {
            return Sound.SONORANT;
        }
        if (vowel(c)) {
            return Sound.VOWEL;
        }
        if ("лзж".indexOf(c) >= 0) {
            return Sound.LIQUID;
        }
        if ("мнң".indexOf(c) >= 0) {
            return Sound.NASAL;
        }
        return Sound.VOICELESS;
    }

    /** Before a vowel a final к, қ, п after a vowel becomes г, ғ, б: жүрек → жүрегі, құқық → құқығы, бап → бабы. */
    private static String voiced(String w) {
        int n = w.length();
        if (n < 2 || !vowel(w.charAt(n - 2))) {
            return w;
        }
        return switch (w.charAt(n - 1)) {
            case 'к' -> w.substring(0, n - 1) + 'г';
            case 'қ' -> w.substring(0, n - 1) + 'ғ';
            case 'п' -> w.substring(0, n - 1) + 'б';
            default -> w;
        };
    }

    @Override
    String language() {
        return "kk";
    }

    /** A noun phrase in a case: an adjective now and then, sometimes a possessor first (азаматтардың құқықтарын). */
    private void nounPhrase(RandomGenerator r, Topic t, Case c, Text out) {
        boolean possessed = r.nextInt(100) < 30;
        if (possessed) {
            out.word(nouns.draw(r, t).form(r.nextInt(100) < 40, false, Case.GEN));
        } else if (r.nextInt(100) < 10) {
            out.function(pick(r, determiners));
        }
        if (r.nextInt(100) < 40) {
            out.word(adjectives.draw(r, t));
        }
        out.word(nouns.draw(r, t).form(r.nextInt(100) < 30, possessed, c));
    }

    private void clause(RandomGenerator r, Topic t, Text out) {
        switch (r.nextInt(6)) {
            case 0, 1 -> {
                nounPhrase(r, t, Case.NOM, out);
                if (r.nextBoolean()) {
                    nounPhrase(r, t, pick(r, List.of(Case.DAT, Case.LOC, Case.ABL)), out);
                }
                nounPhrase(r, t, Case.ACC, out);
                Verb v = verbs.draw(r, t);
                out.word(r.nextInt(100) < 75 ? v.present() : v.past());
            }
            case 2 -> {
                nounPhrase(r, t, Case.NOM, out);
                nounPhrase(r, t, pick(r, List.of(Case.DAT, Case.LOC, Case.ABL)), out);
                out.word(verbs.draw(r, t).passive());
            }
            case 3 -> {
                out.word(nouns.draw(r, t).form(r.nextBoolean(), false, Case.GEN));
                out.word(nouns.draw(r, t).form(false, true, Case.NOM));
                out.function("—").word(adjectives.draw(r, t)).word(nouns.draw(r, t).form(false, false, Case.NOM));
            }
            case 4 -> {
                nounPhrase(r, t, Case.ACC, out);
                out.word(verbs.draw(r, t).noun()).function(pick(r, predicates));
            }
            default -> {
                nounPhrase(r, t, Case.NOM, out);
                out.function(pick(r, postpositions));
                nounPhrase(r, t, Case.NOM, out);
                nounPhrase(r, t, Case.ACC, out);
                out.word(verbs.draw(r, t).present());
            }
        }
    }

    @Override
    void sentence(RandomGenerator r, Topic t, Text out) {
        opener(r, out, openers);
        clause(r, t, out);
        if (r.nextInt(100) < 25) {
            out.mark(",").function(pick(r, List.of("ал", "бірақ", "сондықтан", "себебі", "және")));
            clause(r, t, out);
        }
        out.mark(r.nextInt(100) < 3 ? "!" : ".");
    }

    @Override
    void question(RandomGenerator r, Topic t, Text out) {
        switch (r.nextInt(4)) {
            case 0 -> {
                nounPhrase(r, t, Case.NOM, out);
                out.function("деген").function("не");
            }
            case 1 -> {
                out.function("неліктен");
                nounPhrase(r, t, Case.NOM, out);
                nounPhrase(r, t, Case.ACC, out);
                out.word(verbs.draw(r, t).present());
            }
            case 2 -> {
                nounPhrase(r, t, Case.NOM, out);
                out.function("қалай").word(verbs.draw(r, t).passive());
            }
            default -> {
                out.function("қандай");
                nounPhrase(r, t, Case.NOM, out);
                nounPhrase(r, t, Case.ACC, out);
                out.word(verbs.draw(r, t).present());
            }
        }
        out.mark("?");
    }

    @Override
    void task(RandomGenerator r, Topic t, Text out) {
        if (r.nextInt(100) < 30) {
            nounPhrase(r, t, Case.DAT, out);
        }
        nounPhrase(r, t, Case.ACC, out);
        out.word(pick(r, imperatives)).mark(".");
    }

    @Override
    String heading(RandomGenerator r, Topic t) {
        Text out = new Text(null);
        if (r.nextBoolean()) {
            out.word(nouns.draw(r, t).form(false, false, Case.NOM));
            out.word(nouns.draw(r, t).form(r.nextBoolean(), true, Case.NOM));
        } else {
            out.word(adjectives.draw(r, t)).word(nouns.draw(r, t).form(r.nextInt(100) < 30, false, Case.NOM));
        }
        return out.toString();
    }

    @Override
    String label(String kind) {
        return switch (kind) {
            case "page" -> "Тақырып";
            case "file" -> "Оқу материалы";
            case "media" -> "Дәріс";
            case "case-study" -> "Кейс";
            case "quiz" -> "Тест";
            default -> "Бөлім";
        };
    }

    @Override
    String queryWord(RandomGenerator r, Topic t) {
        int part = r.nextInt(100);
        if (part < 65) {
            return nouns.any(r, t).form(r.nextInt(100) < 35, r.nextInt(100) < 30, pick(r, List.of(Case.values())));
        }
        if (part < 85) {
            return adjectives.any(r, t);
        }
        return verbs.any(r, t).any(r);
    }
}
