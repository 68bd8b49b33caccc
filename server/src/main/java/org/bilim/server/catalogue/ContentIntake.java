package org.bilim.server.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bilim.courses.content.CaptionTrack;
import org.bilim.courses.content.CaseStudyItem;
import org.bilim.courses.content.CaseTask;
import org.bilim.courses.content.ContentCodec;
import org.bilim.courses.content.FileItem;
import org.bilim.courses.content.FileRef;
import org.bilim.courses.content.Item;
import org.bilim.courses.content.Keys;
import org.bilim.courses.content.MediaItem;
import org.bilim.courses.content.PageItem;
import org.bilim.courses.content.QuizItem;
import org.bilim.courses.html.AssetResolver;
import org.bilim.courses.html.HtmlSanitizer;
import org.bilim.courses.html.LintFinding;
import org.bilim.courses.html.SanitizedHtml;
import org.bilim.courses.quiz.Choice;
import org.bilim.courses.quiz.Question;
import org.bilim.server.files.FileStore;
import org.bilim.server.files.StoredFile;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;

/**
 * Takes an item an author sent and makes it fit to store: reads it against the content model,
 * gives keys to new parts, sanitises every piece of HTML, and replaces every file reference with
 * what the file store knows of that file (an author cannot claim another size, type or checksum).
 */
@ApplicationScoped
public class ContentIntake {
    /** A stored file as authors reference it in HTML: {@code /api/files/<id>} (staff and kiosk forms too). */
    private static final Pattern FILE_URL = Pattern.compile("/api/(?:staff/|kiosk/)?files/([a-z0-9]{24})");

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Inject
    FileStore files;

    /** An item with its sanitiser findings. */
    public record Cleaned(Item item, List<LintFinding> findings) {
    }

    public Item parse(String json) {
        try {
            JsonNode tree = ContentCodec.mapper().readTree(json);
            if (!(tree instanceof ObjectNode object)) {
                throw new BilimException(ProblemCode.COURSE_CONTENT_INVALID, "an item must be a JSON object");
            }
            giveKeys(object);
            completeFileRefs(object);
            return ContentCodec.mapper().treeToValue(object, Item.class);
        } catch (BilimException e) {
            throw e;
        } catch (Exception e) {
            throw new BilimException(ProblemCode.COURSE_CONTENT_INVALID, reason(e));
        }
    }

    public HtmlSanitizer sanitizer() {
        return sanitizer;
    }

    public Cleaned clean(Item item, String location) {
        List<LintFinding> findings = new ArrayList<>();
        List<FileRef> pageAssets = new ArrayList<>();
        AssetResolver resolver = reference -> {
            Matcher m = FILE_URL.matcher(reference.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            return files.find(m.group(1)).map(f -> {
                if (!pageAssets.contains(f.ref())) {
                    pageAssets.add(f.ref());
                }
                return "/api/files/" + f.id();
            });
        };
        Html html = (text, where) -> {
            SanitizedHtml s = sanitizer.sanitize(text, where, resolver);
            findings.addAll(s.findings());
            return s.html();
        };
        Item cleaned = switch (item) {
            case PageItem p -> {
                String body = html.clean(p.html(), location);
                yield new PageItem(p.key(), p.title(), body, List.copyOf(pageAssets));
            }
            case FileItem f -> new FileItem(f.key(), f.title(), known(f.file()));
            case MediaItem m -> new MediaItem(m.key(), m.title(), known(m.media()),
                    m.captions().stream().map(c -> new CaptionTrack(c.language(), c.label(), known(c.file()))).toList(),
                    html.clean(m.transcriptHtml(), location));
            case CaseStudyItem c -> new CaseStudyItem(c.key(), c.title(), html.clean(c.scenarioHtml(), location),
                    c.attachments().stream().map(this::known).toList(),
                    c.tasks().stream().map(t -> new CaseTask(t.key(), html.clean(t.promptHtml(), location),
                            html.clean(t.rubricHtml(), location), t.maxScore())).toList());
            case QuizItem q -> new QuizItem(q.key(), q.title(), html.clean(q.introHtml(), location), q.attemptsAllowed(),
                    q.questions().stream().map(question -> cleanQuestion(question, html, location)).toList());
        };
        return new Cleaned(cleaned, findings);
    }

    @FunctionalInterface
    private interface Html {
        String clean(String html, String location);
    }

    private static Question cleanQuestion(Question q, Html html, String location) {
        return switch (q) {
            case Question.SingleChoice s -> new Question.SingleChoice(s.key(), html.clean(s.promptHtml(), location), s.points(),
                    choices(s.choices(), html, location), html.clean(s.correctFeedbackHtml(), location),
                    html.clean(s.incorrectFeedbackHtml(), location));
            case Question.MultipleChoice m -> new Question.MultipleChoice(m.key(), html.clean(m.promptHtml(), location), m.points(),
                    choices(m.choices(), html, location), html.clean(m.correctFeedbackHtml(), location),
                    html.clean(m.incorrectFeedbackHtml(), location));
            case Question.TrueFalse t -> new Question.TrueFalse(t.key(), html.clean(t.promptHtml(), location), t.points(),
                    t.answer(), html.clean(t.correctFeedbackHtml(), location), html.clean(t.incorrectFeedbackHtml(), location));
            case Question.ShortAnswer s -> new Question.ShortAnswer(s.key(), html.clean(s.promptHtml(), location), s.points(),
                    s.acceptedAnswers(), s.caseSensitive(), html.clean(s.correctFeedbackHtml(), location),
                    html.clean(s.incorrectFeedbackHtml(), location));
            case Question.Numeric n -> new Question.Numeric(n.key(), html.clean(n.promptHtml(), location), n.points(),
                    n.value(), n.tolerance(), html.clean(n.correctFeedbackHtml(), location),
                    html.clean(n.incorrectFeedbackHtml(), location));
            case Question.Essay e -> new Question.Essay(e.key(), html.clean(e.promptHtml(), location), e.points(),
                    html.clean(e.guidanceHtml(), location), html.clean(e.correctFeedbackHtml(), location),
                    html.clean(e.incorrectFeedbackHtml(), location));
        };
    }

    private static List<Choice> choices(List<Choice> choices, Html html, String location) {
        return choices.stream().map(c -> new Choice(c.key(), html.clean(c.html(), location), c.correct(),
                html.clean(c.feedbackHtml(), location))).toList();
    }

    private FileRef known(FileRef claimed) {
        StoredFile f = files.find(claimed.fileId())
                .orElseThrow(() -> new BilimException(ProblemCode.COURSE_CONTENT_INVALID,
                        "there is no stored file " + claimed.fileId() + "; upload it first"));
        String name = claimed.name().replaceAll("\\p{Cntrl}", "").strip();
        return new FileRef(f.id(), name.isEmpty() || name.length() > 255 ? f.originalName() : name, f.mediaType(), f.size(),
                f.sha256());
    }

    /**
     * Authors name a stored file by its {@code fileId} (and may give it a name of their own); its
     * type, size and checksum are what the file store knows, whatever the request says.
     */
    private void completeFileRefs(JsonNode node) {
        if (node instanceof ObjectNode o && o.hasNonNull("fileId")) {
            String id = o.get("fileId").asText();
            StoredFile f = files.find(id).orElseThrow(() -> new BilimException(ProblemCode.COURSE_CONTENT_INVALID,
                    "there is no stored file " + id + "; upload it first"));
            if (!o.hasNonNull("name") || o.get("name").asText().isBlank()) {
                o.put("name", f.originalName());
            }
            o.put("mediaType", f.mediaType());
            o.put("size", f.size());
            o.put("sha256", f.sha256());
            return;
        }
        node.forEach(this::completeFileRefs);
    }

    /** New items, tasks, questions and choices may come without keys; they get fresh ones. */
    private static void giveKeys(ObjectNode node) {
        if (!node.hasNonNull("key")) {
            node.put("key", Keys.random());
        }
        for (String list : List.of("tasks", "questions", "choices")) {
            if (node.get(list) instanceof ArrayNode array) {
                array.forEach(child -> {
                    if (child instanceof ObjectNode o) {
                        giveKeys(o);
                    }
                });
            }
        }
    }

    /**
     * What to tell the author: the model's own rule when a value broke one ("a single-choice
     * question needs exactly one right choice"), else which field is missing or of the wrong kind,
     * never the JSON library's wording.
     */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
                String own = t instanceof NullPointerException ? t.getMessage() + " is required" : t.getMessage();
                return shorten(own);
            }
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidTypeIdException type) {
            return "unknown kind or type \"" + type.getTypeId() + "\"";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\"";
        }
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "the field \"" + path(mapping) + "\" is missing or has the wrong kind of value";
        }
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException ? "the JSON is not well-formed" : "the item is not valid";
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String shorten(String message) {
        return message == null ? "the item is not valid" : message.length() > 300 ? message.substring(0, 300) : message;
    }
}
