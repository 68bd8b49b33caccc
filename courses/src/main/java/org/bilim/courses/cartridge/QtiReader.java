package org.bilim.courses.cartridge;

import static org.bilim.courses.cartridge.SafeXml.attr;
import static org.bilim.courses.cartridge.SafeXml.child;
import static org.bilim.courses.cartridge.SafeXml.children;
import static org.bilim.courses.cartridge.SafeXml.descendants;
import static org.bilim.courses.cartridge.SafeXml.local;
import static org.bilim.courses.cartridge.SafeXml.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bilim.courses.content.Keys;
import org.bilim.courses.quiz.Choice;
import org.bilim.courses.quiz.Question;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a QTI 1.2 assessment as the Common Cartridge profile of it (CC 1.1 §6 "Assessment",
 * the {@code cc_profile} values) and Canvas' and Moodle's exports write it, into questions of
 * the quiz engine. A question of a type the engine lacks is left out and told, not guessed at;
 * the rest of the quiz still comes in.
 */
final class QtiReader {
    /** Cleans question HTML; the location names the question for the officer's report. */
    @FunctionalInterface
    interface Html {
        String clean(String html, String location);
    }

    record Quiz(String title, String introHtml, int attemptsAllowed, List<Question> questions, List<Skipped> skipped) {
    }

    /** A question left out: its number in the quiz, its type as the cartridge named it, and why. */
    record Skipped(int number, String type, ImportReport.Reason reason, String problem) {
    }

    private static final Set<String> CANVAS_SUPPORTED = Set.of("multiple_choice_question", "true_false_question",
            "multiple_answers_question", "short_answer_question", "numerical_question", "essay_question");
    private static final Set<String> TRUE_WORDS = Set.of("true", "верно", "правда", "истина", "дұрыс", "ақиқат", "шын");
    private static final Set<String> FALSE_WORDS = Set.of("false", "неверно", "ложь", "неправда", "бұрыс", "қате", "жалған");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    /** CC profile QTI scores in percent: SCORE runs from 0 to 100 whatever the question is worth. */
    private static final BigDecimal PERCENT = BigDecimal.valueOf(100);

    private final Html html;
    private final String location;

    private QtiReader(Html html, String location) {
        this.html = html;
        this.location = location;
    }

    /** @param location where the quiz sits, e.g. "Week 1 › Self-test"; questions add " › Question n" */
    static Quiz read(Document doc, String location, Html html) {
        return new QtiReader(html, location).read(doc.getDocumentElement());
    }

    private Quiz read(Element root) {
        Element assessment = descendants(root, "assessment").stream().findFirst().orElse(root);
        Map<String, String> meta = metadata(child(assessment, "qtimetadata"));
        int attempts = attempts(meta.getOrDefault("cc_maxattempts", meta.getOrDefault("max_attempts", "")));
        String intro = "";
        for (String holder : List.of("rubric", "presentation_material")) {
            Element e = child(assessment, holder);
            if (e != null) {
                intro = materialHtml(e, location + " › " + holder);
                break;
            }
        }
        List<Question> questions = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int number = 0;
        for (Element section : descendants(assessment, "section")) {
            if (!descendants(section, "sourcebank_ref").isEmpty() && children(section, "item").isEmpty()) {
                skipped.add(new Skipped(++number, "question_group", ImportReport.Reason.UNSUPPORTED_QUESTION,
                        "questions drawn at random from a bank"));
            }
        }
        List<Element> items = descendants(assessment, "item");
        for (Element item : items) {
            number++;
            try {
                Optional<Question> q = question(item, number, keys);
                q.ifPresent(questions::add);
                if (q.isEmpty()) {
                    skipped.add(new Skipped(number, typeName(item), ImportReport.Reason.UNSUPPORTED_QUESTION, null));
                }
            } catch (IllegalArgumentException e) {
                skipped.add(new Skipped(number, typeName(item), ImportReport.Reason.INVALID_QUESTION, e.getMessage()));
            }
        }
        return new Quiz(attr(assessment, "title"), intro, attempts, questions, skipped);
    }

    // --- one question ---

    private Optional<Question> question(Element item, int number, Set<String> keys) {
        Map<String, String> meta = metadata(path(item, "itemmetadata", "qtimetadata"));
        String canvasType = meta.getOrDefault("question_type", "");
        String profile = meta.getOrDefault("cc_profile", "").toLowerCase(Locale.ROOT);
        if (!canvasType.isEmpty() && !CANVAS_SUPPORTED.contains(canvasType)) {
            return Optional.empty();
        }
        Element presentation = child(item, "presentation");
        List<Element> responses = responses(presentation);
        if (responses.size() != 1) {
            return Optional.empty(); // matching, several blanks, or no answer at all
        }
        Element response = responses.getFirst();
        String where = location + " › Question " + number;
        String key = unique(Keys.from(attr(item, "ident").isEmpty() ? "q" + number : attr(item, "ident")), keys);
        String prompt = promptHtml(presentation, where);
        BigDecimal points = points(meta, item);
        Set<String> labelIdents = new HashSet<>();
        descendants(presentation, "response_label").forEach(l -> labelIdents.add(attr(l, "ident")));
        Scoring scoring = scoring(item, where, labelIdents);

        String kind = local(response);
        String cardinality = attr(response, "rcardinality").toLowerCase(Locale.ROOT);
        if (kind.equals("response_lid")) {
            if (cardinality.equals("ordered")) {
                return Optional.empty();
            }
            List<Element> labels = descendants(response, "response_label");
            boolean multiple = cardinality.equals("multiple") || canvasType.equals("multiple_answers_question")
                    || profile.startsWith("cc.multiple_response");
            if (multiple) {
                return Optional.of(new Question.MultipleChoice(key, prompt, points, choices(labels, scoring, scoring.correct, where),
                        scoring.correctFeedback(), scoring.incorrectFeedback()));
            }
            Set<String> best = scoring.best();
            Optional<Boolean> trueFalse = trueFalse(labels, best, canvasType, profile);
            if (trueFalse.isPresent()) {
                return Optional.of(new Question.TrueFalse(key, prompt, points, trueFalse.get(),
                        scoring.correctFeedback(), scoring.incorrectFeedback()));
            }
            return Optional.of(new Question.SingleChoice(key, prompt, points, choices(labels, scoring, best, where),
                    scoring.correctFeedback(), scoring.incorrectFeedback()));
        }
        if (kind.equals("response_str") || kind.equals("response_num")) {
            Element fib = child(response, "render_fib");
            String fibType = attr(fib, "fibtype").toLowerCase(Locale.ROOT);
            boolean numeric = kind.equals("response_num") || canvasType.equals("numerical_question")
                    || fibType.equals("decimal") || fibType.equals("integer") || !scoring.ranges.isEmpty();
            if (canvasType.equals("essay_question") || profile.startsWith("cc.essay") || !scoring.rewards) {
                return Optional.of(new Question.Essay(key, prompt, points, "", scoring.correctFeedback(), scoring.incorrectFeedback()));
            }
            if (numeric) {
                return Optional.of(numeric(key, prompt, points, scoring));
            }
            if (scoring.answers.isEmpty()) {
                return Optional.empty(); // rewarded by a pattern (varsubstring, regular expressions): no exact answer to keep
            }
            return Optional.of(new Question.ShortAnswer(key, prompt, points, List.copyOf(scoring.answers), scoring.caseSensitive,
                    scoring.correctFeedback(), scoring.incorrectFeedback()));
        }
        return Optional.empty(); // response_xy (hotspot), response_grp (matching), extensions
    }

    private static Question.Numeric numeric(String key, String prompt, BigDecimal points, Scoring s) {
        if (!s.ranges.isEmpty()) {
            BigDecimal[] r = s.ranges.getFirst();
            BigDecimal two = BigDecimal.valueOf(2);
            BigDecimal value = r[0].add(r[1]).divide(two, 10, RoundingMode.HALF_UP).stripTrailingZeros();
            BigDecimal tolerance = r[1].subtract(r[0]).abs().divide(two, 10, RoundingMode.HALF_UP).stripTrailingZeros();
            return new Question.Numeric(key, prompt, points, plain(value), plain(tolerance), s.correctFeedback(), s.incorrectFeedback());
        }
        for (String answer : s.answers) {
            Optional<BigDecimal> v = number(answer);
            if (v.isPresent()) {
                return new Question.Numeric(key, prompt, points, v.get(), BigDecimal.ZERO, s.correctFeedback(), s.incorrectFeedback());
            }
        }
        throw new IllegalArgumentException("a numeric question without a number as its answer");
    }

    private static BigDecimal plain(BigDecimal d) {
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private List<Choice> choices(List<Element> labels, Scoring scoring, Set<String> correct, String where) {
        List<Choice> out = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int n = 0;
        for (Element label : labels) {
            n++;
            String ident = attr(label, "ident");
            out.add(new Choice(unique(Keys.from(ident.isEmpty() ? "c" + n : ident), keys),
                    materialHtml(label, where), correct.contains(ident), scoring.choiceFeedback.get(ident)));
        }
        return out;
    }

    /** True/false when the cartridge says so, or the two labels read true and false; the answer is whether "true" is right. */
    private static Optional<Boolean> trueFalse(List<Element> labels, Set<String> best, String canvasType, String profile) {
        if (labels.size() != 2 || best.size() != 1) {
            return Optional.empty();
        }
        String right = best.iterator().next();
        for (Element label : labels) {
            String word = plainWord(label);
            boolean isRight = attr(label, "ident").equals(right);
            if (TRUE_WORDS.contains(word)) {
                return Optional.of(isRight);
            }
            if (FALSE_WORDS.contains(word)) {
                return Optional.of(!isRight);
            }
        }
        // Marked true/false but worded otherwise ("Yes"/"No"): a single choice keeps the wording.
        return Optional.empty();
    }

    private static String plainWord(Element label) {
        String t = TAGS.matcher(descendants(label, "mattext").stream().map(SafeXml::text).reduce("", String::concat)).replaceAll("");
        return t.replace("&nbsp;", " ").strip().replaceAll("[.!\\s]+$", "").toLowerCase(Locale.ROOT);
    }

    private static Optional<BigDecimal> number(String s) {
        try {
            return Optional.of(new BigDecimal(s.strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    // --- scoring and feedback: what resprocessing rewards and shows ---

    private final class Scoring {
        final Map<String, BigDecimal> scoreByLabel = new LinkedHashMap<>();
        final Set<String> correct = new LinkedHashSet<>();
        final Set<String> answers = new LinkedHashSet<>();
        final List<BigDecimal[]> ranges = new ArrayList<>();
        boolean caseSensitive;
        /** Some condition rewards an answer, whatever test it uses. */
        boolean rewards;
        final List<String> general = new ArrayList<>();
        final List<String> right = new ArrayList<>();
        final List<String> wrong = new ArrayList<>();
        final Map<String, String> choiceFeedback = new LinkedHashMap<>();

        /** The label(s) worth the most: the right choice of a single-choice question. */
        Set<String> best() {
            BigDecimal max = scoreByLabel.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            Set<String> out = new LinkedHashSet<>();
            if (max.signum() > 0) {
                scoreByLabel.forEach((label, score) -> {
                    if (score.compareTo(max) == 0) {
                        out.add(label);
                    }
                });
            }
            return out;
        }

        String correctFeedback() {
            return join(right);
        }

        String incorrectFeedback() {
            return join(wrong);
        }

        private String join(List<String> specific) {
            List<String> all = new ArrayList<>(specific);
            all.addAll(general);
            return String.join("\n", all.stream().filter(s -> !s.isBlank()).toList());
        }
    }

    /** @param labels the idents of the choices, so feedback tied to one choice stays with it */
    private Scoring scoring(Element item, String where, Set<String> labels) {
        Scoring s = new Scoring();
        Map<String, String> feedback = new LinkedHashMap<>();
        for (Element fb : children(item, "itemfeedback")) {
            feedback.put(attr(fb, "ident"), materialHtml(fb, where + " › feedback"));
        }
        boolean scoredYet = false;
        for (Element condition : descendants(child(item, "resprocessing"), "respcondition")) {
            Element vars = child(condition, "conditionvar");
            BigDecimal score = setScore(condition);
            boolean positive = score.signum() > 0;
            boolean otherOnly = vars != null && children(vars).size() == 1 && local(children(vars).getFirst()).equals("other");
            List<Element> equals = positiveDescendants(vars, "varequal");
            if (positive) {
                s.rewards = true;
                for (Element eq : equals) {
                    String value = text(eq);
                    s.correct.add(value);
                    s.answers.add(value);
                    s.scoreByLabel.merge(value, score, BigDecimal::max);
                    s.caseSensitive |= attr(eq, "case").equalsIgnoreCase("yes");
                }
                range(vars).ifPresent(s.ranges::add);
            }
            for (Element show : children(condition, "displayfeedback")) {
                String ref = attr(show, "linkrefid");
                String text = feedback.get(ref);
                if (text == null || text.isBlank()) {
                    continue;
                }
                String id = ref.toLowerCase(Locale.ROOT);
                if (id.equals("general_fb") || id.equals("general")) {
                    s.general.add(text);
                } else if (id.equals("correct_fb") || id.equals("correct")) {
                    s.right.add(text);
                } else if (id.equals("general_incorrect_fb") || id.equals("incorrect_fb") || id.equals("incorrect")) {
                    s.wrong.add(text);
                } else if (equals.size() == 1 && children(vars).size() == 1 && labels.contains(text(equals.getFirst()))) {
                    s.choiceFeedback.merge(text(equals.getFirst()), text, (a, b) -> a + "\n" + b);
                } else if (positive) {
                    s.right.add(text);
                } else if (otherOnly && !scoredYet) {
                    s.general.add(text);
                } else {
                    s.wrong.add(text);
                }
            }
            scoredYet |= positive;
        }
        return s;
    }

    /** The score a condition sets or adds ({@code setvar} without varname sets SCORE, QTI 1.2 §3.9.6). */
    private static BigDecimal setScore(Element condition) {
        BigDecimal best = BigDecimal.ZERO;
        for (Element set : children(condition, "setvar")) {
            String var = attr(set, "varname");
            if (var.isEmpty() || var.equalsIgnoreCase("SCORE") || var.equalsIgnoreCase("que_score")) {
                Optional<BigDecimal> v = number(text(set));
                if (v.isPresent() && v.get().compareTo(best) > 0) {
                    best = v.get();
                }
            }
        }
        return best;
    }

    /** {@code varequal} (or another test) elements that are not under a {@code <not>}. */
    private static List<Element> positiveDescendants(Element vars, String name) {
        List<Element> out = new ArrayList<>();
        for (Element e : descendants(vars, name)) {
            boolean negated = false;
            for (Node p = e.getParentNode(); p != null && p != vars; p = p.getParentNode()) {
                if (p instanceof Element pe && local(pe).equals("not")) {
                    negated = true;
                }
            }
            if (!negated) {
                out.add(e);
            }
        }
        return out;
    }

    /** A closed range from {@code vargte}/{@code vargt} and {@code varlte}/{@code varlt} in one condition. */
    private static Optional<BigDecimal[]> range(Element vars) {
        Optional<BigDecimal> low = Optional.empty();
        Optional<BigDecimal> high = Optional.empty();
        for (String name : List.of("vargte", "vargt")) {
            for (Element e : positiveDescendants(vars, name)) {
                low = low.isPresent() ? low : number(text(e));
            }
        }
        for (String name : List.of("varlte", "varlt")) {
            for (Element e : positiveDescendants(vars, name)) {
                high = high.isPresent() ? high : number(text(e));
            }
        }
        if (low.isPresent() && high.isPresent()) {
            return Optional.of(new BigDecimal[] {low.get().min(high.get()), low.get().max(high.get())});
        }
        return Optional.empty();
    }

    // --- points ---

    /**
     * Points from the metadata Canvas ({@code points_possible}), QTI ({@code qmd_weighting}) or the
     * CC profile ({@code cc_weighting}) write; else the most a condition sets when the outcome is
     * declared as points rather than the profile's percent; else 1.
     */
    private static BigDecimal points(Map<String, String> meta, Element item) {
        for (String field : List.of("points_possible", "qmd_weighting", "cc_weighting")) {
            Optional<BigDecimal> v = number(meta.getOrDefault(field, ""));
            if (v.isPresent() && v.get().signum() >= 0) {
                return v.get();
            }
        }
        Element resprocessing = child(item, "resprocessing");
        Element decvar = descendants(resprocessing, "decvar").stream().findFirst().orElse(null);
        Optional<BigDecimal> declaredMax = number(attr(decvar, "maxvalue"));
        boolean percent = declaredMax.map(m -> m.compareTo(PERCENT) == 0).orElse(true);
        if (!percent) {
            BigDecimal max = BigDecimal.ZERO;
            for (Element condition : descendants(resprocessing, "respcondition")) {
                max = max.max(setScore(condition));
            }
            if (max.signum() > 0) {
                return max;
            }
        }
        return BigDecimal.ONE;
    }

    private static int attempts(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("unlimited")) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    // --- material ---

    private String promptHtml(Element presentation, String where) {
        StringBuilder out = new StringBuilder();
        collectMaterial(presentation, out);
        return html.clean(out.toString(), where);
    }

    /** Material outside the response elements: the question's own text. */
    private void collectMaterial(Element parent, StringBuilder out) {
        for (Element e : children(parent)) {
            String name = local(e);
            if (name.startsWith("response_")) {
                continue;
            }
            if (name.equals("material")) {
                out.append(material(e));
            } else {
                collectMaterial(e, out);
            }
        }
    }

    private String materialHtml(Element holder, String where) {
        StringBuilder out = new StringBuilder();
        for (Element m : descendants(holder, "material")) {
            out.append(material(m));
        }
        return html.clean(out.toString(), where);
    }

    /** One {@code material}'s HTML: mattext as HTML or escaped text, matimage as an img. */
    private static String material(Element material) {
        StringBuilder out = new StringBuilder();
        for (Element e : children(material)) {
            switch (local(e)) {
                case "mattext", "matemtext" -> {
                    String type = attr(e, "texttype").toLowerCase(Locale.ROOT);
                    String value = e.getTextContent();
                    out.append(type.contains("html") ? value : escape(value));
                }
                case "matimage" -> out.append("<img src=\"").append(escape(attr(e, "uri"))).append("\" alt=\"")
                        .append(escape(attr(e, "label"))).append("\">");
                default -> {
                }
            }
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // --- helpers ---

    private static List<Element> responses(Element presentation) {
        List<Element> out = new ArrayList<>();
        for (String kind : List.of("response_lid", "response_str", "response_num", "response_xy", "response_grp")) {
            out.addAll(descendants(presentation, kind));
        }
        return out;
    }

    /** The type a person would recognise: Canvas' name, else the CC profile, else the QTI response kind. */
    private static String typeName(Element item) {
        Map<String, String> meta = metadata(path(item, "itemmetadata", "qtimetadata"));
        if (meta.containsKey("question_type")) {
            return meta.get("question_type");
        }
        if (meta.containsKey("cc_profile")) {
            return meta.get("cc_profile");
        }
        List<Element> responses = responses(child(item, "presentation"));
        if (responses.isEmpty()) {
            return "no_response";
        }
        Element first = responses.getFirst();
        String card = attr(first, "rcardinality");
        return local(first) + (card.isEmpty() ? "" : "/" + card) + (responses.size() > 1 ? " x" + responses.size() : "");
    }

    private static Map<String, String> metadata(Element qtimetadata) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element field : descendants(qtimetadata, "qtimetadatafield")) {
            out.putIfAbsent(text(child(field, "fieldlabel")).toLowerCase(Locale.ROOT), text(child(field, "fieldentry")));
        }
        return out;
    }

    private static Element path(Element from, String... names) {
        return SafeXml.path(from, names);
    }

    static String unique(String key, Set<String> taken) {
        String candidate = key;
        for (int n = 2; !taken.add(candidate); n++) {
            String suffix = "-" + n;
            candidate = (key.length() + suffix.length() > 64 ? key.substring(0, 64 - suffix.length()) : key) + suffix;
        }
        return candidate;
    }

    static boolean isQuestionBank(Document doc) {
        return !descendants(doc.getDocumentElement(), "objectbank").isEmpty()
                && descendants(doc.getDocumentElement(), "assessment").isEmpty();
    }
}
