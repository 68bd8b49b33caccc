package org.bilim.courses.html;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.bilim.courses.html.LintFinding.Action;
import org.bilim.courses.html.LintFinding.Reason;
import org.owasp.html.AttributePolicy;
import org.owasp.html.CssSchema;
import org.owasp.html.Handler;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamEventReceiverWrapper;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;
import org.owasp.html.TagBalancingHtmlStreamEventReceiver;

/**
 * Makes course HTML safe to show on a kiosk: an allowlist of tags and attributes (OWASP Java HTML
 * Sanitizer), nothing that runs code, and nothing that loads from another origin.
 *
 * <p>Every URL is classified before the OWASP policy sees it. A same-page {@code #fragment} link
 * is kept; a reference the {@link AssetResolver} knows is rewritten to its local copy under
 * {@code /api/files/}; a base64 PNG, JPEG, GIF or WebP data URL may stay on an {@code img};
 * anything else is removed and reported. Elements that run or load something (script, style,
 * iframe, object, form, svg, math, ...) are dropped with all they contain and reported, and so are
 * event handler attributes. A {@code style} attribute keeps what the OWASP CSS schema allows and
 * never a {@code url()}, {@code image-set()}, {@code @import} or {@code expression()}: each one
 * found is reported as removed, with the reason its reference would have had ({@code LOCAL_COPY}
 * when the package has the file, since even a local url() in a style is not kept).
 *
 * <p>Ids are kept in a namespace of their own ({@link ContentIds}); {@code class} is dropped
 * because the kiosk's stylesheet must not be steered by course content.
 *
 * <p>The output is stable: sanitising it again gives the same HTML and no findings, provided the
 * resolver resolves its own {@code /api/files/} URLs to themselves (a reference resolved to
 * itself is not reported as rewritten). One instance is thread-safe and meant to be shared.
 */
public final class HtmlSanitizer {
    /** Elements dropped with everything inside them, each reported as {@link Reason#ACTIVE_ELEMENT}. */
    private static final Set<String> ACTIVE_ELEMENTS = Set.of(
            "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed",
            "applet", "param", "form", "input", "button", "select", "textarea", "base", "link", "meta",
            "svg", "math", "noembed", "noframes", "xmp", "plaintext", "portal", "fencedframe");

    /** Where a URL may stay, once it is local; any other URL attribute is removed wherever it appears. */
    private static final Map<String, Set<String>> KEPT_URL_ATTRIBUTES = Map.of(
            "a", Set.of("href"),
            "img", Set.of("src"),
            "audio", Set.of("src"),
            "video", Set.of("src", "poster"),
            "source", Set.of("src"),
            "track", Set.of("src"));

    /** Attributes read as URLs by some browser, some day; all are classified, only the kept ones survive. */
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href", "src", "poster", "srcset", "imagesrcset", "cite", "longdesc", "background", "action",
            "formaction", "xlink:href", "data", "codebase", "classid", "archive", "usemap", "manifest",
            "icon", "profile", "dynsrc", "lowsrc", "ping", "itemtype");

    /** Attributes that say best what an active element would have loaded or run, in that order. */
    private static final List<String> ACTIVE_REFERENCE_ATTRIBUTES = List.of(
            "src", "data", "href", "xlink:href", "action", "formaction", "srcdoc", "code", "codebase",
            "archive", "content", "value");

    private static final Set<String> VOID_ELEMENTS = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param",
            "source", "track", "wbr", "basefont", "bgsound", "frame", "image", "isindex");

    /** The library's own limit on the way in; well below the 512 levels where browsers give up. */
    private static final int NESTING_LIMIT = 256;

    /** Long enough for an officer to recognise the reference, short enough for a report. */
    private static final int REFERENCE_LIMIT = 500;

    private static final String FILES = "/api/files/";
    private static final Pattern LANG = Pattern.compile("[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,7}");
    private static final Pattern SPAN = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern DIMENSION = Pattern.compile("[0-9]{1,5}");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,9}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+(?:;[ a-z0-9=\"'.,+-]*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA_IMAGE = Pattern.compile(
            "(?i:data:image/(?:png|jpeg|gif|webp);base64,)[A-Za-z0-9+/]+={0,2}");

    /**
     * The allowlist. URL attributes reach it already classified and rewritten; the policies on them
     * only check that, behind the protocol filter the OWASP library puts in front of every URL
     * attribute (which is also why classification cannot happen here: that filter discards
     * {@code http:} and {@code javascript:} values before any policy of ours could report them).
     */
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
                    "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
                    "blockquote", "q", "cite", "code", "pre", "kbd", "samp", "abbr", "span", "div",
                    "section", "article", "header", "footer", "aside",
                    "ul", "ol", "li", "dl", "dt", "dd",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "figure", "figcaption", "img", "a", "audio", "video", "source", "track",
                    "details", "summary", "ruby", "rt", "rp")
            .allowAttributes("lang").matching(LANG).globally()
            .allowAttributes("dir").matching(true, "ltr", "rtl", "auto").globally()
            .allowAttributes("title").globally()
            .allowAttributes("id").matching(attribute(ContentIds::id)).globally()
            .allowStyling(CssSchema.DEFAULT)
            .allowAttributes("start").matching(INTEGER).onElements("ol")
            .allowAttributes("type").matching(false, "1", "a", "A", "i", "I").onElements("ol")
            .allowAttributes("scope").matching(true, "row", "col", "rowgroup", "colgroup").onElements("th")
            .allowAttributes("colspan", "rowspan").matching(SPAN).onElements("th", "td")
            .allowAttributes("headers").matching(attribute(ContentIds::idList)).onElements("th", "td")
            .allowAttributes("alt").onElements("img")
            .allowAttributes("width", "height").matching(DIMENSION).onElements("img", "video")
            .allowAttributes("href").matching(attribute(HtmlSanitizer::checkedHref)).onElements("a")
            .allowAttributes("src").matching(attribute(HtmlSanitizer::checkedImageSource)).onElements("img")
            .allowAttributes("src").matching(attribute(HtmlSanitizer::checkedLocal))
                    .onElements("audio", "video", "source", "track")
            .allowAttributes("poster").matching(attribute(HtmlSanitizer::checkedLocal)).onElements("video")
            .allowAttributes("controls").matching(attribute(value -> "controls")).onElements("audio", "video")
            // type lets a browser skip a format it cannot play without fetching it.
            .allowAttributes("type").matching(MEDIA_TYPE).onElements("source")
            .allowAttributes("kind").matching(true, "subtitles", "captions", "descriptions", "chapters")
                    .onElements("track")
            .allowAttributes("srclang").matching(LANG).onElements("track")
            .allowAttributes("label").onElements("track")
            // default shows captions without a learner having to find the menu.
            .allowAttributes("default").matching(attribute(value -> "default")).onElements("track")
            // Lets data:image/... through the library's protocol filter to checkedImageSource,
            // which refuses every other data URL.
            .allowUrlProtocols("data")
            .disallowWithoutAttributes("source", "track")
            // The library runs its CSS policy after any policy of ours on style, so the check that
            // no loader survived has to look at the finished tag.
            .withPostprocessor(StyleCheck::new)
            // The library balances tags before its policy drops elements, so what is left can be
            // nested in a way the balancer would change next time (a div left inside a p once the
            // a between them is gone). Balancing again after the policy makes the output its own
            // fixed point: sanitising it again changes nothing.
            .withPostprocessor(HtmlSanitizer::balanced)
            .toFactory();

    public HtmlSanitizer() {
    }

    /**
     * @param html     the HTML as found; null is read as empty
     * @param location where it was, carried on every finding
     * @param assets   the assets that came with the package
     */
    public SanitizedHtml sanitize(String html, String location, AssetResolver assets) {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(assets, "assets");
        var out = new StringBuilder(html == null ? 0 : html.length());
        var pass = new Pass(location, assets,
                POLICY.apply(HtmlStreamRenderer.create(out, Handler.DO_NOTHING)));
        org.owasp.html.HtmlSanitizer.sanitize(html == null ? "" : html, pass);
        return new SanitizedHtml(out.toString(), pass.findings);
    }

    private static HtmlStreamEventReceiver balanced(HtmlStreamEventReceiver out) {
        var balancer = new TagBalancingHtmlStreamEventReceiver(out);
        balancer.setNestingLimit(NESTING_LIMIT);
        return balancer;
    }

    private static AttributePolicy attribute(UnaryOperator<String> check) {
        return (element, name, value) -> check.apply(value);
    }

    private static String checkedHref(String value) {
        return value.startsWith("#") || value.startsWith(FILES) ? value : null;
    }

    private static String checkedImageSource(String value) {
        return value.startsWith(FILES) || DATA_IMAGE.matcher(value).matches() ? value : null;
    }

    private static String checkedLocal(String value) {
        return value.startsWith(FILES) ? value : null;
    }

    /** Whether a resolver's answer is a plain same-origin path under /api/files/. */
    private static boolean isFilesPath(String url) {
        if (!url.startsWith(FILES) || url.contains("//") || url.contains("/../") || url.endsWith("/..")
                || url.contains("/./")) {
            return false;
        }
        return url.chars().noneMatch(c -> c <= 0x20 || c == 0x7f || c == '\\');
    }

    private static String truncated(String reference) {
        if (reference.length() <= REFERENCE_LIMIT) {
            return reference;
        }
        int end = REFERENCE_LIMIT;
        if (Character.isHighSurrogate(reference.charAt(end - 1))) {
            end--;
        }
        return reference.substring(0, end);
    }

    /** Drops a style that still holds a url(), @import, expression() or the like after the CSS policy. */
    private static final class StyleCheck extends HtmlStreamEventReceiverWrapper {
        StyleCheck(HtmlStreamEventReceiver out) {
            super(out);
        }

        @Override
        public void openTag(String element, List<String> attrs) {
            for (int i = 0; i < attrs.size(); i += 2) {
                if (attrs.get(i).equals("style") && CssLoaders.any(attrs.get(i + 1))) {
                    attrs.subList(i, i + 2).clear();
                    i -= 2;
                }
            }
            super.openTag(element, attrs);
        }
    }

    /**
     * One run over one document. It sits between the library's tag balancer and the OWASP policy,
     * so it sees elements properly nested (an active element's subtree ends where the browser
     * would end it) and in document order, which is the order of the findings.
     */
    private static final class Pass implements org.owasp.html.HtmlSanitizer.Policy {
        private final String location;
        private final AssetResolver assets;
        private final org.owasp.html.HtmlSanitizer.Policy policy;
        private final List<LintFinding> findings = new ArrayList<>();
        /** Open elements of the active subtree being dropped; empty when nothing is being dropped. */
        private final Deque<Dropped> dropped = new ArrayDeque<>();

        /** An element inside a dropped subtree; an active one without a reference attribute collects its text. */
        private static final class Dropped {
            final String element;
            final int finding;
            final StringBuilder text = new StringBuilder();

            Dropped(String element, int finding) {
                this.element = element;
                this.finding = finding;
            }
        }

        Pass(String location, AssetResolver assets, org.owasp.html.HtmlSanitizer.Policy policy) {
            this.location = location;
            this.assets = assets;
            this.policy = policy;
        }

        @Override
        public void openDocument() {
            policy.openDocument();
        }

        @Override
        public void closeDocument() {
            while (!dropped.isEmpty()) {
                close(dropped.pop());
            }
            policy.closeDocument();
        }

        @Override
        public void openTag(String element, List<String> attrs) {
            boolean active = ACTIVE_ELEMENTS.contains(element);
            if (active || !dropped.isEmpty()) {
                int finding = -1;
                String used = null;
                if (active) {
                    used = activeReferenceAttribute(attrs);
                    finding = findings.size();
                    findings.add(finding(element, used, used == null ? "" : value(attrs, used),
                            Action.REMOVED, Reason.ACTIVE_ELEMENT));
                }
                reportLeavingReferences(element, attrs, used);
                if (!VOID_ELEMENTS.contains(element)) {
                    dropped.push(new Dropped(element, used == null ? finding : -1));
                }
                return;
            }
            rewriteAttributes(element, attrs);
            policy.openTag(element, attrs);
        }

        @Override
        public void closeTag(String element) {
            if (dropped.isEmpty()) {
                policy.closeTag(element);
                return;
            }
            if (dropped.stream().noneMatch(d -> d.element.equals(element))) {
                return;
            }
            Dropped closed;
            do {
                closed = dropped.pop();
                close(closed);
            } while (!closed.element.equals(element));
        }

        @Override
        public void text(String text) {
            if (dropped.isEmpty()) {
                policy.text(text);
                return;
            }
            for (Dropped d : dropped) {
                if (d.finding >= 0) {
                    if (d.text.length() < REFERENCE_LIMIT) {
                        d.text.append(text);
                    }
                    return;
                }
            }
        }

        /** An active element's text is its reference: the script or style an officer would want to see. */
        private void close(Dropped closed) {
            if (closed.finding >= 0) {
                LintFinding f = findings.get(closed.finding);
                findings.set(closed.finding, finding(f.element(), f.attribute(), closed.text.toString().strip(),
                        f.action(), f.reason()));
            }
        }

        private static String activeReferenceAttribute(List<String> attrs) {
            for (String name : ACTIVE_REFERENCE_ATTRIBUTES) {
                if (value(attrs, name) != null) {
                    return name;
                }
            }
            for (int i = 0; i < attrs.size(); i += 2) {
                if (attrs.get(i).startsWith("on")) {
                    return attrs.get(i);
                }
            }
            return null;
        }

        private static String value(List<String> attrs, String name) {
            for (int i = 0; i < attrs.size(); i += 2) {
                if (attrs.get(i).equals(name)) {
                    return attrs.get(i + 1);
                }
            }
            return null;
        }

        /** Inside a dropped subtree nothing survives, but a reference to another origin or a script is still worth telling. */
        private void reportLeavingReferences(String element, List<String> attrs, String alreadyReported) {
            for (int i = 0; i < attrs.size(); i += 2) {
                String name = attrs.get(i);
                if (name.equals(alreadyReported)) {
                    continue;
                }
                if (URL_ATTRIBUTES.contains(name)) {
                    for (String reference : references(name, attrs.get(i + 1))) {
                        reportIfLeaving(element, name, reference);
                    }
                }
            }
        }

        /** The attributes of a kept element, classified, rewritten or removed in place. */
        private void rewriteAttributes(String element, List<String> attrs) {
            boolean hasId = value(attrs, "id") != null;
            for (ListIterator<String> it = attrs.listIterator(); it.hasNext(); ) {
                String name = it.next();
                String value = it.next();
                String kept;
                if (name.startsWith("on")) {
                    findings.add(finding(element, name, value, Action.REMOVED, Reason.ACTIVE_ELEMENT));
                    kept = null;
                } else if (URL_ATTRIBUTES.contains(name)) {
                    kept = KEPT_URL_ATTRIBUTES.getOrDefault(element, Set.of()).contains(name)
                            ? keptUrl(element, name, value)
                            : removedUrl(element, name, value);
                } else if (name.equals("style")) {
                    reportStyle(element, value);
                    kept = value;
                } else if (name.equals("name") && element.equals("a") && !hasId) {
                    // Documents exported from word processors mark link targets with <a name>.
                    it.previous();
                    it.previous();
                    it.set("id");
                    it.next();
                    it.next();
                    hasId = true;
                    kept = value;
                } else {
                    kept = value;
                }
                if (kept == null) {
                    it.remove();
                    it.previous();
                    it.remove();
                } else {
                    it.set(kept);
                }
            }
        }

        private String keptUrl(String element, String attribute, String value) {
            String trimmed = References.trimmed(value);
            References.Kind kind = References.classify(value);
            return switch (kind) {
                case EMPTY -> null;
                case FRAGMENT -> attribute.equals("href") && trimmed.startsWith("#")
                        ? ContentIds.fragment(trimmed)
                        : local(element, attribute, trimmed);
                case RELATIVE -> local(element, attribute, trimmed);
                case DATA_IMAGE -> {
                    if (element.equals("img") && attribute.equals("src")) {
                        yield References.withoutSpaces(value);
                    }
                    findings.add(finding(element, attribute, value, Action.REMOVED, Reason.UNSAFE_SCHEME));
                    yield null;
                }
                case OUTSIDE_ORIGIN, UNSAFE_SCHEME -> {
                    findings.add(finding(element, attribute, value, Action.REMOVED, reason(kind)));
                    yield null;
                }
            };
        }

        /** A URL attribute that may not stay on this element: removed, and reported if it leaves the platform. */
        private String removedUrl(String element, String attribute, String value) {
            for (String reference : references(attribute, value)) {
                reportIfLeaving(element, attribute, reference);
            }
            return null;
        }

        private String local(String element, String attribute, String reference) {
            Optional<String> resolved = assets.resolve(reference);
            if (resolved.isEmpty()) {
                findings.add(finding(element, attribute, reference, Action.REMOVED, Reason.MISSING_ASSET));
                return null;
            }
            String url = resolved.get();
            if (!isFilesPath(url)) {
                throw new IllegalStateException("the asset resolver answered " + truncated(url)
                        + " for " + truncated(reference) + "; it must answer a path under " + FILES);
            }
            if (!url.equals(reference)) {
                findings.add(finding(element, attribute, reference, Action.REWRITTEN, Reason.LOCAL_COPY));
            }
            return url;
        }

        private void reportStyle(String element, String style) {
            for (CssLoaders.Found found : CssLoaders.in(style)) {
                Reason reason;
                if (found.construct().equals(CssLoaders.EXPRESSION)) {
                    reason = Reason.UNSAFE_SCHEME;
                } else {
                    reason = switch (References.classify(found.reference())) {
                        case OUTSIDE_ORIGIN -> Reason.OUTSIDE_ORIGIN;
                        case UNSAFE_SCHEME, DATA_IMAGE -> Reason.UNSAFE_SCHEME;
                        case EMPTY, FRAGMENT, RELATIVE -> assets.resolve(References.trimmed(found.reference()))
                                .isPresent() ? Reason.LOCAL_COPY : Reason.MISSING_ASSET;
                    };
                }
                findings.add(finding(element, "style", found.reference(), Action.REMOVED, reason));
            }
        }

        private void reportIfLeaving(String element, String attribute, String reference) {
            References.Kind kind = References.classify(reference);
            if (kind == References.Kind.OUTSIDE_ORIGIN || kind == References.Kind.UNSAFE_SCHEME) {
                findings.add(finding(element, attribute, reference, Action.REMOVED, reason(kind)));
            }
        }

        private LintFinding finding(String element, String attribute, String reference, Action action, Reason reason) {
            return new LintFinding(location, element, attribute, truncated(reference), action, reason);
        }

        private static Reason reason(References.Kind kind) {
            return kind == References.Kind.OUTSIDE_ORIGIN ? Reason.OUTSIDE_ORIGIN : Reason.UNSAFE_SCHEME;
        }

        /** The URLs an attribute holds: one, or for srcset and ping a list. */
        private static List<String> references(String attribute, String value) {
            return switch (attribute) {
                case "srcset", "imagesrcset" -> srcsetUrls(value);
                case "ping", "archive" -> List.of(References.trimmed(value).split("[\\t\\n\\f\\r ]+"));
                default -> List.of(value);
            };
        }

        /** The URL of each candidate of a srcset (HTML 4.8.4.3.10): a URL, optional descriptors, a comma. */
        private static List<String> srcsetUrls(String srcset) {
            List<String> urls = new ArrayList<>();
            int i = 0;
            int n = srcset.length();
            while (i < n) {
                while (i < n && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                    i++;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(srcset.charAt(i))) {
                    i++;
                }
                String url = srcset.substring(start, i);
                boolean descriptors = !url.endsWith(",");
                url = url.replaceAll(",+$", "");
                if (!url.isEmpty()) {
                    urls.add(url);
                }
                if (descriptors) {
                    int depth = 0;
                    while (i < n && (srcset.charAt(i) != ',' || depth > 0)) {
                        char c = srcset.charAt(i);
                        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                        i++;
                    }
                }
            }
            return urls;
        }
    }
}
