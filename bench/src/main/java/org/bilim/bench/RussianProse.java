package org.bilim.bench;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Russian: nouns declined in six cases and two numbers by their ending (закон, система, гарантия,
 * ответственность, право, решение, пользователь …; a trailing {@code *} marks an animate noun, whose
 * accusative is its genitive, {@code ^} a feminine noun in -ь), adjectives agreeing with them
 * (правовой, налоговый, медицинский), verbs in the third person, prepositions with their cases.
 */
final class RussianProse extends Prose {
    static final RussianProse INSTANCE = new RussianProse();

    enum Case { NOM, GEN, DAT, ACC, INS, PRE }

    enum Gender { MASC, FEM, NEUT }

    /** A declension: endings of the six cases, singular and plural, after the stem. */
    enum Declension {
        MASC_HARD("", Gender.MASC, "|а|у||ом|е", "ы|ов|ам|ы|ами|ах"),
        MASC_SOFT("ь", Gender.MASC, "ь|я|ю|ь|ем|е", "и|ей|ям|и|ями|ях"),
        FEM_A("а", Gender.FEM, "а|ы|е|у|ой|е", "ы||ам|ы|ами|ах"),
        FEM_IA("ия", Gender.FEM, "ия|ии|ии|ию|ией|ии", "ии|ий|иям|ии|иями|иях"),
        FEM_SOFT("ь", Gender.FEM, "ь|и|и|ь|ью|и", "и|ей|ям|и|ями|ях"),
        NEUT_O("о", Gender.NEUT, "о|а|у|о|ом|е", "а||ам|а|ами|ах"),
        NEUT_IE("ие", Gender.NEUT, "ие|ия|ию|ие|ием|ии", "ия|ий|иям|ия|иями|иях"),
        NEUT_YE("ье", Gender.NEUT, "ье|ья|ью|ье|ьем|ье", "ья|ий|ьям|ья|ьями|ьях");

        final String ending;
        final Gender gender;
        final String[] singular;
        final String[] plural;

        Declension(String ending, Gender gender, String singular, String plural) {
            this.ending = ending;
            this.gender = gender;
            this.singular = singular.split("\\|", -1);
            this.plural = plural.split("\\|", -1);
        }
    }

    record Noun(String stem, Declension declension, boolean animate) {
        static Noun of(String spec) {
            boolean animate = spec.endsWith("*");
            boolean feminineSoft = spec.endsWith("^");
            String lemma = spec.replaceAll("[*^]$", "");
            Declension d;
            if (lemma.endsWith("ия")) {
                d = Declension.FEM_IA;
            } else if (lemma.endsWith("ие")) {
                d = Declension.NEUT_IE;
            } else if (lemma.endsWith("ье")) {
                d = Declension.NEUT_YE;
            } else if (lemma.endsWith("а")) {
                d = Declension.FEM_A;
            } else if (lemma.endsWith("о")) {
                d = Declension.NEUT_O;
            } else if (lemma.endsWith("ость") || feminineSoft) {
                d = Declension.FEM_SOFT;
            } else if (lemma.endsWith("ь")) {
                d = Declension.MASC_SOFT;
            } else {
                d = Declension.MASC_HARD;
            }
            return new Noun(lemma.substring(0, lemma.length() - d.ending.length()), d, animate);
        }

        Gender gender() {
            return declension.gender;
        }

        String form(Case c, boolean plural) {
            if (c == Case.ACC && animate && (plural || declension.gender == Gender.MASC)) {
                c = Case.GEN;
            }
            String ending = (plural ? declension.plural : declension.singular)[c.ordinal()];
            char last = stem.charAt(stem.length() - 1);
            boolean hushing = "жшчщ".indexOf(last) >= 0;
            boolean velar = "кгх".indexOf(last) >= 0;
            if ((hushing || velar) && ending.startsWith("ы")) {
                ending = "и" + ending.substring(1);    // spelling rule: задачи, налоги
            }
            if (hushing && declension == Declension.MASC_HARD && plural && c == Case.GEN) {
                ending = "ей";                          // врачей
            }
            if ((hushing || last == 'ц') && declension == Declension.FEM_A && !plural && c == Case.INS) {
                ending = "ей";                          // задачей, страницей
            }
            if (declension == Declension.FEM_A && plural && c == Case.GEN && stem.length() > 2 && last == 'к'
                    && "аеёиоуыэюя".indexOf(stem.charAt(stem.length() - 2)) < 0) {
                return stem.substring(0, stem.length() - 1) + "ок";   // оценка → оценок
            }
            return stem + ending;
        }
    }

    /** An adjective: the stem and whether it declines like -кий (и for ы). */
    record Adjective(String stem, boolean soft, boolean stressed) {
        static Adjective of(String lemma) {
            return new Adjective(lemma.substring(0, lemma.length() - 2), lemma.endsWith("ий"), lemma.endsWith("ой"));
        }

        String form(Case c, boolean plural, Gender g, boolean animate) {
            if (c == Case.ACC && animate && (plural || g == Gender.MASC)) {
                c = Case.GEN;
            }
            String e;
            if (plural) {
                e = new String[] {"ые", "ых", "ым", "ые", "ыми", "ых"}[c.ordinal()];
            } else {
                e = switch (g) {
                    case MASC -> new String[] {stressed ? "ой" : "ый", "ого", "ому", stressed ? "ой" : "ый", "ым", "ом"}[c.ordinal()];
                    case FEM -> new String[] {"ая", "ой", "ой", "ую", "ой", "ой"}[c.ordinal()];
                    case NEUT -> new String[] {"ое", "ого", "ому", "ое", "ым", "ом"}[c.ordinal()];
                };
            }
            if (soft && e.startsWith("ы")) {
                e = "и" + e.substring(1);
            }
            return stem + e;
        }
    }

    /** A verb: infinitive, third person singular and plural. */
    record Verb(String infinitive, String singular, String plural) {
        static Verb of(String spec) {
            String[] f = spec.split("/");
            return new Verb(f[0], f[1], f[2]);
        }
    }

    /** A preposition and the case it governs. */
    record Preposition(String word, Case governs) {
    }

    private final Lexicon<Noun> nouns;
    private final Lexicon<Adjective> adjectives;
    private final Lexicon<Verb> verbs;
    private final List<Preposition> prepositions = List.of(
            new Preposition("в", Case.PRE), new Preposition("на", Case.PRE), new Preposition("о", Case.PRE),
            new Preposition("при", Case.PRE), new Preposition("по", Case.DAT), new Preposition("к", Case.DAT),
            new Preposition("для", Case.GEN), new Preposition("от", Case.GEN), new Preposition("без", Case.GEN),
            new Preposition("после", Case.GEN), new Preposition("в течение", Case.GEN), new Preposition("с", Case.INS),
            new Preposition("между", Case.INS), new Preposition("в соответствии с", Case.INS), new Preposition("в рамках", Case.GEN));
    private final List<String> openers = words("Кроме_того Например Таким_образом Во-первых Во-вторых Следовательно "
            + "Однако Поэтому Как_правило В_частности На_практике").stream().map(w -> w.replace('_', ' ')).toList();
    private final List<String> conjunctions = words("и а_также поэтому однако если когда потому_что тогда_как причём")
            .stream().map(w -> w.replace('_', ' ')).toList();
    private final List<String> imperatives = words("Определите Объясните Оцените Сравните Опишите Предложите "
            + "Проанализируйте Составьте Укажите Перечислите Обоснуйте Рассчитайте");
    private final List<String> predicates = words("важно необходимо следует нужно нельзя рекомендуется целесообразно");

    private RussianProse() {
        Map<Topic, List<Noun>> topical = new EnumMap<>(Topic.class);
        topical.put(Topic.LAW, nouns("""
                закон право суд договор иск ответчик* адвокат* прокурор* норма кодекс конституция обязанность
                ответственность свобода защита нарушение преступление наказание штраф собственность наследство брак
                труд заявление жалоба доказательство процедура полномочие гарантия регистрация лицензия сделка
                соглашение претензия правонарушение юрист* приговор решение апелляция свидетель*"""));
        topical.put(Topic.FINANCE, nouns("""
                бюджет налог доход расход кредит банк вклад процент цена инвестиция акция облигация страхование
                пенсия валюта инфляция капитал актив риск прибыль^ отчетность бухгалтерия предприятие экономика
                сбережение долг депозит ставка выписка оплата платеж зарплата дивиденд портфель заемщик* вкладчик*
                транзакция комиссия"""));
        topical.put(Topic.IT, nouns("""
                компьютер сервер сеть^ файл алгоритм код пароль пользователь* приложение интернет сайт браузер база
                запрос безопасность шифрование доступ устройство экран клавиатура сообщение вирус обновление версия
                функция цикл массив интерфейс протокол уязвимость аутентификация копия модель^ технология платформа
                разработчик* тестирование ошибка"""));
        topical.put(Topic.HEALTH, nouns("""
                здоровье врач* пациент* болезнь^ заболевание лечение лекарство больница клиника давление питание вода
                тело упражнение гигиена вакцина вакцинация инфекция травма уход дыхание витамин профилактика симптом
                диагноз иммунитет стресс режим диета медицина аптека осмотр рецепт"""));
        topical.put(Topic.CIVICS, nouns("""
                выбор голосование парламент правительство депутат* избиратель* министерство власть^ народ община
                участие волонтер* инициатива служба услуга обращение акимат регион район республика страна
                независимость демократия культура история язык традиция равенство партия гражданство"""));
        nouns = new Lexicon<>(nouns("""
                курс урок тема задача вопрос ответ пример метод результат цель^ работа проект знание умение навык
                оценка программа модуль раздел глава страница текст документ материал структура система процесс
                принцип правило понятие определение источник общество государство житель* организация учреждение
                развитие условие требование значение мнение положение явление отношение сфера область^ практика анализ
                фактор элемент этап период студент* преподаватель* экзамен проверка ситуация подход основа"""), topical);
        adjectives = Lexicon.of(words("""
                правовой финансовый налоговый судебный цифровой медицинский государственный общественный гражданский
                трудовой семейный уголовный административный банковский кредитный денежный экономический
                информационный сетевой программный электронный личный безопасный здоровый профилактический основной
                важный необходимый новый современный простой сложный полный краткий практический учебный социальный
                национальный международный местный официальный открытый главный конкретный эффективный обязательный
                публичный частный страховой пенсионный бюджетный инвестиционный компьютерный облачный мобильный
                врачебный психологический физический клинический избирательный конституционный""").stream()
                .map(Adjective::of).toList());
        verbs = Lexicon.of(words("""
                регулировать/регулирует/регулируют определять/определяет/определяют обеспечивать/обеспечивает/обеспечивают
                защищать/защищает/защищают устанавливать/устанавливает/устанавливают рассматривать/рассматривает/рассматривают
                анализировать/анализирует/анализируют использовать/использует/используют описывать/описывает/описывают
                включать/включает/включают требовать/требует/требуют предусматривать/предусматривает/предусматривают
                содержать/содержит/содержат изучать/изучает/изучают объяснять/объясняет/объясняют оценивать/оценивает/оценивают
                снижать/снижает/снижают повышать/повышает/повышают формировать/формирует/формируют
                обрабатывать/обрабатывает/обрабатывают хранить/хранит/хранят проверять/проверяет/проверяют
                создавать/создает/создают получать/получает/получают платить/платит/платят нарушать/нарушает/нарушают
                применять/применяет/применяют учитывать/учитывает/учитывают представлять/представляет/представляют
                контролировать/контролирует/контролируют укреплять/укрепляет/укрепляют лечить/лечит/лечат
                предотвращать/предотвращает/предотвращают развивать/развивает/развивают гарантировать/гарантирует/гарантируют
                соблюдать/соблюдает/соблюдают рассчитывать/рассчитывает/рассчитывают поддерживать/поддерживает/поддерживают
                передавать/передает/передают""").stream().map(Verb::of).toList());
    }

    private static List<Noun> nouns(String specs) {
        return words(specs).stream().map(Noun::of).toList();
    }

    @Override
    String language() {
        return "ru";
    }

    /** A noun phrase: sometimes an adjective before the noun, sometimes a noun in the genitive after it (защита прав граждан). */
    private void nounPhrase(RandomGenerator r, Topic t, Case c, boolean plural, Text out) {
        Noun n = nouns.draw(r, t);
        if (r.nextInt(100) < 45) {
            out.word(adjectives.draw(r, t).form(c, plural, n.gender(), n.animate()));
        }
        out.word(n.form(c, plural));
        if (r.nextInt(100) < 30) {
            Noun g = nouns.draw(r, t);
            boolean gPlural = r.nextInt(100) < 40;
            if (r.nextInt(100) < 25) {
                out.word(adjectives.draw(r, t).form(Case.GEN, gPlural, g.gender(), g.animate()));
            }
            out.word(g.form(Case.GEN, gPlural));
        }
    }

    private void prepositional(RandomGenerator r, Topic t, Text out) {
        Preposition p = pick(r, prepositions);
        out.function(p.word());
        nounPhrase(r, t, p.governs(), r.nextInt(100) < 30, out);
    }

    private void clause(RandomGenerator r, Topic t, Text out) {
        boolean plural = r.nextInt(100) < 35;
        switch (r.nextInt(6)) {
            case 0, 1 -> {
                nounPhrase(r, t, Case.NOM, plural, out);
                Verb v = verbs.draw(r, t);
                out.word(plural ? v.plural() : v.singular());
                nounPhrase(r, t, Case.ACC, r.nextBoolean(), out);
                if (r.nextInt(100) < 50) {
                    prepositional(r, t, out);
                }
            }
            case 2 -> {
                prepositional(r, t, out);
                out.mark(",");
                nounPhrase(r, t, Case.NOM, plural, out);
                Verb v = verbs.draw(r, t);
                out.word(plural ? v.plural() : v.singular());
                nounPhrase(r, t, Case.ACC, r.nextBoolean(), out);
            }
            case 3 -> {
                nounPhrase(r, t, Case.NOM, false, out);
                out.function("—").function("это");
                nounPhrase(r, t, Case.NOM, false, out);
                if (r.nextBoolean()) {
                    prepositional(r, t, out);
                }
            }
            case 4 -> {
                out.function("для");
                nounPhrase(r, t, Case.GEN, plural, out);
                out.function(pick(r, predicates)).word(verbs.draw(r, t).infinitive());
                nounPhrase(r, t, Case.ACC, r.nextBoolean(), out);
            }
            default -> {
                nounPhrase(r, t, Case.NOM, plural, out);
                Verb v = verbs.draw(r, t);
                out.word(plural ? v.plural() : v.singular());
                nounPhrase(r, t, Case.ACC, plural, out);
                if (r.nextInt(100) < 20) {
                    out.function(r.nextBoolean() ? "статьи" : "пункта").function(Integer.toString(1 + r.nextInt(120)));
                }
            }
        }
    }

    @Override
    void sentence(RandomGenerator r, Topic t, Text out) {
        opener(r, out, openers);
        clause(r, t, out);
        if (r.nextInt(100) < 30) {
            out.mark(",").function(pick(r, conjunctions));
            clause(r, t, out);
        }
        out.mark(r.nextInt(100) < 3 ? "!" : ".");
    }

    @Override
    void question(RandomGenerator r, Topic t, Text out) {
        switch (r.nextInt(5)) {
            case 0 -> {
                out.function("какие");
                nounPhrase(r, t, Case.NOM, true, out);
                out.word(verbs.draw(r, t).plural());
                nounPhrase(r, t, Case.ACC, r.nextBoolean(), out);
            }
            case 1 -> {
                out.function("что").function("такое");
                nounPhrase(r, t, Case.NOM, false, out);
            }
            case 2 -> {
                out.function("почему");
                nounPhrase(r, t, Case.NOM, false, out);
                out.word(verbs.draw(r, t).singular());
                nounPhrase(r, t, Case.ACC, r.nextBoolean(), out);
            }
            case 3 -> {
                out.function("каким").function("образом");
                nounPhrase(r, t, Case.NOM, true, out);
                out.word(verbs.draw(r, t).plural());
                nounPhrase(r, t, Case.ACC, false, out);
            }
            default -> {
                out.function("каковы").word(adjectives.draw(r, t).form(Case.NOM, true, Gender.MASC, false));
                nounPhrase(r, t, Case.NOM, true, out);
                prepositional(r, t, out);
            }
        }
        out.mark("?");
    }

    @Override
    void task(RandomGenerator r, Topic t, Text out) {
        out.function(pick(r, imperatives));
        if (r.nextInt(100) < 25) {
            out.mark(",").function("почему");
            clause(r, t, out);
        } else {
            nounPhrase(r, t, Case.ACC, r.nextBoolean(), out);
            if (r.nextBoolean()) {
                prepositional(r, t, out);
            }
        }
        out.mark(".");
    }

    @Override
    String heading(RandomGenerator r, Topic t) {
        Text out = new Text(null);
        nounPhrase(r, t, Case.NOM, r.nextInt(100) < 30, out);
        if (r.nextInt(100) < 40) {
            prepositional(r, t, out);
        }
        return out.toString();
    }

    @Override
    String label(String kind) {
        return switch (kind) {
            case "page" -> "Тема";
            case "file" -> "Материал для чтения";
            case "media" -> "Лекция";
            case "case-study" -> "Кейс";
            case "quiz" -> "Тест";
            default -> "Раздел";
        };
    }

    @Override
    String queryWord(RandomGenerator r, Topic t) {
        Case c = pick(r, List.of(Case.values()));
        boolean plural = r.nextInt(100) < 35;
        int part = r.nextInt(100);
        if (part < 65) {
            return nouns.any(r, t).form(c, plural);
        }
        if (part < 85) {
            return adjectives.any(r, t).form(c, plural, pick(r, List.of(Gender.values())), false);
        }
        Verb v = verbs.any(r, t);
        return switch (r.nextInt(3)) {
            case 0 -> v.infinitive();
            case 1 -> v.singular();
            default -> v.plural();
        };
    }
}
