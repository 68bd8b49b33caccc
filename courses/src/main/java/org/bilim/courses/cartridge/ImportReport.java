package org.bilim.courses.cartridge;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bilim.courses.html.LintFinding;

/**
 * What became of a cartridge, for the officer who vets the course: one entry per resource the
 * organisation placed (and per question left out of a quiz), each with a stable code and the
 * parameters the UI needs to say it in Kazakh, Russian or English. Plain values, serialisable
 * by Jackson as they are.
 *
 * @param cartridgeVersion "1.0", "1.1", "1.2" or "1.3"
 * @param title            the course title the cartridge gave (or the caller's fallback)
 * @param language         the manifest's LOM language, or null when the cartridge does not say:
 *                         then the caller decides
 * @param entries          in the order of the organisation
 * @param findings         what the sanitiser removed or rewrote, located "Module › Item"
 */
public record ImportReport(String cartridgeVersion, String title, String language, List<Entry> entries,
                           List<LintFinding> findings) {
    public ImportReport {
        Objects.requireNonNull(cartridgeVersion, "cartridgeVersion");
        Objects.requireNonNull(title, "title");
        entries = List.copyOf(entries);
        findings = List.copyOf(findings);
    }

    /** The entries with a note of the given code, e.g. videos that start slowly on a kiosk. */
    public List<Entry> withNote(NoteCode code) {
        return entries.stream().filter(e -> e.notes().stream().anyMatch(n -> n.code() == code)).toList();
    }

    public enum Status {
        /** Became an item as it was. */
        IMPORTED,
        /** Became an item, with changes its notes list. */
        CONVERTED,
        /** Left out; the reason says what it was. */
        NOT_IMPORTED
    }

    /** What an entry became, or what it was when it was left out. */
    public enum Reason {
        PAGE, FILE, MEDIA, QUIZ,
        /** A discussion topic: a forum has no place in Bilim. Params: title. */
        DISCUSSION_TOPIC,
        /** A link to a web site, never made reachable. Params: url, title. */
        WEB_LINK,
        /** An LTI tool link. Params: url, title. */
        LTI_LINK,
        /** An assignment learners hand in; needs a case study made by hand. Params: title. */
        ASSIGNMENT,
        /** A question bank not placed in any quiz. */
        QUESTION_BANK,
        /** A question of a type the quiz engine lacks. Params: type, number. */
        UNSUPPORTED_QUESTION,
        /** A question of a known type that does not make sense (no right answer, one choice). Params: type, number, problem. */
        INVALID_QUESTION,
        /** A quiz none of whose questions could be imported. */
        EMPTY_QUIZ,
        /** A resource type Bilim does not read. Params: type. */
        UNSUPPORTED_RESOURCE,
        /** The organisation points at a resource the manifest does not have. Params: identifierref. */
        RESOURCE_MISSING,
        /** The resource names a file the archive does not hold. Params: path. */
        FILE_MISSING,
        /** A page or quiz that no module lists, so a learner would never reach it. Params: path. */
        NOT_IN_ANY_MODULE
    }

    public enum NoteCode {
        /** The sanitiser removed references (outside images, scripts...). Params: count. */
        REFERENCES_REMOVED,
        /** Some questions of a quiz were left out (each has an entry of its own). Params: count. */
        QUESTIONS_LEFT_OUT,
        /** A WebVTT file beside the media became its captions. Params: language, path. */
        CAPTIONS_ADDED,
        /** An MP4 whose index (moov) is at the end: it starts only once fully loaded on a kiosk. */
        STARTS_SLOWLY,
        /** The caption file names no language and the cartridge neither; it is marked "und". Params: path. */
        CAPTION_LANGUAGE_UNKNOWN
    }

    public record Note(NoteCode code, Map<String, String> params) {
        public Note {
            Objects.requireNonNull(code, "code");
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        public static Note of(NoteCode code, String... keyValues) {
            return new Note(code, pairs(keyValues));
        }
    }

    /**
     * @param identifier the organisation item's identifier (or the resource's, for one no module lists)
     * @param location   "Module › Item" as a person reads it
     * @param itemKey    the key of the item it became, null when left out
     */
    public record Entry(String identifier, String location, Status status, Reason reason, Map<String, String> params,
                        String itemKey, List<Note> notes) {
        public Entry {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(reason, "reason");
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
            notes = notes == null ? List.of() : List.copyOf(notes);
        }

        public static Entry notImported(String identifier, String location, Reason reason, String... keyValues) {
            return new Entry(identifier, location, Status.NOT_IMPORTED, reason, pairs(keyValues), null, List.of());
        }
    }

    static Map<String, String> pairs(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in key-value pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}
