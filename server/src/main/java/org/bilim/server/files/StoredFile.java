package org.bilim.server.files;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.bilim.courses.content.FileRef;
import org.bilim.server.platform.Times;

/** A file kept in the data directory: what it is, how big, its checksum and where its bytes are. */
@Entity
@Table(name = "stored_file")
public class StoredFile {
    @Id
    @Column(length = 32)
    private String id;

    @Column(name = "original_name", nullable = false, length = 255)
    private String originalName;

    @Column(name = "media_type", nullable = false, length = 127)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "storage_name", nullable = false, length = 200)
    private String storageName;

    /** For MP4: FAST_START or MOOV_AT_END (a kiosk must fetch the whole file before playing). */
    @Column(name = "mp4_layout", length = 16)
    private String mp4Layout;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by")
    private Long createdBy;

    protected StoredFile() {
    }

    StoredFile(String id, String originalName, String mediaType, long size, String sha256, String storageName,
               String mp4Layout, Long createdBy) {
        this.id = id;
        this.originalName = originalName;
        this.mediaType = mediaType;
        this.size = size;
        this.sha256 = sha256;
        this.storageName = storageName;
        this.mp4Layout = mp4Layout;
        this.createdAt = Times.now();
        this.createdBy = createdBy;
    }

    public String id() {
        return id;
    }

    public String originalName() {
        return originalName;
    }

    public String mediaType() {
        return mediaType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public String storageName() {
        return storageName;
    }

    public String mp4Layout() {
        return mp4Layout;
    }

    public FileRef ref() {
        return new FileRef(id, originalName, mediaType, size, sha256);
    }

    /** A strong validator: the bytes never change under one id. */
    public String etag() {
        return "\"" + sha256 + "\"";
    }
}
