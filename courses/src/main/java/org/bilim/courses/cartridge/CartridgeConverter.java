package org.bilim.courses.cartridge;

import static org.bilim.courses.cartridge.SafeXml.descendants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bilim.courses.cartridge.ImportReport.Entry;
import org.bilim.courses.cartridge.ImportReport.Note;
import org.bilim.courses.cartridge.ImportReport.NoteCode;
import org.bilim.courses.cartridge.ImportReport.Reason;
import org.bilim.courses.cartridge.ImportReport.Status;
import org.bilim.courses.cartridge.Manifest.OrgItem;
import org.bilim.courses.cartridge.Manifest.Resource;
import org.bilim.courses.content.CaptionTrack;
import org.bilim.courses.content.CourseContent;
import org.bilim.courses.content.CourseModule;
import org.bilim.courses.content.FileItem;
import org.bilim.courses.content.FileRef;
import org.bilim.courses.content.Item;
import org.bilim.courses.content.Keys;
import org.bilim.courses.content.MediaItem;
import org.bilim.courses.content.PageItem;
import org.bilim.courses.content.QuizItem;
import org.bilim.courses.html.AssetResolver;
import org.bilim.courses.html.LintFinding;
import org.bilim.courses.html.SanitizedHtml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns a checked package and its manifest into course content and a report. Runs twice per
 * import: once to learn which files the content needs (with {@link Store#planning()}, storing
 * nothing), then, after those files are stored, for real. The two runs see the same input, so
 * they make the same decisions.
 */
final class CartridgeConverter {
    static final String SEPARATOR = " › ";
    private static final Pattern BODY = Pattern.compile("<body[^>]*>(.*?)(?:</body\\s*>|$)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Set<String> PAGE_EXTENSIONS = Set.of("html", "htm", "xhtml");
    /** A local copy of these would be a page served raw from the files API; never an asset. */
    private static final Set<String> NEVER_ASSETS = Set.of("html", "htm", "xhtml", "xml", "svgz", "js", "php");
    private static final Pattern CAPTION_LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*");

    /** The stored file for a package path. */
    interface Store {
        FileRef ref(String packagePath);

        /** Records what would be stored and hands out stand-ins. */
        static Planning planning() {
            return new Planning();
        }
    }

    static final class Planning implements Store {
        final Set<String> needed = new LinkedHashSet<>();

        @Override
        public FileRef ref(String packagePath) {
            needed.add(packagePath);
            return new FileRef("planned", PackagePaths.fileName(packagePath), "application/octet-stream", 0, "planned");
        }
    }

    private final ExtractedArchive pkg;
    private final Manifest manifest;
    private final Map<String, Document> xml;
    private final PageSanitizer sanitizer;
    private final MediaProbe probe;
    private final Store files;
    private final ImportListener listener;

    private final List<Entry> entries = new ArrayList<>();
    private final List<LintFinding> findings = new ArrayList<>();
    private final Set<String> moduleKeys = new HashSet<>();
    private final Set<String> itemKeys = new HashSet<>();
    private final Set<String> placed = new HashSet<>();
    private int done;
    private int total;

    CartridgeConverter(ExtractedArchive pkg, Manifest manifest, Map<String, Document> xml, PageSanitizer sanitizer,
                       MediaProbe probe, Store files, ImportListener listener) {
        this.pkg = pkg;
        this.manifest = manifest;
        this.xml = xml;
        this.sanitizer = sanitizer;
        this.probe = probe;
        this.files = files;
        this.listener = listener;
    }

    ImportResult convert(String fallbackTitle) {
        String courseTitle = manifest.title().isBlank() ? fallbackTitle : manifest.title();
        total = countPlaced(manifest.organisation());
        listener.progress(ImportStage.CONVERTING, 0, total);
        List<CourseModule> modules = new ArrayList<>();
        int number = 0;
        for (OrgItem top : manifest.organisation()) {
            number++;
            String moduleTitle = top.title().isBlank() ? courseTitle + " " + number : top.title();
            List<Item> items = new ArrayList<>();
            if (!top.identifierref().isEmpty()) {
                place(top, moduleTitle, moduleTitle).ifPresent(items::add);
                flatten(top.children(), moduleTitle, moduleTitle, items);
            } else {
                flatten(top.children(), "", moduleTitle, items);
            }
            if (!items.isEmpty()) {
                modules.add(new CourseModule(unique(Keys.from(top.identifier()), moduleKeys), moduleTitle, items));
            }
        }
        List<Resource> unplaced = unplaced();
        if (manifest.organisation().isEmpty() && !unplaced.isEmpty()) {
            // No organisation (a Canvas course without modules): one module, in manifest order.
            List<Item> items = new ArrayList<>();
            total = unplaced.size();
            for (Resource r : unplaced) {
                String title = fallbackItemTitle(r);
                resource(r.identifier(), r, title, courseTitle + SEPARATOR + title).ifPresent(items::add);
                listener.progress(ImportStage.CONVERTING, ++done, total);
            }
            if (!items.isEmpty()) {
                modules.add(new CourseModule(unique(Keys.from(manifest.title().isBlank() ? "course" : manifest.title()), moduleKeys),
                        courseTitle, items));
            }
        } else {
            for (Resource r : unplaced) {
                entries.add(Entry.notImported(r.identifier(), fallbackItemTitle(r), Reason.NOT_IN_ANY_MODULE, "path", r.main()));
            }
        }
        CourseContent content = new CourseContent(courseTitle, "", modules);
        ImportReport report = new ImportReport(manifest.version(), courseTitle, manifest.language(), entries, findings);
        return new ImportResult(content, report);
    }

    private int countPlaced(List<OrgItem> items) {
        int n = 0;
        for (OrgItem i : items) {
            n += (i.identifierref().isEmpty() ? 0 : 1) + countPlaced(i.children());
        }
        return n;
    }

    /** Nested items join their top-level module in order, titled by the headings above them. */
    private void flatten(List<OrgItem> children, String prefix, String moduleTitle, List<Item> into) {
        for (OrgItem child : children) {
            String title = child.title().isBlank() && !child.identifierref().isEmpty() ? titleOf(child) : child.title();
            String full = prefix.isEmpty() ? title : prefix + SEPARATOR + title;
            if (!child.identifierref().isEmpty()) {
                place(child, full, moduleTitle).ifPresent(into::add);
            }
            flatten(child.children(), full, moduleTitle, into);
        }
    }

    private String titleOf(OrgItem item) {
        Resource r = manifest.resources().get(item.identifierref());
        return r == null ? item.identifier() : fallbackItemTitle(r);
    }

    private Optional<Item> place(OrgItem item, String title, String moduleTitle) {
        String location = moduleTitle.equals(title) ? title : moduleTitle + SEPARATOR + title;
        try {
            Resource resource = manifest.resources().get(item.identifierref());
            if (resource == null) {
                entries.add(Entry.notImported(item.identifier(), location, Reason.RESOURCE_MISSING, "identifierref", item.identifierref()));
                return Optional.empty();
            }
            placed.add(resource.identifier());
            return resource(item.identifier(), resource, title, location);
        } finally {
            listener.progress(ImportStage.CONVERTING, ++done, total);
        }
    }

    private Optional<Item> resource(String entryId, Resource resource, String title, String location) {
        String type = resource.type().toLowerCase(Locale.ROOT);
        String main = resource.main();
        Kind kind = kind(resource);
        return switch (kind) {
            case WEBCONTENT -> webContent(entryId, resource, title, location);
            case ASSESSMENT -> quiz(entryId, resource, title, location);
            case QUESTION_BANK -> notImported(entryId, location, Reason.QUESTION_BANK);
            case DISCUSSION -> notImported(entryId, location, Reason.DISCUSSION_TOPIC, "title", xmlText(main, "title"));
            case WEB_LINK -> notImported(entryId, location, Reason.WEB_LINK, "url", xmlAttr(main, "url", "href"),
                    "title", xmlText(main, "title"));
            case LTI -> notImported(entryId, location, Reason.LTI_LINK, "url",
                    first(xmlText(main, "secure_launch_url"), xmlText(main, "launch_url")), "title", xmlText(main, "title"));
            case ASSIGNMENT -> notImported(entryId, location, Reason.ASSIGNMENT, "title", title);
            case OTHER -> notImported(entryId, location, Reason.UNSUPPORTED_RESOURCE, "type", type);
        };
    }

    enum Kind { WEBCONTENT, ASSESSMENT, QUESTION_BANK, DISCUSSION, WEB_LINK, LTI, ASSIGNMENT, OTHER }

    /** The kind of a resource from its type string (CC 1.1 §4.2, 1.2 and 1.3 §4.2; Canvas' extensions). */
    static Kind kind(Resource resource) {
        String type = resource.type().toLowerCase(Locale.ROOT);
        if (type.equals("webcontent")) {
            return Kind.WEBCONTENT;
        }
        if (type.startsWith("imsqti_xmlv1p2/") || type.startsWith("imsqti_xmlv1p2p1/")) {
            return type.endsWith("/question-bank") ? Kind.QUESTION_BANK : Kind.ASSESSMENT;
        }
        if (type.startsWith("imsdt_")) {
            return Kind.DISCUSSION;
        }
        if (type.startsWith("imswl_")) {
            return Kind.WEB_LINK;
        }
        if (type.startsWith("imsbasiclti_") || type.startsWith("imsblti")) {
            return Kind.LTI;
        }
        boolean canvasAssignment = resource.files().stream().anyMatch(f -> f.endsWith("/assignment_settings.xml"));
        if (type.startsWith("assignment") || type.contains("/assignment") || canvasAssignment) {
            return Kind.ASSIGNMENT;
        }
        return Kind.OTHER;
    }

    /** XML the importer reads before converting, so a bad one refuses the import before storing. */
    static boolean needsXml(Resource resource) {
        return switch (kind(resource)) {
            case ASSESSMENT, QUESTION_BANK, DISCUSSION, WEB_LINK, LTI -> true;
            default -> false;
        };
    }

    private Optional<Item> notImported(String entryId, String location, Reason reason, String... params) {
        entries.add(Entry.notImported(entryId, location, reason, params));
        return Optional.empty();
    }

    // --- web content: pages, files, media ---

    private Optional<Item> webContent(String entryId, Resource resource, String title, String location) {
        String main = resource.main();
        if (main == null || !pkg.has(main)) {
            return notImported(entryId, location, Reason.FILE_MISSING, "path", main == null ? "" : main);
        }
        String key = itemKey(resource, entryId);
        Path file = pkg.file(main);
        if (PAGE_EXTENSIONS.contains(PackagePaths.extension(main))) {
            String source = read(file);
            Resolver resolver = new Resolver(PackagePaths.folder(main));
            SanitizedHtml clean = sanitizer.sanitize(body(source), location, resolver);
            String pageTitle = title.isBlank() ? htmlTitle(source).orElse(PackagePaths.fileName(main)) : title;
            List<Note> notes = noteFindings(clean.findings());
            entries.add(imported(entryId, location, Reason.PAGE, key, notes));
            return Optional.of(new PageItem(key, pageTitle, clean.html(), List.copyOf(resolver.used)));
        }
        String type = probe.mediaType(file, PackagePaths.fileName(main));
        String itemTitle = title.isBlank() ? PackagePaths.fileName(main) : title;
        if (type.startsWith("video/") || type.startsWith("audio/")) {
            List<Note> notes = new ArrayList<>();
            FileRef media = files.ref(main);
            List<CaptionTrack> captions = captions(main, notes);
            if (probe.startsSlowly(file)) {
                notes.add(Note.of(NoteCode.STARTS_SLOWLY, "path", main));
            }
            entries.add(imported(entryId, location, Reason.MEDIA, key, notes));
            return Optional.of(new MediaItem(key, itemTitle, media, captions, ""));
        }
        entries.add(imported(entryId, location, Reason.FILE, key, List.of()));
        return Optional.of(new FileItem(key, itemTitle, files.ref(main)));
    }

    /** WebVTT files beside the media with its base name: {@code lecture.vtt}, {@code lecture.ru.vtt}. */
    private List<CaptionTrack> captions(String media, List<Note> notes) {
        String folder = PackagePaths.folder(media);
        String name = PackagePaths.fileName(media);
        String base = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        List<CaptionTrack> out = new ArrayList<>();
        for (String path : pkg.paths()) {
            if (!PackagePaths.folder(path).equals(folder) || !PackagePaths.extension(path).equals("vtt")) {
                continue;
            }
            String fileName = PackagePaths.fileName(path);
            String stem = fileName.substring(0, fileName.length() - 4);
            String language;
            if (stem.equals(base)) {
                language = manifest.language();
            } else if (stem.startsWith(base + ".") && CAPTION_LANGUAGE.matcher(stem.substring(base.length() + 1)).matches()) {
                language = stem.substring(base.length() + 1);
            } else {
                continue;
            }
            if (language == null || language.isBlank()) {
                language = "und";
                notes.add(Note.of(NoteCode.CAPTION_LANGUAGE_UNKNOWN, "path", path));
            }
            out.add(new CaptionTrack(language, label(language, fileName), files.ref(path)));
            notes.add(Note.of(NoteCode.CAPTIONS_ADDED, "language", language, "path", path));
        }
        return out;
    }

    /** The language's name in itself ("русский", "қазақ тілі"), which a learner of it can read. */
    private static String label(String language, String fileName) {
        Locale locale = Locale.forLanguageTag(language);
        String name = locale.getDisplayLanguage(locale);
        return name.isBlank() || language.equals("und") ? fileName : name;
    }

    /** Only the body of a full HTML document: the head's scripts and styles are not the page. */
    static String body(String html) {
        Matcher m = BODY.matcher(html);
        return m.find() ? m.group(1) : html;
    }

    private static Optional<String> htmlTitle(String html) {
        Matcher m = TITLE.matcher(html);
        return m.find() && !m.group(1).isBlank() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            String s = new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- quizzes ---

    private Optional<Item> quiz(String entryId, Resource resource, String title, String location) {
        String main = resource.main();
        Document doc = main == null ? null : xml.get(main);
        if (doc == null) {
            return notImported(entryId, location, Reason.FILE_MISSING, "path", main == null ? "" : main);
        }
        if (QtiReader.isQuestionBank(doc)) {
            return notImported(entryId, location, Reason.QUESTION_BANK);
        }
        Resolver resolver = new Resolver(PackagePaths.folder(main));
        List<LintFinding> quizFindings = new ArrayList<>();
        QtiReader.Quiz quiz = QtiReader.read(doc, location, (html, where) -> {
            if (html.isBlank()) {
                return "";
            }
            SanitizedHtml clean = sanitizer.sanitize(html, where, resolver);
            quizFindings.addAll(clean.findings());
            return clean.html();
        });
        String quizTitle = title.isBlank() ? (quiz.title().isBlank() ? PackagePaths.fileName(main) : quiz.title()) : title;
        List<Entry> skipped = new ArrayList<>();
        for (QtiReader.Skipped s : quiz.skipped()) {
            skipped.add(Entry.notImported(entryId, location + SEPARATOR + "Question " + s.number(), s.reason(),
                    "type", s.type(), "number", Integer.toString(s.number()), "problem", s.problem()));
        }
        if (quiz.questions().isEmpty()) {
            findings.addAll(quizFindings);
            entries.add(Entry.notImported(entryId, location, Reason.EMPTY_QUIZ));
            entries.addAll(skipped);
            return Optional.empty();
        }
        String key = itemKey(resource, entryId);
        List<Note> notes = noteFindings(quizFindings);
        if (!skipped.isEmpty()) {
            notes.add(Note.of(NoteCode.QUESTIONS_LEFT_OUT, "count", Integer.toString(skipped.size())));
        }
        entries.add(imported(entryId, location, Reason.QUIZ, key, notes));
        entries.addAll(skipped);
        return Optional.of(new QuizItem(key, quizTitle, quiz.introHtml(), quiz.attemptsAllowed(), quiz.questions()));
    }

    // --- assets ---

    /**
     * Resolves what a page or question points at to the stored copy of a file of the package.
     * Relative references start from the resource's folder; the file-base token from the
     * resource's folder too (CC 1.1 §4.3, as Moodle writes it: {@code $IMS-CC-FILEBASE$../files/x}),
     * then from the package root, then from {@code web_resources/} (as Canvas writes it).
     */
    private final class Resolver implements AssetResolver {
        private final String base;
        final Set<FileRef> used = new LinkedHashSet<>();

        Resolver(String base) {
            this.base = base;
        }

        @Override
        public Optional<String> resolve(String reference) {
            if (reference == null) {
                return Optional.empty();
            }
            String ref = reference.strip();
            List<String> candidates = new ArrayList<>();
            if (PackagePaths.hasFileBase(ref)) {
                String rest = PackagePaths.withoutQuery(PackagePaths.withoutFileBase(ref));
                String fromHere = rest.startsWith("/") ? rest.substring(1) : rest;
                candidates.add(base + fromHere);
                candidates.add(fromHere);
                candidates.add("web_resources/" + fromHere);
            } else if (!ref.isEmpty() && !ref.startsWith("/") && !ref.startsWith("#") && !PackagePaths.hasScheme(ref)) {
                candidates.add(base + PackagePaths.withoutQuery(ref));
            }
            for (String candidate : candidates) {
                for (String form : List.of(PackagePaths.decode(candidate), candidate)) {
                    Optional<String> path = PackagePaths.resolve("", form).filter(pkg::has)
                            .filter(p -> !NEVER_ASSETS.contains(PackagePaths.extension(p)));
                    if (path.isPresent()) {
                        FileRef ref2 = files.ref(path.get());
                        used.add(ref2);
                        return Optional.of("/api/files/" + ref2.fileId());
                    }
                }
            }
            return Optional.empty();
        }
    }

    // --- report helpers ---

    private List<Note> noteFindings(List<LintFinding> found) {
        findings.addAll(found);
        long removed = found.stream().filter(f -> f.action() == LintFinding.Action.REMOVED).count();
        List<Note> notes = new ArrayList<>();
        if (removed > 0) {
            notes.add(Note.of(NoteCode.REFERENCES_REMOVED, "count", Long.toString(removed)));
        }
        return notes;
    }

    /** Imported as it was, unless a note says something was taken out. */
    private static Entry imported(String entryId, String location, Reason reason, String key, List<Note> notes) {
        boolean changed = notes.stream().anyMatch(n -> n.code() == NoteCode.REFERENCES_REMOVED || n.code() == NoteCode.QUESTIONS_LEFT_OUT);
        return new Entry(entryId, location, changed ? Status.CONVERTED : Status.IMPORTED, reason, Map.of(), key, notes);
    }

    /**
     * The item's key from the resource identifier, which an exporter keeps across exports even
     * when the item moves to another module; a resource placed twice gets the placement's.
     */
    private String itemKey(Resource resource, String entryId) {
        String key = Keys.from(resource.identifier());
        if (itemKeys.add(key)) {
            return key;
        }
        return unique(Keys.from(entryId), itemKeys);
    }

    private static String unique(String key, Set<String> taken) {
        return QtiReader.unique(key, taken);
    }

    private List<Resource> unplaced() {
        Set<String> dependedOn = new HashSet<>();
        manifest.resources().values().forEach(r -> dependedOn.addAll(r.dependencies()));
        List<Resource> out = new ArrayList<>();
        for (Resource r : manifest.resources().values()) {
            if (placed.contains(r.identifier()) || dependedOn.contains(r.identifier()) || r.main() == null) {
                continue;
            }
            Kind kind = kind(r);
            boolean page = kind == Kind.WEBCONTENT && PAGE_EXTENSIONS.contains(PackagePaths.extension(r.main()))
                    && !r.main().startsWith("web_resources/");
            if (page || kind == Kind.ASSESSMENT) {
                out.add(r);
            }
        }
        return out;
    }

    private String fallbackItemTitle(Resource r) {
        String main = r.main();
        Document doc = main == null ? null : xml.get(main);
        if (doc != null) {
            Element assessment = descendants(doc.getDocumentElement(), "assessment").stream().findFirst().orElse(null);
            if (assessment != null && !SafeXml.attr(assessment, "title").isEmpty()) {
                return SafeXml.attr(assessment, "title");
            }
        }
        if (main != null && pkg.has(main) && PAGE_EXTENSIONS.contains(PackagePaths.extension(main))) {
            Optional<String> t = htmlTitle(read(pkg.file(main)));
            if (t.isPresent()) {
                return t.get();
            }
        }
        return main == null ? r.identifier() : PackagePaths.fileName(main);
    }

    private String xmlText(String path, String localName) {
        Document doc = path == null ? null : xml.get(path);
        return doc == null ? "" : descendants(doc.getDocumentElement(), localName).stream().findFirst().map(SafeXml::text).orElse("");
    }

    private String xmlAttr(String path, String localName, String attribute) {
        Document doc = path == null ? null : xml.get(path);
        return doc == null ? "" : descendants(doc.getDocumentElement(), localName).stream().findFirst()
                .map(e -> SafeXml.attr(e, attribute)).orElse("");
    }

    private static String first(String a, String b) {
        return a.isBlank() ? b : a;
    }

}
