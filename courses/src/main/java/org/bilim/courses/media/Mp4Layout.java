package org.bilim.courses.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an MP4 keeps its index (the {@code moov} box) relative to its media data ({@code mdat}).
 * A browser needs the index before it can play anything: with the index first, a kiosk starts
 * playing while the rest arrives; with the index at the end, it must download the whole file
 * first, which on a prison classroom's network can mean minutes of a black screen. Such files
 * should be rewritten (for example {@code ffmpeg -movflags +faststart}) before a course is approved.
 */
public enum Mp4Layout {
    /** moov before mdat: plays while it downloads. */
    FAST_START,
    /** mdat before moov: the kiosk must download to the end before playing. */
    MOOV_AT_END,
    /** Not an ISO base media file: the first box is not {@code ftyp}. */
    NOT_MP4,
    /** Starts like an MP4 but its boxes do not add up (truncated, impossible sizes, no moov), or it could not be read. */
    UNREADABLE;

    /**
     * More top-level boxes than any real file has before its moov; a file of millions of empty
     * boxes is made to waste our time.
     */
    private static final int MAX_BOXES = 10_000;

    /**
     * Walks the top-level boxes (ISO/IEC 14496-12 4.2) reading only their headers: a 32-bit size
     * and a type; size 1 means a 64-bit size follows, size 0 means the box runs to the end of the
     * file. Every step moves forward by at least a header, so the walk ends.
     */
    public static Mp4Layout inspect(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return walk(channel);
        } catch (IOException e) {
            return UNREADABLE;
        }
    }

    private static Mp4Layout walk(FileChannel channel) throws IOException {
        long length = channel.size();
        ByteBuffer header = ByteBuffer.allocate(16);
        long at = 0;
        boolean mdatSeen = false;
        for (int box = 0; box < MAX_BOXES; box++) {
            if (at == length) {
                return box == 0 ? NOT_MP4 : UNREADABLE;
            }
            if (length - at < 8 || read(channel, header, at, 8) < 8) {
                return box == 0 ? NOT_MP4 : UNREADABLE;
            }
            long size = Integer.toUnsignedLong(header.getInt(0));
            String type = type(header);
            if (box == 0 && !"ftyp".equals(type)) {
                return NOT_MP4;
            }
            if (type == null) {
                return UNREADABLE;
            }
            long headerSize = 8;
            if (size == 1) {
                if (length - at < 16 || read(channel, header, at + 8, 8) < 8) {
                    return UNREADABLE;
                }
                size = header.getLong(0);
                headerSize = 16;
            } else if (size == 0) {
                size = length - at;
            }
            // A negative 64-bit size, one smaller than its own header, or one past the end of the file.
            if (size < headerSize || size > length - at) {
                return UNREADABLE;
            }
            if (type.equals("moov")) {
                return mdatSeen ? MOOV_AT_END : FAST_START;
            }
            if (type.equals("mdat")) {
                mdatSeen = true;
            }
            at += size;
        }
        return UNREADABLE;
    }

    private static int read(FileChannel channel, ByteBuffer buffer, long at, int count) throws IOException {
        buffer.clear().limit(count);
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** The four-character type, or null if it is not printable ASCII as every real box type is. */
    private static String type(ByteBuffer header) {
        char[] type = new char[4];
        for (int i = 0; i < 4; i++) {
            int c = header.get(4 + i) & 0xff;
            if (c < 0x20 || c > 0x7e) {
                // '©' (0xA9) starts some metadata box types, but never at the top level.
                return null;
            }
            type[i] = (char) c;
        }
        return new String(type);
    }
}
