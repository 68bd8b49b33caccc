package org.bilim.courses.html;

/**
 * One reference the sanitiser removed or rewrote. {@code location} says where it was (for example
 * {@code "Module 2 › Week 3 reading"} or the package path of the file), {@code element} and
 * {@code attribute} what carried it ({@code img}/{@code src}, {@code style}/{@code url()}), and
 * {@code reference} the value as found, so an officer can ask the lecturer about it.
 */
public record LintFinding(String location, String element, String attribute, String reference, Action action,
                          Reason reason) {
    public enum Action { REMOVED, REWRITTEN }

    public enum Reason {
        /** Points at another origin (http, https, protocol-relative, ftp, ...). */
        OUTSIDE_ORIGIN,
        /** A scheme that runs code or leaves the platform: javascript:, vbscript:, data: other than images, file:, ... */
        UNSAFE_SCHEME,
        /** A relative reference to something the package did not contain. */
        MISSING_ASSET,
        /** Replaced by the local copy of an asset that came inside the package. */
        LOCAL_COPY,
        /** An element that can load or run something (script, iframe, object, embed, form, ...). */
        ACTIVE_ELEMENT
    }
}
