package org.bilim.courses.cartridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bilim.courses.content.FileRef;
import org.bilim.courses.html.HtmlSanitizer;

/** An importer over a work folder of the test's own, a sink that remembers, and refusal checks. */
final class Fixture {
    static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    final Path work;
    final Path archives;
    final RecordingSink sink = new RecordingSink();
    final List<String> progress = new ArrayList<>();

    Fixture(Path tempDir) throws IOException {
        this.work = Files.createDirectories(tempDir.resolve("work"));
        this.archives = Files.createDirectories(tempDir.resolve("archives"));
    }

    CartridgeImporter importer(ImportLimits limits) {
        return new CartridgeImporter(limits, SANITIZER, work);
    }

    ImportResult read(Path archive) throws ImportRefused {
        return read(archive, ImportLimits.defaults());
    }

    ImportResult read(Path archive, ImportLimits limits) throws ImportRefused {
        ImportResult result = importer(limits).read(archive, "Fallback title", sink,
                (stage, done, total) -> progress.add(stage + " " + done + "/" + total));
        assertThat(leftBehind()).as("extraction folders left behind").isEmpty();
        return result;
    }

    ImportResult read(CartridgeBuilder cartridge) throws Exception {
        return read(cartridge.write(archives));
    }

    /** Refused with this code, nothing stored, nothing left on disk. */
    ImportRefused refused(Path archive, ImportLimits limits, Refusal code) {
        ImportRefused e = catchThrowableOfType(ImportRefused.class,
                () -> importer(limits).read(archive, "Fallback", sink, ImportListener.none()));
        assertThat(e).as("refusal").isNotNull();
        assertThat(e.code()).as("refusal code, details %s", e.details()).isEqualTo(code);
        assertThat(sink.stored).as("files stored from a refused archive").isEmpty();
        assertThat(leftBehind()).as("extraction folders left behind").isEmpty();
        return e;
    }

    ImportRefused refused(Path archive, Refusal code) {
        return refused(archive, ImportLimits.defaults(), code);
    }

    List<Path> leftBehind() {
        try (Stream<Path> s = Files.list(work)) {
            return s.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores nothing; hands out ids from the path so tests can predict URLs. */
    static final class RecordingSink implements AssetSink {
        final List<String> stored = new ArrayList<>();

        @Override
        public FileRef store(String packagePath, Path extractedFile) throws IOException {
            stored.add(packagePath);
            byte[] bytes = Files.readAllBytes(extractedFile);
            String name = packagePath.substring(packagePath.lastIndexOf('/') + 1);
            return new FileRef("id-" + stored.size(), name, byName(name), bytes.length, sha256(bytes));
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The server's sniffing, roughly, for the test sink's references. */
    static String byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".pdf")) {
            return "application/pdf";
        }
        return n.endsWith(".vtt") ? "text/vtt" : "application/octet-stream";
    }

    /** A minimal MP4: ftyp, then moov and mdat in the order asked. */
    static byte[] mp4(boolean fastStart) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] ftyp = {0, 0, 0, 20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm'};
        byte[] moov = {0, 0, 0, 8, 'm', 'o', 'o', 'v'};
        byte[] mdat = {0, 0, 0, 16, 'm', 'd', 'a', 't', 1, 2, 3, 4, 5, 6, 7, 8};
        out.writeBytes(ftyp);
        out.writeBytes(fastStart ? moov : mdat);
        out.writeBytes(fastStart ? mdat : moov);
        return out.toByteArray();
    }
}
