package org.bilim.server.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the audit chain: the last sequence number and hash. Appending locks this one row,
 * so appends from any number of threads or server nodes form a single chain; it also lets
 * verification notice events removed from the end.
 */
@Entity
@Table(name = "audit_head")
public class AuditHead {
    static final long ID = 1L;
    static final String GENESIS = "0".repeat(64);

    @Id
    private Long id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditHead() {
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(long seq, String hash) {
        this.lastSeq = seq;
        this.lastHash = hash;
    }
}
