package org.bilim.courses.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bilim.courses.content.CaseStudyItem;
import org.bilim.courses.content.CourseContent;
import org.bilim.courses.content.CourseModule;
import org.bilim.courses.content.FileItem;
import org.bilim.courses.content.Item;
import org.bilim.courses.content.MediaItem;
import org.bilim.courses.content.PageItem;
import org.bilim.courses.content.QuizItem;

/**
 * What of a course version is searchable, as {@link SearchDocument passages}: the course's title
 * and description; each page's text; a document's text (PDF, by PDFBox); a recording's title and
 * transcript, and each caption cue with the moment it starts; a case study's scenario and task
 * prompts; a quiz's introduction and question prompts — never its choices' rightness, accepted
 * answers or feedback.
 */
public final class Passages {
    /** The most text taken from one document: enough for a long reading, bounded for a hostile PDF. */
    static final int MAX_DOCUMENT_CHARS = 500_000;
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");
    private static final Pattern CUE_TIME = Pattern.compile("^((?:\\d+:)?\\d{2}:\\d{2}\\.\\d{3})\\s+-->\\s+\\S+.*$");

    /** Opens a stored file's bytes by id, if it exists. */
    @FunctionalInterface
    public interface Files {
        Optional<InputStream> open(String fileId) throws IOException;
    }

    private Passages() {
    }

    public static List<SearchDocument> of(long courseId, long versionId, String language, CourseContent content, Files files)
            throws IOException {
        String course = content.title();
        List<SearchDocument> out = new ArrayList<>();
        out.add(new SearchDocument(courseId, versionId, "", "course", language, course, course, content.description(), ""));
        for (CourseModule module : content.modules()) {
            for (Item item : module.items()) {
                String title = item.title();
                switch (item) {
                    case PageItem p -> out.add(passage(courseId, versionId, p, language, course, title, text(p.html())));
                    case FileItem f -> out.add(passage(courseId, versionId, f, language, course, title,
                            f.file().mediaType().equals("application/pdf") ? pdf(files, f.file().fileId()) : ""));
                    case MediaItem m -> {
                        out.add(passage(courseId, versionId, m, language, course, title, text(m.transcriptHtml())));
                        for (var c : m.captions()) {
                            if (!CourseIndex.LANGUAGES.contains(c.language())) {
                                continue;
                            }
                            try (InputStream in = files.open(c.file().fileId()).orElse(null)) {
                                if (in != null) {
                                    for (Cue cue : cues(new String(in.readNBytes(MAX_DOCUMENT_CHARS), StandardCharsets.UTF_8))) {
                                        out.add(new SearchDocument(courseId, versionId, m.key(), "media", c.language(), course, title,
                                                cue.text(), "t=" + cue.start()));
                                    }
                                }
                            }
                        }
                    }
                    case CaseStudyItem c -> {
                        StringBuilder b = new StringBuilder(text(c.scenarioHtml()));
                        c.tasks().forEach(t -> b.append('\n').append(text(t.promptHtml())));
                        out.add(passage(courseId, versionId, c, language, course, title, b.toString()));
                    }
                    case QuizItem q -> {
                        StringBuilder b = new StringBuilder(text(q.introHtml()));
                        q.questions().forEach(question -> b.append('\n').append(text(question.promptHtml())));
                        out.add(passage(courseId, versionId, q, language, course, title, b.toString()));
                    }
                }
            }
        }
        return out;
    }

    private static SearchDocument passage(long courseId, long versionId, Item item, String language, String course, String title,
                                          String text) {
        return new SearchDocument(courseId, versionId, item.key(), item.kind().json(), language, course, title, text, "");
    }

    /** The text of sanitised HTML: tags become spaces, entities their characters. */
    static String text(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        String noTags = TAG.matcher(html).replaceAll(" ");
        Matcher m = ENTITY.matcher(noTags);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String c = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> new String(Character.toChars(e.startsWith("#x")
                        ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1))));
            };
            m.appendReplacement(b, Matcher.quoteReplacement(c));
        }
        m.appendTail(b);
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    private static String pdf(Files files, String fileId) throws IOException {
        Optional<InputStream> in = files.open(fileId);
        if (in.isEmpty()) {
            return "";
        }
        try (InputStream stream = in.get(); PDDocument doc = Loader.loadPDF(stream.readAllBytes())) {
            String text = new PDFTextStripper().getText(doc);
            return text.length() > MAX_DOCUMENT_CHARS ? text.substring(0, MAX_DOCUMENT_CHARS) : text;
        } catch (IOException e) {
            // A PDF PDFBox cannot read is still a course item; it is found by its title.
            return "";
        }
    }

    /** A WebVTT cue: when it starts, in seconds, and its text. */
    record Cue(String start, String text) {
    }

    static List<Cue> cues(String vtt) {
        List<Cue> out = new ArrayList<>();
        String[] lines = vtt.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = CUE_TIME.matcher(lines[i].strip());
            if (!m.matches()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            int j = i + 1;
            for (; j < lines.length && !lines[j].isBlank(); j++) {
                text.append(text.isEmpty() ? "" : " ").append(lines[j].strip());
            }
            String cleaned = text(text.toString());
            if (!cleaned.isEmpty()) {
                out.add(new Cue(seconds(m.group(1)), cleaned));
            }
            i = j;
        }
        return out;
    }

    private static String seconds(String time) {
        String[] parts = time.split(":");
        double s = Double.parseDouble(parts[parts.length - 1]) + 60 * Integer.parseInt(parts[parts.length - 2])
                + (parts.length == 3 ? 3600 * Integer.parseInt(parts[0]) : 0);
        String formatted = String.format(java.util.Locale.ROOT, "%.1f", s);
        return formatted.endsWith(".0") ? formatted.substring(0, formatted.length() - 2) : formatted;
    }
}
