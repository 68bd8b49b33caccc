package org.bilim.courses.cartridge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Zip archives with whatever names and headers a test needs, hostile ones included. */
final class Zips {
    private static final int CEN_SIGNATURE = 0x02014b50;
    private static final int LOC_SIGNATURE = 0x04034b50;

    private Zips() {
    }

    static Path write(Path file, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return file;
    }

    /** One entry of {@code bytes} zeros, streamed: the archive is small, the content is not. */
    static Path zeros(Path file, String name, long bytes) throws IOException {
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(CartridgeImporter.MANIFEST));
            z.write("<manifest/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(name));
            for (long left = bytes; left > 0; left -= chunk.length) {
                z.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            z.closeEntry();
        }
        return file;
    }

    /** Rewrites the uncompressed size the central directory declares for {@code name}. */
    static void declareSize(Path file, String name, long declared) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        boolean found = false;
        for (int i = 0; i + 46 <= bytes.length; i++) {
            if (b.getInt(i) == CEN_SIGNATURE) {
                int nameLength = Short.toUnsignedInt(b.getShort(i + 28));
                String entryName = new String(bytes, i + 46, nameLength, StandardCharsets.UTF_8);
                if (entryName.equals(name)) {
                    b.putInt(i + 24, (int) declared);
                    found = true;
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException("no central entry " + name);
        }
        Files.write(file, bytes);
    }

    /** Renames an entry in place (same length), in both its local and central headers. */
    static void rename(Path file, String from, String to) throws IOException {
        if (from.length() != to.length()) {
            throw new IllegalArgumentException("same length only");
        }
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] target = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 <= bytes.length; i++) {
            int signature = b.getInt(i);
            int nameAt = signature == CEN_SIGNATURE ? i + 46 : signature == LOC_SIGNATURE ? i + 30 : -1;
            if (nameAt < 0 || nameAt + from.length() > bytes.length) {
                continue;
            }
            int nameLength = Short.toUnsignedInt(b.getShort(signature == CEN_SIGNATURE ? i + 28 : i + 26));
            if (nameLength == from.length() && new String(bytes, nameAt, nameLength, StandardCharsets.UTF_8).equals(from)) {
                System.arraycopy(target, 0, bytes, nameAt, target.length);
            }
        }
        Files.write(file, bytes);
    }
}
