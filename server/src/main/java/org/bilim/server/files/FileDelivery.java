package org.bilim.server.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Sends a stored file, whole or one byte range (RFC 9110 §14): 206 with Content-Range for a
 * satisfiable range, 416 with {@code bytes *}{@code /size} for one that is not, the whole file when
 * an {@code If-Range} names an older validator, 304 when {@code If-None-Match} names the current
 * one. Bytes are streamed from the file in small chunks, never held whole in memory.
 */
@ApplicationScoped
public class FileDelivery {
    private static final int CHUNK = 64 * 1024;

    @Inject
    FileStore store;

    public Response send(StoredFile file, HttpHeaders headers) {
        String etag = file.etag();
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header("Accept-Ranges", "bytes").build();
        }
        long size = file.size();
        String rangeHeader = headers.getHeaderString("Range");
        String ifRange = headers.getHeaderString("If-Range");
        if (ifRange != null && !ifRange.strip().equals(etag)) {
            rangeHeader = null; // the client's copy is stale: it gets the whole current file
        }
        ByteRange.Request request = ByteRange.parse(rangeHeader, size);
        Path path = store.path(file);
        Response.ResponseBuilder response = switch (request) {
            case ByteRange.Unsatisfiable u -> Response.status(416).header("Content-Range", "bytes */" + size);
            case ByteRange.Partial p -> Response.status(206)
                    .header("Content-Range", p.range().contentRange(size))
                    .header(HttpHeaders.CONTENT_LENGTH, p.range().length())
                    .entity(stream(path, p.range().first(), p.range().length()));
            case ByteRange.Whole w -> Response.ok()
                    .header(HttpHeaders.CONTENT_LENGTH, size)
                    .entity(stream(path, 0, size));
        };
        return response.type(contentType(file))
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                .header("Content-Disposition", "inline; filename*=UTF-8''" + encode(file.originalName()))
                .build();
    }

    private static String contentType(StoredFile file) {
        String type = file.mediaType();
        return type.startsWith("text/") ? type + "; charset=utf-8" : type;
    }

    private static StreamingOutput stream(Path path, long first, long length) {
        return out -> copy(path, first, length, out);
    }

    static void copy(Path path, long first, long length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            WritableByteChannel target = Channels.newChannel(out);
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long position = first;
            long remaining = length;
            while (remaining > 0) {
                buffer.clear();
                if (remaining < CHUNK) {
                    buffer.limit((int) remaining);
                }
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break;
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    target.write(buffer);
                }
                position += n;
                remaining -= n;
            }
        }
    }

    private static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
