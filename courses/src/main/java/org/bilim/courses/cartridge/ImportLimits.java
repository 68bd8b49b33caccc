package org.bilim.courses.cartridge;

/**
 * Bounds on what an archive may hold. Declared sizes are checked before anything is extracted
 * and real bytes while extracting, since a zip bomb's headers lie.
 *
 * @param maxArchiveBytes     the archive file itself
 * @param maxEntries          entries in the central directory, folders included
 * @param maxEntryBytes       one entry, uncompressed
 * @param maxTotalBytes       all entries together, uncompressed
 * @param maxCompressionRatio uncompressed to compressed size of an entry (and of the whole
 *                            archive) once more than {@link #RATIO_FLOOR_BYTES} came out of it
 */
public record ImportLimits(long maxArchiveBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes,
                           int maxCompressionRatio) {
    /** Below this, a high ratio is harmless (a page of spaces) and not checked. */
    public static final long RATIO_FLOOR_BYTES = 1L << 20;

    public ImportLimits {
        if (maxArchiveBytes <= 0 || maxEntries <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxCompressionRatio <= 0) {
            throw new IllegalArgumentException("import limits must be positive");
        }
    }

    /**
     * A semester of recorded lectures fits (a 1 GiB video, 4 GiB in all); video barely
     * compresses, while text and XML rarely compress beyond 20 to 1, so 100 to 1 is a bomb.
     */
    public static ImportLimits defaults() {
        return new ImportLimits(2L << 30, 20_000, 1L << 30, 4L << 30, 100);
    }
}
