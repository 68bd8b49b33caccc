package org.bilim.courses.html;

import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Ids of course HTML live in a namespace of their own: each gets the prefix {@value #PREFIX}.
 * A course page is shown inside the kiosk page, so a bare {@code id="main"} would collide with the
 * kiosk's own {@code #main}; and the hyphen keeps an id from becoming a global a script could read
 * as {@code window.name} (DOM clobbering). Ids are prefixed rather than dropped because course
 * pages use them: a table of contents and footnotes link to {@code #fragments}, and table cells
 * name their headers by id. Links and {@code headers} get the same prefix, and a value that
 * already has it is left alone, so sanitising twice changes nothing.
 */
final class ContentIds {
    static final String PREFIX = "content-";

    /** HTML allows any id without spaces; a length limit keeps a hostile page from bloating ours. */
    private static final Pattern ID = Pattern.compile("[^\\t\\n\\f\\r ]{1,128}");

    private ContentIds() {
    }

    /** The id in the content namespace, or null if it is no usable id. */
    static String id(String value) {
        String id = References.trimmed(value);
        if (!ID.matcher(id).matches()) {
            return null;
        }
        return id.startsWith(PREFIX) ? id : PREFIX + id;
    }

    /** A {@code headers} list of ids, each in the content namespace, or null if none is usable. */
    static String idList(String value) {
        var ids = new StringJoiner(" ");
        for (String token : References.trimmed(value).split("[\\t\\n\\f\\r ]+")) {
            String id = id(token);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids.length() == 0 ? null : ids.toString();
    }

    /** A same-page link {@code #name} pointing at the prefixed id; a bare {@code #} stays as it is. */
    static String fragment(String value) {
        String fragment = References.trimmed(value).substring(1);
        if (fragment.isEmpty()) {
            return "#";
        }
        String id = id(fragment);
        return id == null ? null : "#" + id;
    }
}
