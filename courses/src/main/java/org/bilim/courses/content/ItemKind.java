package org.bilim.courses.content;

/** The kinds of item a module holds; the names are the {@code kind} values of the JSON form. */
public enum ItemKind {
    PAGE, FILE, MEDIA, CASE_STUDY, QUIZ;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
