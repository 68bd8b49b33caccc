package org.bilim.courses.cartridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bilim.courses.media.MediaTypes;
import org.bilim.courses.media.Mp4Layout;

/** The media probe the importer uses: the type from the file's first bytes, the MP4 layout from its boxes. */
final class MediaProbes {
    private MediaProbes() {
    }

    static MediaProbe standard() {
        return new MediaProbe() {
            @Override
            public String mediaType(Path file, String name) {
                try (InputStream in = Files.newInputStream(file)) {
                    return MediaTypes.detect(in.readNBytes(MediaTypes.HEAD_BYTES), name);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean startsSlowly(Path file) {
                return Mp4Layout.inspect(file) == Mp4Layout.MOOV_AT_END;
            }
        };
    }
}
