package org.bilim.courses.content;

import java.util.Objects;

/**
 * A stored file that content points at: the server's id for it, the name a person sees, its media
 * type decided from its bytes, its size and its SHA-256. The checksum belongs to the content, so
 * replacing a file's bytes changes the version's hash and needs a new approval.
 */
public record FileRef(String fileId, String name, String mediaType, long size, String sha256) {
    public FileRef {
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
