package org.bilim.courses.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mp4LayoutTest {
    @TempDir
    Path dir;

    @Test
    void indexBeforeMediaStartsFast() throws IOException {
        assertThat(Mp4Layout.inspect(file(ftyp(), box("moov", 200), box("mdat", 5000)))).isEqualTo(Mp4Layout.FAST_START);
        assertThat(Mp4Layout.inspect(file(ftyp(), box("free", 8), box("moov", 200), box("mdat", 0))))
                .isEqualTo(Mp4Layout.FAST_START);
    }

    @Test
    void indexAfterMediaMustBeDownloadedFirst() throws IOException {
        assertThat(Mp4Layout.inspect(file(ftyp(), box("mdat", 5000), box("moov", 200)))).isEqualTo(Mp4Layout.MOOV_AT_END);
        assertThat(Mp4Layout.inspect(file(ftyp(), box("free", 8), box("mdat", 8), box("udta", 20), box("moov", 200))))
                .isEqualTo(Mp4Layout.MOOV_AT_END);
    }

    @Test
    void largeSizesAndBoxesToTheEndAreFollowed() throws IOException {
        assertThat(Mp4Layout.inspect(file(ftyp(), largeBox("mdat", 4000), box("moov", 100)))).isEqualTo(Mp4Layout.MOOV_AT_END);
        // size 0: the box runs to the end of the file.
        assertThat(Mp4Layout.inspect(file(ftyp(), box("moov", 100), header(0, "mdat"), new byte[300])))
                .isEqualTo(Mp4Layout.FAST_START);
        assertThat(Mp4Layout.inspect(file(ftyp(), header(0, "mdat"), new byte[300], box("moov", 100))))
                .isEqualTo(Mp4Layout.UNREADABLE);
    }

    @Test
    void otherFilesAreNotMp4() throws IOException {
        assertThat(Mp4Layout.inspect(file(ascii("%PDF-1.7\n")))).isEqualTo(Mp4Layout.NOT_MP4);
        assertThat(Mp4Layout.inspect(file(box("moov", 100), box("mdat", 100)))).isEqualTo(Mp4Layout.NOT_MP4);
        assertThat(Mp4Layout.inspect(file(new byte[3]))).isEqualTo(Mp4Layout.NOT_MP4);
        assertThat(Mp4Layout.inspect(file())).isEqualTo(Mp4Layout.NOT_MP4);
    }

    @Test
    void brokenOrHostileBoxesAreUnreadableNotALoop() throws IOException {
        assertThat(Mp4Layout.inspect(file(ftyp(), box("mdat", 5000)))).as("no moov").isEqualTo(Mp4Layout.UNREADABLE);
        assertThat(Mp4Layout.inspect(file(ftyp()))).as("nothing but ftyp").isEqualTo(Mp4Layout.UNREADABLE);
        assertThat(Mp4Layout.inspect(file(ftyp(), header(5000, "moov"), new byte[100]))).as("truncated")
                .isEqualTo(Mp4Layout.UNREADABLE);
        assertThat(Mp4Layout.inspect(file(ftyp(), header(4, "free"), box("moov", 100)))).as("smaller than its header")
                .isEqualTo(Mp4Layout.UNREADABLE);
        assertThat(Mp4Layout.inspect(file(ftyp(), header(1, "mdat"), ByteBuffer.allocate(8).putLong(-1).array(),
                box("moov", 100)))).as("negative 64-bit size").isEqualTo(Mp4Layout.UNREADABLE);
        assertThat(Mp4Layout.inspect(file(ftyp(), header(1, "mdat"), ByteBuffer.allocate(8).putLong(Long.MAX_VALUE).array())))
                .as("64-bit size past the end").isEqualTo(Mp4Layout.UNREADABLE);
        assertThat(Mp4Layout.inspect(file(ftyp(), header(1, "mdat"), ByteBuffer.allocate(8).putLong(8).array())))
                .as("64-bit size smaller than its header").isEqualTo(Mp4Layout.UNREADABLE);
        assertThat(Mp4Layout.inspect(file(ftyp(), box("mdat", 16), new byte[] {0, 0, 0, 16, 0, 1, 2, 3}, new byte[8])))
                .as("garbage box type").isEqualTo(Mp4Layout.UNREADABLE);
        assertThat(Mp4Layout.inspect(file(ftyp(), box("mdat", 16), new byte[5]))).as("a torn header")
                .isEqualTo(Mp4Layout.UNREADABLE);
        assertThat(Mp4Layout.inspect(file(ftyp(), box("free", 8).repeat(20_000), box("moov", 100))))
                .as("too many boxes").isEqualTo(Mp4Layout.UNREADABLE);
        assertThat(Mp4Layout.inspect(dir.resolve("missing.mp4"))).isEqualTo(Mp4Layout.UNREADABLE);
    }

    private Path file(Object... parts) throws IOException {
        var out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof Box b ? b.bytes : (byte[]) part);
        }
        Path file = Files.createTempFile(dir, "video", ".mp4");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static Box ftyp() {
        return new Box(ByteBuffer.allocate(24).putInt(24).put(ascii("ftyp")).put(ascii("isom")).putInt(0x200)
                .put(ascii("isom")).put(ascii("mp41")).array());
    }

    /** A box of the given total size (0 for size zero), with zeroed content. */
    private static Box box(String type, int size) {
        return new Box(ByteBuffer.allocate(Math.max(size, 8)).putInt(size).put(ascii(type)).array());
    }

    private static Box largeBox(String type, long size) {
        return new Box(ByteBuffer.allocate((int) size).putInt(1).put(ascii(type)).putLong(size).array());
    }

    private static byte[] header(int size, String type) {
        return ByteBuffer.allocate(8).putInt(size).put(ascii(type)).array();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private record Box(byte[] bytes) {
        Box repeat(int times) {
            var out = new ByteArrayOutputStream();
            for (int i = 0; i < times; i++) {
                out.writeBytes(bytes);
            }
            return new Box(out.toByteArray());
        }
    }
}
