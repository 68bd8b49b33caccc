package org.bilim.courses.cartridge;

/**
 * Hears how far an import has got, so a long upload of a lecture series can show progress.
 * Called on the importing thread; keep it quick.
 */
@FunctionalInterface
public interface ImportListener {
    void progress(ImportStage stage, int done, int total);

    static ImportListener none() {
        return (stage, done, total) -> {
        };
    }
}
