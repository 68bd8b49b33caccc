package org.bilim.courses.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    @Test
    void documentsAndImagesAreKnownByTheirSignatures() {
        assertThat(MediaTypes.detect(ascii("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"), "lecture.pdf")).isEqualTo("application/pdf");
        assertThat(MediaTypes.detect(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'),
                "a.png")).isEqualTo("image/png");
        assertThat(MediaTypes.detect(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F'), "a.jpg")).isEqualTo("image/jpeg");
        assertThat(MediaTypes.detect(ascii("GIF89a\u0001\u0000\u0001\u0000"), "a.gif")).isEqualTo("image/gif");
        assertThat(MediaTypes.detect(riff("WEBP", "VP8 "), "a.webp")).isEqualTo("image/webp");
    }

    @Test
    void theNameNeverDecidesAlone() {
        assertThat(MediaTypes.detect(ascii("just some notes\n"), "lecture.pdf")).isEqualTo("text/plain");
        assertThat(MediaTypes.detect(bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'), "notes.txt")).isEqualTo("image/png");
        assertThat(MediaTypes.detect(bytes(0, 1, 2, 3, 4, 5, 6, 7), "movie.mp4")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.detect(new byte[0], "notes.txt")).isEqualTo("application/octet-stream");
    }

    @Test
    void isoMediaIsVideoOrAudioByItsBrand() {
        assertThat(MediaTypes.detect(ftyp("isom", "isom", "iso2", "avc1", "mp41"), "v.mp4")).isEqualTo("video/mp4");
        assertThat(MediaTypes.detect(ftyp("mp42", "mp42", "isom"), null)).isEqualTo("video/mp4");
        assertThat(MediaTypes.detect(ftyp("M4A ", "M4A ", "mp42", "isom"), "song.m4a")).isEqualTo("audio/mp4");
        assertThat(MediaTypes.detect(ftyp("XXXX", "M4A ", "mp42"), null)).isEqualTo("audio/mp4");
        assertThat(MediaTypes.detect(ftyp("XXXX", "XXXX", "mp41"), null)).isEqualTo("video/mp4");
        // HEIF and AVIF pictures are ISO media too, and no video.
        assertThat(MediaTypes.detect(ftyp("heic", "mif1", "heic"), "photo.mp4")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.detect(ftyp("avif", "avif", "mif1", "miaf"), null)).isEqualTo("application/octet-stream");
    }

    @Test
    void webmIsVideoUnlessItsTracksAreAllAudio() {
        assertThat(MediaTypes.detect(webm("webm", "V_VP9", "A_OPUS"), "v.webm")).isEqualTo("video/webm");
        assertThat(MediaTypes.detect(webm("webm", "A_OPUS"), "a.webm")).isEqualTo("audio/webm");
        assertThat(MediaTypes.detect(webm("webm"), "unknown.webm")).isEqualTo("video/webm");
        assertThat(MediaTypes.detect(webm("matroska", "V_MPEG4/ISO/AVC"), "v.mkv")).isEqualTo("application/octet-stream");
    }

    @Test
    void oggIsVideoWhenItCarriesTheora() {
        assertThat(MediaTypes.detect(ogg(bytes(0x01, 'v', 'o', 'r', 'b', 'i', 's')), "a.ogg")).isEqualTo("audio/ogg");
        assertThat(MediaTypes.detect(ogg(ascii("OpusHead")), "a.opus")).isEqualTo("audio/ogg");
        assertThat(MediaTypes.detect(ogg(bytes(0x80, 't', 'h', 'e', 'o', 'r', 'a')), "v.ogv")).isEqualTo("video/ogg");
    }

    @Test
    void mpegAudioIsKnownByItsTagOrByFramesThatFollowEachOther() {
        assertThat(MediaTypes.detect(concat(ascii("ID3"), bytes(4, 0, 0, 0, 0, 0, 0x10)), "a.mp3")).isEqualTo("audio/mpeg");
        // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: frames of 417 bytes.
        byte[] frames = new byte[417 * 2 + 4];
        for (int at = 0; at < frames.length - 4; at += 417) {
            frames[at] = (byte) 0xff;
            frames[at + 1] = (byte) 0xfb;
            frames[at + 2] = (byte) 0x90;
            frames[at + 3] = 0x64;
        }
        assertThat(MediaTypes.detect(frames, "a.mp3")).isEqualTo("audio/mpeg");
        byte[] chance = frames.clone();
        chance[417] = 0x12;
        assertThat(MediaTypes.detect(chance, "a.mp3")).isEqualTo("application/octet-stream");
    }

    @Test
    void waveIsRiffWave() {
        assertThat(MediaTypes.detect(riff("WAVE", "fmt "), "a.wav")).isEqualTo("audio/wav");
        assertThat(MediaTypes.detect(riff("AVI ", "LIST"), "a.wav")).isEqualTo("application/octet-stream");
    }

    @Test
    void webVttIsTextThatSaysSoInItsFirstLine() {
        assertThat(MediaTypes.detect(utf8("WEBVTT\n\n00:00.000 --> 00:02.000\nСәлем!\n"), "c.txt")).isEqualTo("text/vtt");
        assertThat(MediaTypes.detect(concat(bytes(0xef, 0xbb, 0xbf), utf8("WEBVTT - Kazakh\n")), null)).isEqualTo("text/vtt");
        assertThat(MediaTypes.detect(utf8("WEBVTT"), null)).isEqualTo("text/vtt");
        assertThat(MediaTypes.detect(utf8("WEBVTTX\n"), "c.vtt")).isEqualTo("text/plain");
        assertThat(MediaTypes.detect(utf8("1\n00:00:00,000 --> 00:00:02,000\nSRT, not VTT\n"), "c.vtt")).isEqualTo("text/plain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!DOCTYPE html>\n<html>", "  <html lang=\"kk\">", "<HEAD>", "<p>A paragraph", "<!-- x -->\n<p>",
            "<body>", "<table>", "<script>alert(1)</script>"})
    void htmlIsWhatStartsLikeHtml(String start) {
        assertThat(MediaTypes.detect(utf8(start), "page.txt")).isEqualTo("text/html");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Some <b>bold</b> text", "<span>not a start</span>", "<?xml version=\"1.0\"?><html>", "<pre>"})
    void textThatMerelyContainsTagsIsPlainText(String start) {
        assertThat(MediaTypes.detect(utf8(start), "page.html")).isEqualTo("text/plain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
            "<?xml version=\"1.0\"?>\n<!-- Generator: editor -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n<svg>",
            "\uFEFF<svg version=\"1.1\">", "<!-- comment --><svg onload=\"alert(1)\">"})
    void svgIsRecognisedSoThatCallersCanRefuseIt(String start) {
        assertThat(MediaTypes.detect(utf8(start), "picture.png")).isEqualTo("image/svg+xml");
    }

    @Test
    void textIsUtf8WithoutNulsAndCsvIsTextNamedSo() {
        byte[] kazakh = utf8("Қазақстан, Ұлттық, ёжик\n");
        assertThat(MediaTypes.detect(kazakh, "notes.txt")).isEqualTo("text/plain");
        assertThat(MediaTypes.detect(utf8("name,score\nӘсел,9\n"), "results.CSV")).isEqualTo("text/csv");
        assertThat(MediaTypes.detect(utf8("a\0b"), "notes.txt")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.detect(bytes('c', 'a', 'f', 0xe9), "latin1.txt")).isEqualTo("application/octet-stream");
        assertThat(MediaTypes.detect(bytes(0xff, 0xfe, 'a', 0), "utf16.txt")).isEqualTo("application/octet-stream");
    }

    @Test
    void aHeadCutInsideACharacterIsStillText() {
        byte[] text = utf8("ә".repeat(MediaTypes.HEAD_BYTES));
        byte[] head = Arrays.copyOf(text, MediaTypes.HEAD_BYTES + 1);

        assertThat(MediaTypes.detect(head, "long.txt")).isEqualTo("text/plain");
        assertThat(MediaTypes.detect(Arrays.copyOf(text, 3), "short.txt")).isEqualTo("application/octet-stream");
    }

    @Test
    void zipsAreTheirOfficeFormatWhenTheirEntriesSaySo() throws IOException {
        assertThat(MediaTypes.detect(zip(false, "[Content_Types].xml", "_rels/.rels", "word/document.xml"), "a.bin"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(MediaTypes.detect(zip(false, "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"), null))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(MediaTypes.detect(zip(false, "[Content_Types].xml", "ppt/presentation.xml"), null))
                .isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        assertThat(MediaTypes.detect(zip(false, "[Content_Types].xml"), "slides.pptx"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.presentationml.presentation");
        assertThat(MediaTypes.detect(zip(true, "content.xml", "styles.xml"), "essay.zip"))
                .isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(MediaTypes.detect(zip(false, "imsmanifest.xml", "week1/page.html"), "course.docx"))
                .isEqualTo("application/zip");
    }

    private static byte[] ftyp(String major, String... compatible) {
        ByteBuffer box = ByteBuffer.allocate(16 + 4 * compatible.length);
        box.putInt(box.capacity()).put(ascii("ftyp")).put(ascii(major)).putInt(0x200);
        for (String brand : compatible) {
            box.put(ascii(brand));
        }
        return concat(box.array(), bytes(0, 0, 0, 8, 'f', 'r', 'e', 'e'));
    }

    /** An EBML header naming the doc type, then codec ids as they sit in track entries (id 0x86). */
    private static byte[] webm(String docType, String... codecs) {
        var out = new ByteArrayOutputStream();
        byte[] version = bytes(0x42, 0x86, 0x81, 0x01);
        byte[] type = concat(bytes(0x42, 0x82, 0x80 | docType.length()), ascii(docType));
        byte[] header = concat(version, type, bytes(0x42, 0x87, 0x81, 0x04));
        out.writeBytes(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x80 | header.length));
        out.writeBytes(header);
        out.writeBytes(bytes(0x18, 0x53, 0x80, 0x67, 0x01, 0, 0, 0, 0, 0, 0x10, 0));
        for (String codec : codecs) {
            out.writeBytes(bytes(0xae, 0x80 | (codec.length() + 2), 0x86, 0x80 | codec.length()));
            out.writeBytes(ascii(codec));
        }
        return out.toByteArray();
    }

    /** The first page of an Ogg stream (RFC 3533) carrying one packet. */
    private static byte[] ogg(byte[] packet) {
        ByteBuffer page = ByteBuffer.allocate(28 + packet.length);
        page.put(ascii("OggS")).put((byte) 0).put((byte) 2).put(new byte[20]).put((byte) 1).put((byte) packet.length)
                .put(packet);
        return page.array();
    }

    private static byte[] riff(String form, String firstChunk) {
        return concat(ascii("RIFF"), bytes(36, 0, 0, 0), ascii(form), ascii(firstChunk), bytes(16, 0, 0, 0));
    }

    private static byte[] zip(boolean openDocument, String... names) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            if (openDocument) {
                byte[] type = ascii("application/vnd.oasis.opendocument.text");
                var mimetype = new ZipEntry("mimetype");
                mimetype.setMethod(ZipEntry.STORED);
                mimetype.setSize(type.length);
                var crc = new CRC32();
                crc.update(type);
                mimetype.setCrc(crc.getValue());
                zip.putNextEntry(mimetype);
                zip.write(type);
                zip.closeEntry();
            }
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(utf8("<?xml version=\"1.0\"?><x>" + name + "</x>"));
                zip.closeEntry();
            }
        }
        return Arrays.copyOf(bytes.toByteArray(), Math.min(bytes.size(), MediaTypes.HEAD_BYTES));
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
