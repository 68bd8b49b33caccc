package org.bilim.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The message catalogues (kk, ru, en) against each other and against the pages and scripts that
 * use them. A key reaches the catalogues from markup as {@code data-i18n="key"} or
 * {@code data-i18n-<attribute>="key"}, and from scripts as {@code t('key')} or {@code k('key')}
 * (k marks a key for later translation); every such key must be in every catalogue.
 */
class MessageCataloguesTest {
    static final Path WEBAPP = Path.of("src/main/webapp");
    static final List<String> LANGUAGES = List.of("en", "kk", "ru");
    static final Pattern ATTRIBUTE_KEY = Pattern.compile("data-i18n(?:-[a-z-]+)?=\"([^\"]*)\"");
    static final Pattern SCRIPT_KEY = Pattern.compile("\\b[tk]\\(\\s*(['\"])([^'\"]+)\\1\\s*[,)]");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    static Map<String, Map<String, String>> catalogues = new LinkedHashMap<>();

    @BeforeAll
    static void load() {
        for (String lang : LANGUAGES) {
            catalogues.put(lang, FlatJson.parse(read(WEBAPP.resolve("i18n/messages_" + lang + ".json"))));
        }
    }

    @Test
    void everyCatalogueHasTheSameKeys() {
        Set<String> all = new TreeSet<>();
        catalogues.values().forEach(c -> all.addAll(c.keySet()));
        for (String lang : LANGUAGES) {
            Set<String> missing = new TreeSet<>(all);
            missing.removeAll(catalogues.get(lang).keySet());
            assertThat(missing).as("keys missing from messages_%s.json", lang).isEmpty();
        }
    }

    @Test
    void noMessageIsEmpty() {
        for (String lang : LANGUAGES) {
            Set<String> empty = new TreeSet<>();
            catalogues.get(lang).forEach((key, value) -> {
                if (value.isBlank()) {
                    empty.add(key);
                }
            });
            assertThat(empty).as("empty messages in messages_%s.json", lang).isEmpty();
        }
    }

    /** A message that names {name} in English must name it in Kazakh and Russian too, and nothing else. */
    @Test
    void everyTranslationHasTheSamePlaceholders() {
        Map<String, String> mismatches = new TreeMap<>();
        catalogues.get("en").forEach((key, english) -> {
            Set<String> expected = placeholders(english);
            for (String lang : List.of("kk", "ru")) {
                String translated = catalogues.get(lang).get(key);
                if (translated != null && !placeholders(translated).equals(expected)) {
                    mismatches.put(lang + ":" + key, translated + " (expected " + expected + ")");
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyKeyTheUiUsesIsInEveryCatalogue() {
        Map<String, Set<String>> used = usedKeys();
        assertThat(used).as("the scan must find the keys the UI uses").hasSizeGreaterThan(100);
        for (String lang : LANGUAGES) {
            Map<String, Set<String>> missing = new TreeMap<>();
            used.forEach((key, files) -> {
                if (!catalogues.get(lang).containsKey(key)) {
                    missing.put(key, files);
                }
            });
            assertThat(missing).as("keys used by the UI but missing from messages_%s.json", lang).isEmpty();
        }
    }

    /** A key no page or script uses is a translation nobody will read: remove it, or use it. */
    @Test
    void everyCatalogueKeyIsUsed() {
        Set<String> unused = new TreeSet<>(catalogues.get("en").keySet());
        unused.removeAll(usedKeys().keySet());
        assertThat(unused).isEmpty();
    }

    /** The Content-Security-Policy allows no inline script or style: keep every page and template within it. */
    @Test
    void pagesAndTemplatesNeedNoInlineScriptOrStyle() {
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern inlineStyle = Pattern.compile("<style\\b|\\sstyle=\"|\\son[a-z]+=\"", Pattern.CASE_INSENSITIVE);
        Pattern importMap = Pattern.compile("type=\"importmap\"", Pattern.CASE_INSENSITIVE);
        Pattern dynamicCode = Pattern.compile("\\beval\\(|new Function\\(");
        for (Path file : files(".html", ".js")) {
            String text = read(file);
            assertThat(inlineScript.matcher(text).find()).as("inline <script> in %s", file).isFalse();
            assertThat(inlineStyle.matcher(text).find()).as("inline style or event handler in %s", file).isFalse();
            assertThat(importMap.matcher(text).find()).as("import map (inline) in %s", file).isFalse();
            assertThat(dynamicCode.matcher(text).find()).as("eval or new Function in %s", file).isFalse();
            assertThat(text).as("a reference to another origin in %s", file).doesNotContainPattern("(src|href)=\"(https?:)?//");
        }
    }

    static Map<String, Set<String>> usedKeys() {
        Map<String, Set<String>> used = new TreeMap<>();
        for (Path file : files(".html", ".js")) {
            String text = read(file);
            Matcher a = ATTRIBUTE_KEY.matcher(text);
            while (a.find()) {
                String key = a.group(1);
                // `data-i18n="${...}"` is filled from a key marked elsewhere with t() or k().
                if (!key.contains("${") && !key.isEmpty()) {
                    used.computeIfAbsent(key, x -> new TreeSet<>()).add(WEBAPP.relativize(file).toString());
                }
            }
            if (file.toString().endsWith(".js")) {
                Matcher s = SCRIPT_KEY.matcher(text);
                while (s.find()) {
                    used.computeIfAbsent(s.group(2), x -> new TreeSet<>()).add(WEBAPP.relativize(file).toString());
                }
            }
        }
        return used;
    }

    static Set<String> placeholders(String message) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static List<Path> files(String... suffixes) {
        try (Stream<Path> walk = Files.walk(WEBAPP)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
