package org.bilim.courses.cartridge;

import java.nio.file.Path;

/** What the importer needs to know of a file's bytes: its media type, and whether a video starts slowly. */
interface MediaProbe {
    /** The media type sniffed from the head of the file (the name only breaks ties). */
    String mediaType(Path file, String name);

    /** An MP4 whose index comes after the media: a kiosk must load all of it before it plays. */
    boolean startsSlowly(Path file);
}
