package org.bilim.courses.media;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The media type of a file, decided from its first bytes. A name can be chosen by anyone, so it
 * never decides alone; it only breaks a tie the bytes leave open (CSV or plain text; which Office
 * format a ZIP is when its first entries do not say). Content that looks like nothing known is
 * {@value #OCTET_STREAM}, which callers serve as a download and never render.
 *
 * <p>SVG is recognised as {@value #SVG} so that callers can refuse or quarantine it: it can carry
 * script. HTML is {@value #HTML} only when it really starts like HTML (the patterns of the WHATWG
 * MIME Sniffing standard, section 7.1); a page that does not is plain text, and shown as such.
 */
public final class MediaTypes {
    /**
     * How many leading bytes a caller passes: the first {@value} bytes of the file, or the whole
     * file when it is shorter. Fewer make some answers vaguer (an Office file seen only as a ZIP,
     * a WebM audio file seen as video); bytes past this many are not looked at.
     */
    public static final int HEAD_BYTES = 8192;

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String GIF = "image/gif";
    public static final String WEBP = "image/webp";
    public static final String SVG = "image/svg+xml";
    public static final String MP4_VIDEO = "video/mp4";
    public static final String MP4_AUDIO = "audio/mp4";
    public static final String WEBM_VIDEO = "video/webm";
    public static final String WEBM_AUDIO = "audio/webm";
    public static final String OGG_VIDEO = "video/ogg";
    public static final String OGG_AUDIO = "audio/ogg";
    public static final String MPEG_AUDIO = "audio/mpeg";
    public static final String WAV = "audio/wav";
    public static final String VTT = "text/vtt";
    public static final String HTML = "text/html";
    public static final String TEXT = "text/plain";
    public static final String CSV = "text/csv";
    public static final String ZIP = "application/zip";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] EBML_MAGIC = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3};
    private static final byte[] ZIP_LOCAL_FILE = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    private static final byte[] THEORA = {(byte) 0x80, 't', 'h', 'e', 'o', 'r', 'a'};

    /** ISO BMFF brands of audio-only MP4 (iTunes audio, audio books). */
    private static final Set<String> MP4_AUDIO_BRANDS = Set.of("M4A ", "M4B ", "M4P ", "F4A ", "F4B ");
    /** ISO BMFF brands of MP4 video; HEIF and AVIF images use ftyp too and are not among them. */
    private static final Set<String> MP4_VIDEO_BRANDS = Set.of(
            "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42", "mp71",
            "avc1", "hvc1", "hev1", "av01", "dash", "msdh", "msix", "M4V ", "M4VH", "M4VP", "MSNV", "mmp4",
            "f4v ", "NDAS", "NDSC", "NDSH", "NDSM", "NDSP", "NDSS", "NDXC", "NDXH", "NDXM", "NDXP", "NDXS",
            "cmfc", "cmf2");
    private static final Set<String> ISO_IMAGE_BRANDS = Set.of(
            "avif", "avis", "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1");

    /** WHATWG MIME Sniffing 7.1: what HTML starts with; each must be followed by a space or '>'. */
    private static final List<String> HTML_STARTS = List.of(
            "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a",
            "<style", "<title", "<b", "<body", "<br", "<p", "<!--");

    private MediaTypes() {
    }

    /**
     * @param head     the first {@link #HEAD_BYTES} bytes of the file (all of it if shorter)
     * @param fileName the name it came with, or null; only breaks ties the bytes leave open
     */
    public static String detect(byte[] head, String fileName) {
        Objects.requireNonNull(head, "head");
        byte[] b = head.length > HEAD_BYTES ? Arrays.copyOf(head, HEAD_BYTES) : head;
        boolean cut = head.length >= HEAD_BYTES;
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (b.length == 0) {
            return OCTET_STREAM;
        }
        String binary = binary(b, name);
        return binary != null ? binary : text(b, cut, name);
    }

    private static String binary(byte[] b, String name) {
        if (startsWith(b, 0, "%PDF-")) {
            return PDF;
        }
        if (startsWith(b, 0, PNG_SIGNATURE)) {
            return PNG;
        }
        if (b.length >= 3 && u8(b, 0) == 0xff && u8(b, 1) == 0xd8 && u8(b, 2) == 0xff) {
            return JPEG;
        }
        if (startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a")) {
            return GIF;
        }
        if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP")) {
            return WEBP;
        }
        if (startsWith(b, 0, "RIFF") && startsWith(b, 8, "WAVE")) {
            return WAV;
        }
        if (startsWith(b, 4, "ftyp")) {
            return isoMedia(b);
        }
        if (startsWith(b, 0, EBML_MAGIC)) {
            return matroska(b);
        }
        if (startsWith(b, 0, "OggS")) {
            return indexOf(b, THEORA, 0) >= 0 ? OGG_VIDEO : OGG_AUDIO;
        }
        if (startsWith(b, 0, ZIP_LOCAL_FILE) || startsWith(b, 0, ZIP_EMPTY)) {
            return zip(b, name);
        }
        if (startsWith(b, 0, "ID3") && b.length >= 10 && u8(b, 3) <= 4) {
            return MPEG_AUDIO;
        }
        if (mpegAudioFrames(b)) {
            return MPEG_AUDIO;
        }
        return null;
    }

    /** ISO/IEC 14496-12 4.3: the major brand decides, then the compatible brands. */
    private static String isoMedia(byte[] b) {
        if (b.length < 12) {
            return OCTET_STREAM;
        }
        long boxSize = u32be(b, 0);
        int end = (int) Math.min(Math.min(boxSize, b.length), 4096);
        String major = ascii(b, 8, 4);
        List<String> compatible = new ArrayList<>();
        for (int at = 16; at + 4 <= end; at += 4) {
            compatible.add(ascii(b, at, 4));
        }
        if (MP4_AUDIO_BRANDS.contains(major)) {
            return MP4_AUDIO;
        }
        if (MP4_VIDEO_BRANDS.contains(major)) {
            return MP4_VIDEO;
        }
        if (ISO_IMAGE_BRANDS.contains(major)) {
            return OCTET_STREAM;
        }
        if (compatible.stream().anyMatch(MP4_AUDIO_BRANDS::contains)) {
            return MP4_AUDIO;
        }
        if (compatible.stream().anyMatch(MP4_VIDEO_BRANDS::contains)) {
            return MP4_VIDEO;
        }
        return OCTET_STREAM;
    }

    /**
     * A WebM file names its doc type in the EBML header. Whether it is video or audio is read from
     * the codec ids of its tracks (V_VP8, A_OPUS, ...), which come early; when the head ends before
     * them, it is taken for video.
     */
    private static String matroska(byte[] b) {
        String docType = ebmlDocType(b);
        if (!"webm".equals(docType)) {
            return OCTET_STREAM;
        }
        boolean video = indexOf(b, "V_VP8".getBytes(StandardCharsets.US_ASCII), 0) >= 0
                || indexOf(b, "V_VP9".getBytes(StandardCharsets.US_ASCII), 0) >= 0
                || indexOf(b, "V_AV1".getBytes(StandardCharsets.US_ASCII), 0) >= 0;
        boolean audio = indexOf(b, "A_OPUS".getBytes(StandardCharsets.US_ASCII), 0) >= 0
                || indexOf(b, "A_VORBIS".getBytes(StandardCharsets.US_ASCII), 0) >= 0;
        return audio && !video ? WEBM_AUDIO : WEBM_VIDEO;
    }

    /** RFC 8794: the EBML header's children, each an element id, a size and data; DocType is 0x4282. */
    private static String ebmlDocType(byte[] b) {
        int at = EBML_MAGIC.length;
        long[] headerSize = vint(b, at);
        if (headerSize == null) {
            return null;
        }
        at += (int) headerSize[1];
        long end = Math.min(b.length, at + headerSize[0]);
        while (at < end) {
            // An element id is a variable-size integer kept with its length marker (RFC 8794 5).
            long[] idLength = vint(b, at);
            if (idLength == null || idLength[1] > 4) {
                return null;
            }
            int id = 0;
            for (int i = 0; i < idLength[1]; i++) {
                id = id << 8 | u8(b, at + i);
            }
            long[] size = vint(b, at + (int) idLength[1]);
            if (size == null) {
                return null;
            }
            int data = at + (int) idLength[1] + (int) size[1];
            if (size[0] > end - data) {
                return null;
            }
            if (id == 0x4282) {
                return ascii(b, data, (int) size[0]).replace("\0", "");
            }
            at = data + (int) size[0];
        }
        return null;
    }

    /** An EBML variable-size integer at {@code at}: its value and its length in bytes, or null. */
    private static long[] vint(byte[] b, int at) {
        if (at >= b.length || b[at] == 0) {
            return null;
        }
        int first = u8(b, at);
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (at + length > b.length) {
            return null;
        }
        long value = first & (0xff >> length);
        for (int i = 1; i < length; i++) {
            value = value << 8 | u8(b, at + i);
        }
        return new long[] {value, length};
    }

    /**
     * An Office Open XML package lists [Content_Types].xml and its part folders among its first
     * entries; an OpenDocument file starts with an uncompressed entry "mimetype" holding its type.
     * Names are read from every local file header found in the head.
     */
    private static String zip(byte[] b, String name) {
        List<String> entries = new ArrayList<>();
        for (int at = indexOf(b, ZIP_LOCAL_FILE, 0); at >= 0; at = indexOf(b, ZIP_LOCAL_FILE, at + 4)) {
            if (at + 30 > b.length) {
                break;
            }
            int nameLength = u16le(b, at + 26);
            int extraLength = u16le(b, at + 28);
            if (at + 30 + nameLength > b.length) {
                break;
            }
            String entry = new String(b, at + 30, nameLength, StandardCharsets.UTF_8);
            entries.add(entry);
            // APPNOTE 4.3.7: method at 8 (0 is stored), compressed size at 18.
            if (at == 0 && entry.equals("mimetype") && u16le(b, 8) == 0) {
                int data = 30 + nameLength + extraLength;
                int size = (int) Math.min(u32le(b, 18), 100);
                if (data + size <= b.length) {
                    String type = ascii(b, data, size);
                    if (type.matches("application/vnd\\.oasis\\.opendocument\\.[a-z-]+(\\.[a-z-]+)?")) {
                        return type;
                    }
                }
            }
        }
        if (!entries.contains("[Content_Types].xml")) {
            return ZIP;
        }
        for (String entry : entries) {
            if (entry.startsWith("word/")) {
                return DOCX;
            }
            if (entry.startsWith("xl/")) {
                return XLSX;
            }
            if (entry.startsWith("ppt/")) {
                return PPTX;
            }
        }
        if (name.endsWith(".docx")) {
            return DOCX;
        }
        if (name.endsWith(".xlsx")) {
            return XLSX;
        }
        if (name.endsWith(".pptx")) {
            return PPTX;
        }
        return ZIP;
    }

    /**
     * MPEG audio without an ID3 tag starts with a frame: an 11-bit sync and a header with no
     * reserved values. Such a header happens by chance (a UTF-16 byte order mark is one), so the
     * next frame must follow where the first one's length says. Frames are at most a few
     * kilobytes, so a head of {@link #HEAD_BYTES} always reaches the second.
     */
    private static boolean mpegAudioFrames(byte[] b) {
        int length = mpegFrameLength(b, 0);
        return length > 0 && mpegFrameLength(b, length) > 0;
    }

    private static final int[][] BITRATES_KBPS = {
            // MPEG-1 layer I, II, III; MPEG-2/2.5 layer I, II and III.
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};
    private static final int[] SAMPLE_RATES_MPEG1 = {44100, 48000, 32000};

    /** ISO/IEC 11172-3 2.4.2.3: the length of the frame starting at {@code at}, or 0 if none does. */
    private static int mpegFrameLength(byte[] b, int at) {
        if (at + 4 > b.length || u8(b, at) != 0xff || (u8(b, at + 1) & 0xe0) != 0xe0) {
            return 0;
        }
        int version = (u8(b, at + 1) >> 3) & 3;
        int layer = (u8(b, at + 1) >> 1) & 3;
        int bitrateIndex = u8(b, at + 2) >> 4;
        int rateIndex = (u8(b, at + 2) >> 2) & 3;
        int padding = (u8(b, at + 2) >> 1) & 1;
        // version 1 and layer 0 are reserved (layer 0 is also AAC in ADTS, which is not MPEG audio).
        if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return 0;
        }
        boolean mpeg1 = version == 3;
        int layerNumber = 4 - layer;
        int table = mpeg1 ? layerNumber - 1 : layerNumber == 1 ? 3 : 4;
        int bitrate = BITRATES_KBPS[table][bitrateIndex] * 1000;
        int sampleRate = SAMPLE_RATES_MPEG1[rateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        if (layerNumber == 1) {
            return (12 * bitrate / sampleRate + padding) * 4;
        }
        int samples = layerNumber == 3 && !mpeg1 ? 72 : 144;
        return samples * bitrate / sampleRate + padding;
    }

    /** Text of some kind: WebVTT, SVG, HTML or plain, in that order, if the bytes are UTF-8 without NULs. */
    private static String text(byte[] b, boolean cut, String name) {
        int start = startsWith(b, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
        String text = utf8(b, start, cut);
        if (text == null || !plausibleText(text)) {
            return OCTET_STREAM;
        }
        // WebVTT 6.1: the signature is followed by a space, a tab or a line break, or ends the file.
        if (text.startsWith("WEBVTT") && (text.length() == 6 || " \t\r\n".indexOf(text.charAt(6)) >= 0)) {
            return VTT;
        }
        String lower = text.stripLeading().toLowerCase(Locale.ROOT);
        if (isSvg(lower)) {
            return SVG;
        }
        for (String pattern : HTML_STARTS) {
            if (lower.startsWith(pattern) && lower.length() > pattern.length()
                    && (lower.charAt(pattern.length()) == ' ' || lower.charAt(pattern.length()) == '>')) {
                return HTML;
            }
        }
        return name.endsWith(".csv") ? CSV : TEXT;
    }

    /** An XML document whose first element is svg, after any declaration, comments and doctype. */
    private static boolean isSvg(String lower) {
        String rest = lower;
        while (true) {
            rest = rest.stripLeading();
            String close = rest.startsWith("<?") ? "?>" : rest.startsWith("<!--") ? "-->"
                    : rest.startsWith("<!doctype") ? ">" : null;
            if (close == null) {
                break;
            }
            int end = rest.indexOf(close);
            if (end < 0) {
                return rest.contains("<svg");
            }
            rest = rest.substring(end + close.length());
        }
        return rest.startsWith("<svg") || rest.startsWith("<svg:svg");
    }

    /** Strict UTF-8; a sequence cut off at the end of a head that was cut counts as valid. */
    private static String utf8(byte[] b, int start, boolean cut) {
        int end = b.length;
        if (cut) {
            int back = 0;
            while (back < 3 && end - back - 1 >= start && (u8(b, end - back - 1) & 0xc0) == 0x80) {
                back++;
            }
            int lead = end - back - 1;
            if (lead >= start && u8(b, lead) >= 0xc0 && back < sequenceLength(u8(b, lead)) - 1) {
                end = lead;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, end - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int sequenceLength(int lead) {
        return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    }

    /** No NUL and no other control character a text editor would not write (tab, line breaks, form feed are fine). */
    private static boolean plausibleText(String text) {
        return text.chars().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f);
    }

    private static boolean startsWith(byte[] b, int at, String ascii) {
        return startsWith(b, at, ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        return b.length >= at + prefix.length && Arrays.equals(b, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] b, byte[] needle, int from) {
        outer:
        for (int i = from; i <= b.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String ascii(byte[] b, int at, int length) {
        return new String(b, at, Math.max(0, Math.min(length, b.length - at)), StandardCharsets.ISO_8859_1);
    }

    private static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    private static int u16le(byte[] b, int at) {
        return u8(b, at) | u8(b, at + 1) << 8;
    }

    private static long u32le(byte[] b, int at) {
        return (long) u16le(b, at + 2) << 16 | u16le(b, at);
    }

    private static long u32be(byte[] b, int at) {
        return (long) u8(b, at) << 24 | u8(b, at + 1) << 16 | u8(b, at + 2) << 8 | u8(b, at + 3);
    }
}
