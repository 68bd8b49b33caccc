package org.bilim.courses.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bilim.courses.html.LintFinding.Action;
import org.bilim.courses.html.LintFinding.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {
    private static final String LOCATION = "Module 2 › Week 3 reading";
    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    /** Elements that must never reach a kiosk, whatever the input. */
    private static final String FORBIDDEN_ELEMENTS = "script|iframe|frame|frameset|object|embed|applet|form|input"
            + "|button|svg|math|style|base|meta|link|template|noscript|textarea|select|portal";
    private static final Pattern FORBIDDEN_TAG = Pattern.compile(
            "<\\s*/?\\s*(" + FORBIDDEN_ELEMENTS + ")\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE_IN_VALUE = Pattern.compile(
            "javascript:|vbscript:|data:text|url\\(|expression\\(|@import", Pattern.CASE_INSENSITIVE);
    private static final Set<String> URL_CARRIERS = Set.of("src", "href", "poster", "srcset");
    /** Attributes whose value, in the corpus, carries a reference the sanitiser must report. */
    private static final Set<String> REFERENCE_ATTRIBUTES = Set.of(
            "href", "src", "poster", "srcset", "cite", "longdesc", "background", "action", "formaction",
            "xlink:href", "data", "codebase", "ping", "style", "srcdoc", "content");

    /**
     * The hostile snippets, one a line; {@code \n} in a line stands for a line break, so that each
     * line is a whole snippet a browser test can render on its own.
     */
    static List<String> corpus() throws IOException {
        try (InputStream in = HtmlSanitizerTest.class.getResourceAsStream("xss-corpus.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.isBlank()).map(line -> line.replace("\\n", "\n")).toList();
        }
    }

    @Test
    void theCorpusIsLargeEnoughToMeanSomething() throws IOException {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(80).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void nothingHostileSurvives(String snippet) {
        String html = SANITIZER.sanitize(snippet, LOCATION, AssetResolver.none()).html();

        assertThat(html).doesNotContainPattern(FORBIDDEN_TAG).doesNotContainPattern(EVENT_HANDLER);
        for (Tag tag : Tag.parse(html)) {
            assertThat(tag.name()).doesNotMatch(FORBIDDEN_ELEMENTS);
            tag.attributes().forEach((name, value) -> {
                assertThat(name).as("attribute of <%s>", tag.name()).doesNotStartWith("on");
                assertThat(value).as("%s of <%s>", name, tag.name()).doesNotContainPattern(CODE_IN_VALUE);
                if (URL_CARRIERS.contains(name)) {
                    assertThat(value).as("%s of <%s>", name, tag.name()).doesNotContain("//").doesNotContainIgnoringCase("http");
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void everyReferenceToAnotherOriginIsReported(String snippet) {
        List<LintFinding> findings = SANITIZER.sanitize(snippet, LOCATION, AssetResolver.none()).findings();

        for (Tag tag : Tag.parse(snippet, false)) {
            tag.attributes().forEach((name, value) -> {
                if (REFERENCE_ATTRIBUTES.contains(name) && value.contains("evil.example")) {
                    assertThat(findings).as("<%s %s=%s>", tag.name(), name, value).anySatisfy(f -> {
                        assertThat(f.element()).isEqualTo(tag.name());
                        assertThat(f.attribute()).isEqualTo(name);
                        assertThat(f.reference()).contains("evil.example");
                        assertThat(f.action()).isEqualTo(Action.REMOVED);
                    });
                }
            });
        }
        assertThat(findings).allSatisfy(f -> assertThat(f.location()).isEqualTo(LOCATION));
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void sanitisingTheOutputAgainChangesNothing(String snippet) {
        SanitizedHtml once = SANITIZER.sanitize(snippet, LOCATION, AssetResolver.none());
        SanitizedHtml twice = SANITIZER.sanitize(once.html(), LOCATION, AssetResolver.none());

        assertThat(twice.html()).isEqualTo(once.html());
        assertThat(twice.findings()).isEmpty();
        assertThat(SANITIZER.sanitize(snippet, LOCATION, AssetResolver.none())).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p>See <a href=\"https://evil.example/\"><div>block</div></a> here</p>",
            "<video controls><tr><td>cell</td></tr></video>", "<p><form><div>in a form</div></form></p>"})
    void whatRemovedElementsLeaveBehindIsStillStable(String snippet) {
        SanitizedHtml once = SANITIZER.sanitize(snippet, LOCATION, AssetResolver.none());

        assertThat(SANITIZER.sanitize(once.html(), LOCATION, AssetResolver.none()).html()).isEqualTo(once.html());
    }

    @Test
    void oneSanitiserServesManyThreadsAlike() throws IOException {
        List<String> corpus = corpus();
        List<SanitizedHtml> oneByOne = corpus.stream().map(s -> SANITIZER.sanitize(s, LOCATION, AssetResolver.none())).toList();

        List<SanitizedHtml> together = corpus.parallelStream()
                .map(s -> SANITIZER.sanitize(s, LOCATION, AssetResolver.none())).toList();

        assertThat(together).isEqualTo(oneByOne);
    }

    @Test
    void anAssetFromThePackageIsRewrittenToItsLocalCopy() {
        SanitizedHtml result = SANITIZER.sanitize("<p><img src=\"images/map.png\" alt=\"Map of the region\"></p>",
                LOCATION, packageWith(Map.of("images/map.png", "/api/files/4f2a")));

        assertThat(result.html()).isEqualTo("<p><img src=\"/api/files/4f2a\" alt=\"Map of the region\" /></p>");
        assertThat(result.findings()).containsExactly(new LintFinding(LOCATION, "img", "src", "images/map.png",
                Action.REWRITTEN, Reason.LOCAL_COPY));
    }

    @Test
    void localMediaKeepTheirCaptionsAndControls() {
        SanitizedHtml result = SANITIZER.sanitize(
                "<video controls poster=\"poster.jpg\"><source src=\"lecture.mp4\" type=\"video/mp4\">"
                        + "<track kind=\"captions\" src=\"lecture.kk.vtt\" srclang=\"kk\" label=\"Қазақша\" default></video>",
                LOCATION, packageWith(Map.of("poster.jpg", "/api/files/1", "lecture.mp4", "/api/files/2",
                        "lecture.kk.vtt", "/api/files/3")));

        assertThat(result.html()).isEqualTo("<video controls=\"controls\" poster=\"/api/files/1\">"
                + "<source src=\"/api/files/2\" type=\"video/mp4\" />"
                + "<track kind=\"captions\" src=\"/api/files/3\" srclang=\"kk\" label=\"Қазақша\" default=\"default\" />"
                + "</video>");
        assertThat(result.findings()).extracting(LintFinding::reason).containsOnly(Reason.LOCAL_COPY).hasSize(3);
    }

    @Test
    void aFragmentLinkStaysAndStillFindsItsTarget() {
        SanitizedHtml result = SANITIZER.sanitize(
                "<p><a href=\"#week-2\">Week 2</a></p><h2 id=\"week-2\">Week 2</h2><p><a name=\"note1\">1</a> "
                        + "<a href=\"#note1\">see note</a></p>",
                LOCATION, AssetResolver.none());

        assertThat(result.html()).isEqualTo(
                "<p><a href=\"#content-week-2\">Week 2</a></p><h2 id=\"content-week-2\">Week 2</h2>"
                        + "<p><a id=\"content-note1\">1</a> <a href=\"#content-note1\">see note</a></p>");
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aMissingAssetIsRemovedAndReported() {
        SanitizedHtml result = SANITIZER.sanitize("<p>Figure: <img src=\"images/lost.png\" alt=\"Lost figure\"></p>",
                LOCATION, AssetResolver.none());

        assertThat(result.html()).isEqualTo("<p>Figure: <img alt=\"Lost figure\" /></p>");
        assertThat(result.findings()).containsExactly(new LintFinding(LOCATION, "img", "src", "images/lost.png",
                Action.REMOVED, Reason.MISSING_ASSET));
    }

    @Test
    void aLinkToAnotherOriginLosesItsTargetButKeepsItsText() {
        SanitizedHtml result = SANITIZER.sanitize(
                "<p>Read <a href=\"https://evil.example/article\">the article</a> first.</p>", LOCATION,
                AssetResolver.none());

        assertThat(result.html()).isEqualTo("<p>Read the article first.</p>");
        assertThat(result.findings()).containsExactly(new LintFinding(LOCATION, "a", "href",
                "https://evil.example/article", Action.REMOVED, Reason.OUTSIDE_ORIGIN));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "javascript:alert(1)", "JAVASCRIPT:alert(1)", "  javascript:alert(1)", "java&#x09;script:alert(1)",
            "java&#x0A;script:alert(1)", "java&#0;script:alert(1)", "&#106;avascript:alert(1)",
            "&#0000106avascript&#0000058alert(1)", "%6Aavascript:alert(1)", "&amp;#106;avascript:alert(1)",
            "javascript&colon;alert(1)", "ｊａｖａｓｃｒｉｐｔ：alert(1)", "vbscript:msgbox(1)",
            "data:text/html,x", "data:image/png;base64,iVBORw0KGgo=", "file:///etc/passwd", "mailto:a@evil.example",
            "tel:+100", "blob:https://evil.example/1"})
    void aSchemeThatRunsCodeOrLeavesIsUnsafeHoweverItIsWritten(String href) {
        SanitizedHtml result = SANITIZER.sanitize("<a href=\"" + href + "\">x</a>", LOCATION, AssetResolver.none());

        assertThat(result.html()).isEqualTo("x");
        assertThat(result.findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo(Reason.UNSAFE_SCHEME));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://evil.example/", "HTTPS://evil.example/", "ftp://evil.example/x", "//evil.example/x.png",
            "/\\evil.example/", "\\\\evil.example\\x", "ws://evil.example/", "gopher://evil.example/",
            "custom://evil.example/", "https:evil.example"})
    void anotherOriginIsOutsideHoweverItIsWritten(String src) {
        SanitizedHtml result = SANITIZER.sanitize("<img src=\"" + src + "\" alt=\"a\">", LOCATION, AssetResolver.none());

        assertThat(result.html()).isEqualTo("<img alt=\"a\" />");
        assertThat(result.findings()).singleElement()
                .satisfies(f -> assertThat(f.reason()).isEqualTo(Reason.OUTSIDE_ORIGIN));
    }

    @Test
    void anImageMayCarryItsPixelsAsABase64DataUrl() {
        String png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk";
        SanitizedHtml result = SANITIZER.sanitize("<img src=\"" + png + "\n  +AAA=\" alt=\"dot\">", LOCATION,
                AssetResolver.none());

        assertThat(Tag.parse(result.html()).get(0).attributes()).containsEntry("src", png + "+AAA=");
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void aStyleKeepsItsLooksButLoadsNothing() {
        SanitizedHtml result = SANITIZER.sanitize(
                "<p style=\"color: #333; background: url(images/paper.png); text-align: center\">x</p>", LOCATION,
                packageWith(Map.of("images/paper.png", "/api/files/9")));

        assertThat(result.html()).isEqualTo("<p style=\"color:#333;text-align:center\">x</p>");
        assertThat(result.findings()).containsExactly(new LintFinding(LOCATION, "p", "style", "images/paper.png",
                Action.REMOVED, Reason.LOCAL_COPY));
    }

    @Test
    void anActiveElementGoesWithAllItHoldsAndIsReportedWithIt() {
        SanitizedHtml result = SANITIZER.sanitize(
                "<p>Before</p><script>steal(document.cookie)</script><form action=\"/login\"><p>Your PIN</p>"
                        + "<input name=\"pin\"></form><p>After</p>",
                LOCATION, AssetResolver.none());

        assertThat(result.html()).isEqualTo("<p>Before</p><p>After</p>");
        assertThat(result.findings()).containsExactly(
                new LintFinding(LOCATION, "script", null, "steal(document.cookie)", Action.REMOVED, Reason.ACTIVE_ELEMENT),
                new LintFinding(LOCATION, "form", "action", "/login", Action.REMOVED, Reason.ACTIVE_ELEMENT),
                new LintFinding(LOCATION, "input", null, "", Action.REMOVED, Reason.ACTIVE_ELEMENT));
    }

    @Test
    void anEventHandlerIsRemovedAndReported() {
        SanitizedHtml result = SANITIZER.sanitize("<p onclick=\"alert(1)\">Tap</p>", LOCATION, AssetResolver.none());

        assertThat(result.html()).isEqualTo("<p>Tap</p>");
        assertThat(result.findings()).containsExactly(
                new LintFinding(LOCATION, "p", "onclick", "alert(1)", Action.REMOVED, Reason.ACTIVE_ELEMENT));
    }

    @Test
    void coursePageMarkupSurvivesUnchanged() {
        String page = "<article><header><h1 lang=\"kk\">Кіріспе</h1></header>"
                + "<section><h2>Lists</h2><ol start=\"3\" type=\"a\"><li>one</li><li><em>two</em></li></ol>"
                + "<ul><li><strong>bold</strong>, <b>b</b>, <i>i</i>, <u>u</u>, <s>s</s>, <sub>2</sub>, <sup>3</sup>,"
                + " <small>small</small>, <mark>mark</mark>, <code>code</code>, <kbd>Ctrl</kbd>, <samp>out</samp>,"
                + " <abbr title=\"Kazakhstan\">KZ</abbr>, <q>quote</q>, <cite>Abai</cite></li></ul>"
                + "<dl><dt>term</dt><dd>definition</dd></dl>"
                + "<blockquote><p>Quoted.</p></blockquote><pre>  pre  formatted</pre><hr />"
                + "<p><span lang=\"ru\" dir=\"ltr\">по-русски</span><br /><span dir=\"rtl\" lang=\"ar\">عربى</span></p>"
                + "</section>"
                + "<table><caption>Timetable</caption><thead><tr><th id=\"content-day\" scope=\"col\">Day</th>"
                + "<th scope=\"col\" colspan=\"2\">Lesson</th></tr></thead>"
                + "<tbody><tr><th scope=\"row\">Mon</th><td headers=\"content-day\" rowspan=\"2\">Maths</td></tr></tbody>"
                + "<tfoot><tr><td colspan=\"3\">end</td></tr></tfoot></table>"
                + "<figure><img src=\"/api/files/7\" alt=\"Steppe\" width=\"640\" height=\"480\" />"
                + "<figcaption>The steppe</figcaption></figure>"
                + "<details><summary>Answer</summary><p>42</p></details>"
                + "<p><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p>"
                + "<aside><p style=\"font-weight:bold\">Note</p></aside><footer><div>end</div></footer></article>";

        SanitizedHtml result = SANITIZER.sanitize(page, LOCATION, packageWith(Map.of("/api/files/7", "/api/files/7")));

        assertThat(result.html()).isEqualTo(page);
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void kazakhAndRussianTextSurvivesByteForByte() {
        String text = "<p>«Қазақстан» «Ұлттық» ғылым, өнер, әліпби, үміт, һ, і; «ёжик», «Съешь ещё этих мягких булок»</p>";

        String html = SANITIZER.sanitize(text, LOCATION, AssetResolver.none()).html();

        assertThat(html.getBytes(StandardCharsets.UTF_8)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void classesAreDroppedAndIdsMovedOutOfTheKiosksWay() {
        String html = SANITIZER.sanitize("<div id=\"main\" class=\"admin-only\">x</div>", LOCATION,
                AssetResolver.none()).html();

        assertThat(html).isEqualTo("<div id=\"content-main\">x</div>");
    }

    @Test
    void localCopiesAreStableWhenTheResolverKnowsItsOwnUrls() {
        AssetResolver assets = packageWith(Map.of("a.png", "/api/files/1", "/api/files/1", "/api/files/1",
                "notes.pdf", "/api/files/2", "/api/files/2", "/api/files/2"));
        SanitizedHtml once = SANITIZER.sanitize("<p><img src=\"a.png\" alt=\"a\"><a href=\"notes.pdf\">notes</a></p>",
                LOCATION, assets);

        SanitizedHtml twice = SANITIZER.sanitize(once.html(), LOCATION, assets);

        assertThat(once.findings()).hasSize(2);
        assertThat(twice.html()).isEqualTo(once.html());
        assertThat(twice.findings()).isEmpty();
    }

    @Test
    void findingsFollowTheDocumentAndCarryTheirLocation() {
        SanitizedHtml result = SANITIZER.sanitize(
                "<img src=\"http://evil.example/1.png\"><script>x()</script><a href=\"missing.html\">m</a>"
                        + "<img src=\"ok.png\">", "Course A › Page 1", packageWith(Map.of("ok.png", "/api/files/5")));

        assertThat(result.findings()).extracting(LintFinding::reason).containsExactly(Reason.OUTSIDE_ORIGIN,
                Reason.ACTIVE_ELEMENT, Reason.MISSING_ASSET, Reason.LOCAL_COPY);
        assertThat(result.findings()).extracting(LintFinding::location).containsOnly("Course A › Page 1");
    }

    @Test
    void aLongReferenceIsCutTo500Characters() {
        String reference = "https://evil.example/" + "a".repeat(1000);

        LintFinding finding = SANITIZER.sanitize("<img src=\"" + reference + "\">", LOCATION, AssetResolver.none())
                .findings().get(0);

        assertThat(finding.reference()).isEqualTo(reference.substring(0, 500));
    }

    @Test
    void aResolverThatAnswersOutsideTheFilesApiIsABug() {
        AssetResolver wrong = reference -> Optional.of("https://cdn.evil.example/" + reference);

        assertThatThrownBy(() -> SANITIZER.sanitize("<img src=\"a.png\">", LOCATION, wrong))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("/api/files/");
    }

    @Test
    void nothingInNothingOut() {
        assertThat(SANITIZER.sanitize(null, LOCATION, AssetResolver.none())).isEqualTo(new SanitizedHtml("", List.of()));
    }

    private static AssetResolver packageWith(Map<String, String> files) {
        return reference -> Optional.ofNullable(files.get(reference));
    }

    /** A start tag as a browser-like tokenizer (the OWASP lexer) reads it, with attribute values decoded. */
    record Tag(String name, Map<String, String> attributes) {
        static List<Tag> parse(String html) {
            return parse(html, true);
        }

        /** Every start tag; {@code firstValueWins} as browsers do, or keeping all names seen for an input scan. */
        static List<Tag> parse(String html, boolean firstValueWins) {
            List<Tag> tags = new ArrayList<>();
            org.owasp.html.HtmlSanitizer.sanitize(html, new org.owasp.html.HtmlSanitizer.Policy() {
                @Override
                public void openDocument() {
                }

                @Override
                public void closeDocument() {
                }

                @Override
                public void openTag(String name, List<String> attrs) {
                    Map<String, String> attributes = new LinkedHashMap<>();
                    for (int i = 0; i < attrs.size(); i += 2) {
                        if (firstValueWins) {
                            attributes.putIfAbsent(attrs.get(i), attrs.get(i + 1));
                        } else {
                            attributes.merge(attrs.get(i), attrs.get(i + 1), (a, b) -> a + " " + b);
                        }
                    }
                    tags.add(new Tag(name, attributes));
                }

                @Override
                public void closeTag(String name) {
                }

                @Override
                public void text(String text) {
                }
            });
            return tags;
        }
    }
}
