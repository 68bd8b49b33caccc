package org.bilim.courses.html;

import java.util.Optional;

/**
 * Turns a reference found in HTML into the URL of a local copy, when there is one: an asset that
 * came inside the imported package, already stored. A reference the resolver does not know is
 * treated as pointing outside and removed.
 */
@FunctionalInterface
public interface AssetResolver {
    /** The same-origin URL (a path starting with {@code /api/files/}) of the local copy, if any. */
    Optional<String> resolve(String reference);

    static AssetResolver none() {
        return reference -> Optional.empty();
    }
}
