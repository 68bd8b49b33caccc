package org.bilim.server.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages Bilim speaks: Kazakh, Russian and English. */
public enum Language {
    KK("kk"), RU("ru"), EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public static Optional<Language> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String primary = tag.trim().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        if (dash > 0) {
            primary = primary.substring(0, dash);
        }
        for (Language l : values()) {
            if (l.tag.equals(primary)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * The language of a request field that Bean Validation has already restricted to kk|ru|en; a
     * value outside them is refused as invalid input for that field.
     */
    public static Language require(String tag, String field) {
        return fromTag(tag).filter(l -> l.tag.equals(tag)).orElseThrow(() -> new BilimException(ProblemCode.REQUEST_INVALID,
                List.of(BilimException.FieldError.of(field, "Pattern", "kk|ru|en"))));
    }

    /** The first supported language in an Accept-Language list, in the client's order of preference. */
    public static Optional<Language> firstSupported(List<Locale> preferred) {
        for (Locale locale : preferred) {
            Optional<Language> l = fromTag(locale.getLanguage());
            if (l.isPresent()) {
                return l;
            }
        }
        return Optional.empty();
    }
}
