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
        return new CartridgeImporter(limits, SANITIZER::sanitize, new TestProbe(), work);
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
            return new FileRef("id-" + stored.size(), name, TestProbe.byName(name), bytes.length, sha256(bytes));
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Media types by extension, and MP4s marked slow by their name; stands in for the byte sniffer. */
    static final class TestProbe implements MediaProbe {
        @Override
        public String mediaType(Path file, String name) {
            return byName(name);
        }

        @Override
        public boolean startsSlowly(Path file) {
            return file.getFileName().toString().contains("slow");
        }

        static String byName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.endsWith(".mp4")) {
                return "video/mp4";
            }
            if (n.endsWith(".mp3")) {
                return "audio/mpeg";
            }
            if (n.endsWith(".png")) {
                return "image/png";
            }
            if (n.endsWith(".pdf")) {
                return "application/pdf";
            }
            if (n.endsWith(".vtt")) {
                return "text/vtt";
            }
            return "application/octet-stream";
        }
    }
}
