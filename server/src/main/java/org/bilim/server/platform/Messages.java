package org.bilim.server.platform;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The server's message catalogues ({@code messages_kk}, {@code messages_ru}, {@code messages_en}):
 * every sentence the server sends to a person, such as a problem's title and detail, comes from
 * here. A missing key is a bug that {@code MessagesTest} catches, never a silent fallback to
 * another language.
 */
public final class Messages {
    static final String BUNDLE = "org.bilim.server.messages";

    private static final ResourceBundle.Control EXACT =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            BUNDLES.put(l, ResourceBundle.getBundle(BUNDLE, l.locale(), Messages.class.getClassLoader(), EXACT));
        }
    }

    private Messages() {
    }

    public static String get(Language language, String key, Object... args) {
        ResourceBundle bundle = BUNDLES.get(language);
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = BUNDLES.get(Language.EN).getString(key);
        }
        // Always through MessageFormat, so that quoting rules ('' for an apostrophe) hold for every entry.
        return new MessageFormat(pattern, language.locale()).format(args);
    }

    public static boolean has(Language language, String key) {
        return BUNDLES.get(language).containsKey(key);
    }

    public static List<String> keys(Language language) {
        return BUNDLES.get(language).keySet().stream().sorted().toList();
    }
}
