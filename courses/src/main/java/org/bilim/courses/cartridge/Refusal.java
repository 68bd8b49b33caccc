package org.bilim.courses.cartridge;

/** Why an archive was refused as a whole; stable codes the UI translates. */
public enum Refusal {
    /** Not a readable zip archive (or not a file at all). */
    NOT_A_ZIP,
    ARCHIVE_TOO_LARGE,
    TOO_MANY_ENTRIES,
    ENTRY_TOO_LARGE,
    TOTAL_TOO_LARGE,
    /** An entry (or the archive) inflates far beyond its compressed size: a zip bomb. */
    COMPRESSION_RATIO,
    /** An entry name that could land outside the extraction folder ("zip slip"). */
    PATH_ESCAPES,
    /** Two entries with the same name, or a name that is both a file and a folder. */
    DUPLICATE_ENTRY,
    /** No {@code imsmanifest.xml} at the root of the archive. */
    MANIFEST_MISSING,
    /** The manifest is not well-formed XML or lacks what every cartridge has. */
    MANIFEST_INVALID,
    /** An XML document declares a DOCTYPE (and with it entities) or uses XInclude. */
    XML_FORBIDDEN,
    /** A package, but not a Common Cartridge of a version we read (1.0 to 1.3). */
    UNSUPPORTED_VERSION,
    /** The cartridge holds nothing that becomes a page, file, media item or quiz. */
    NOTHING_TO_IMPORT,
    /** An XML document a resource needs (a quiz, a link) is not well-formed. */
    BROKEN_RESOURCE
}
