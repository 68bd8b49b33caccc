package org.bilim.courses.cartridge;

import java.io.IOException;
import java.nio.file.Path;
import org.bilim.courses.content.FileRef;

/**
 * Where the files a cartridge brings are kept. The server stores the bytes, decides their media
 * type from the bytes, computes the SHA-256 and returns the reference whose {@code fileId} gives
 * the local URL {@code "/api/files/" + fileId}. Called once per package path, and only after the
 * whole archive has passed every check.
 */
@FunctionalInterface
public interface AssetSink {
    FileRef store(String packagePath, Path extractedFile) throws IOException;
}
