package org.bilim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.bilim.courses.content.ItemKind;
import org.bilim.courses.search.SearchDocument;

/**
 * The search benchmark's courses, made one at a time: course {@code id} depends only on the seed
 * and the id, so a corpus of any size is the same up to where it stops, and nothing but the course
 * being indexed is held in memory.
 *
 * <p>A course is in Russian (45 %), Kazakh (40 %) or English (15 %) and about one topic. Its
 * passages are what {@link org.bilim.courses.search.Passages} makes of a real course: the title and
 * description; 6–10 modules of 4–8 items each — pages (2–8 KB of prose), readings (PDF text of
 * 20–80 KB, with page numbers and running heads), lectures (title and a 5–15 KB transcript, plus
 * 60–200 caption cues of 40–120 characters, each a passage of its own anchored at {@code t=…}),
 * case studies (a 2–5 KB scenario and 2–4 tasks) and quizzes (5–15 questions). Sizes are UTF-8
 * bytes; Cyrillic letters take two.
 */
final class SearchCorpus {
    /** A generated course: its passages, their size (titles and texts, UTF-8) and a few phrases that occur in them. */
    record Course(long id, long versionId, String language, Prose.Topic topic, List<SearchDocument> passages, long bytes,
                  List<String> phrases) {
        Summary summary() {
            return new Summary(id, versionId, language, topic, phrases);
        }
    }

    /** What the queries need of a course once its passages are indexed and gone. */
    record Summary(long id, long versionId, String language, Prose.Topic topic, List<String> phrases) {
    }

    private static final int PHRASES_PER_COURSE = 4;

    private final long seed;

    SearchCorpus(long seed) {
        this.seed = seed;
    }

    /** Each course has one approved version, numbered after it. */
    static long versionOf(long courseId) {
        return courseId * 10 + 1;
    }

    Course course(long id) {
        RandomGenerator r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
        Phrases phrases = new Phrases(new SplittableRandom(~seed * 0xC2B2AE3D27D4EB4FL + id));
        int l = r.nextInt(100);
        String language = l < 45 ? "ru" : l < 85 ? "kk" : "en";
        Prose.Topic topic = pick(r, Prose.Topic.values());
        Prose p = Prose.of(language);
        Builder course = new Builder(id, language, p.heading(r, topic));

        Prose.Text description = new Prose.Text(phrases);
        for (int s = 2 + r.nextInt(3); s > 0; s--) {
            p.sentence(r, topic, description);
        }
        course.add("", "course", course.title, description.toString(), "");

        int modules = 6 + r.nextInt(5);
        for (int m = 1; m <= modules; m++) {
            int items = 4 + r.nextInt(5);
            for (int i = 1; i <= items; i++) {
                String kind = kind(r);
                String key = "m" + m + "-" + kind + "-" + i;
                String title = p.label(kind) + " " + m + "." + i + ". " + p.heading(r, topic);
                switch (kind) {
                    case "page" -> course.add(key, kind, title, prose(r, p, topic, between(r, 2, 8), phrases), "");
                    case "file" -> course.add(key, kind, title, reading(r, p, topic, course.title, phrases), "");
                    case "media" -> {
                        course.add(key, kind, title, prose(r, p, topic, between(r, 5, 15), phrases), "");
                        captions(r, p, topic, key, title, course);
                    }
                    case "case-study" -> {
                        Prose.Text text = new Prose.Text(phrases);
                        paragraphs(r, p, topic, between(r, 2, 5), text);
                        for (int t = 2 + r.nextInt(3); t > 0; t--) {
                            text.newline();
                            p.task(r, topic, text);
                        }
                        course.add(key, kind, title, text.toString(), "");
                    }
                    case "quiz" -> {
                        Prose.Text text = new Prose.Text(phrases);
                        p.sentence(r, topic, text);
                        for (int q = 5 + r.nextInt(11); q > 0; q--) {
                            text.newline();
                            p.question(r, topic, text);
                        }
                        course.add(key, kind, title, text.toString(), "");
                    }
                    default -> throw new IllegalStateException(kind);
                }
            }
        }
        return new Course(id, versionOf(id), language, topic, course.passages, course.bytes, List.copyOf(phrases.kept));
    }

    /** Kinds as {@link org.bilim.courses.search.Passages} names them; pages are the commonest, readings the largest. */
    private static String kind(RandomGenerator r) {
        int k = r.nextInt(100);
        ItemKind kind = k < 40 ? ItemKind.PAGE : k < 55 ? ItemKind.FILE : k < 75 ? ItemKind.MEDIA : k < 85 ? ItemKind.CASE_STUDY
                : ItemKind.QUIZ;
        return kind.json();
    }

    private static int between(RandomGenerator r, int fromKb, int toKb) {
        return r.nextInt(fromKb * 1024, toKb * 1024 + 1);
    }

    private static String prose(RandomGenerator r, Prose p, Prose.Topic topic, int bytes, Phrases phrases) {
        Prose.Text text = new Prose.Text(phrases);
        paragraphs(r, p, topic, bytes, text);
        return text.toString();
    }

    /** Paragraphs of 3–7 sentences until the text has the bytes asked for. */
    private static void paragraphs(RandomGenerator r, Prose p, Prose.Topic topic, long bytes, Prose.Text text) {
        while (text.bytes() < bytes) {
            if (text.length() > 0) {
                text.paragraph();
            }
            for (int s = 3 + r.nextInt(5); s > 0; s--) {
                p.sentence(r, topic, text);
            }
        }
    }

    /** A reading as PDFBox extracts it: numbered sections, and on every page a running head and the page number. */
    private static String reading(RandomGenerator r, Prose p, Prose.Topic topic, String courseTitle, Phrases phrases) {
        int bytes = between(r, 20, 80);
        Prose.Text text = new Prose.Text(phrases);
        int page = 1;
        int section = 0;
        long nextPage = 3000;
        while (text.bytes() < bytes) {
            if (r.nextInt(100) < 20 || section == 0) {
                text.raw((++section) + ". " + p.heading(r, topic)).newline();
            }
            for (int s = 3 + r.nextInt(5); s > 0; s--) {
                p.sentence(r, topic, text);
            }
            text.newline();
            if (text.bytes() > nextPage) {
                text.raw(Integer.toString(page++)).newline().raw(courseTitle).newline();
                nextPage += 3000;
            }
        }
        return text.toString();
    }

    /** Caption cues: consecutive pieces of speech of 40–120 characters, each starting 1.5–6 seconds after the last. */
    private static void captions(RandomGenerator r, Prose p, Prose.Topic topic, String key, String title, Builder course) {
        int cues = r.nextInt(60, 201);
        double start = r.nextInt(0, 50) / 10.0;
        List<String> speech = new ArrayList<>();
        for (int c = 0; c < cues; c++) {
            int length = r.nextInt(40, 121);
            StringBuilder cue = new StringBuilder();
            while (cue.length() < length) {
                if (speech.isEmpty()) {
                    Prose.Text sentence = new Prose.Text(null);
                    p.sentence(r, topic, sentence);
                    speech.addAll(List.of(sentence.toString().split(" ")));
                }
                if (!cue.isEmpty() && cue.length() + 1 + speech.getFirst().length() > 120) {
                    break;
                }
                cue.append(cue.isEmpty() ? "" : " ").append(speech.removeFirst());
            }
            course.add(key, "media", title, cue.toString(), "t=" + seconds(start));
            start += r.nextInt(15, 61) / 10.0;
        }
    }

    /** As Passages writes a cue's start: one decimal, none for whole seconds. */
    private static String seconds(double s) {
        String formatted = String.format(Locale.ROOT, "%.1f", s);
        return formatted.endsWith(".0") ? formatted.substring(0, formatted.length() - 2) : formatted;
    }

    private static <T> T pick(RandomGenerator r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** The passages of one course as they are made, and their size. */
    private static final class Builder {
        final long id;
        final String language;
        final String title;
        final List<SearchDocument> passages = new ArrayList<>();
        long bytes;

        Builder(long id, String language, String title) {
            this.id = id;
            this.language = language;
            this.title = title;
        }

        void add(String itemKey, String kind, String itemTitle, String text, String anchor) {
            passages.add(new SearchDocument(id, versionOf(id), itemKey, kind, language, title, itemTitle, text, anchor));
            bytes += Prose.utf8Length(itemTitle) + Prose.utf8Length(text);
        }
    }

    /** A few pairs of adjacent words of the course, sampled evenly from all its pairs (a reservoir). */
    private static final class Phrases implements Consumer<String> {
        final List<String> kept = new ArrayList<>();
        private final RandomGenerator r;
        private long seen;

        Phrases(RandomGenerator r) {
            this.r = r;
        }

        @Override
        public void accept(String pair) {
            seen++;
            if (kept.size() < PHRASES_PER_COURSE) {
                kept.add(pair);
            } else {
                long j = r.nextLong(seen);
                if (j < PHRASES_PER_COURSE) {
                    kept.set((int) j, pair);
                }
            }
        }
    }
}
