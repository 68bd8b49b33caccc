package org.bilim.courses.cartridge;

/** The stages of an import, in the order they run. */
public enum ImportStage {
    /** Central directory read and each entry extracted with its bytes counted; counts entries. */
    CHECKING_ARCHIVE,
    /** The manifest and every XML document a resource needs parsed; counts resources. */
    READING_MANIFEST,
    /** Files the course uses handed to the sink; counts files. */
    STORING_FILES,
    /** Organisation items turned into modules and items; counts organisation items. */
    CONVERTING,
    DONE
}
