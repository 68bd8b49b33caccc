package org.bilim.server.audit;

import java.time.OffsetDateTime;
import org.bilim.server.platform.Tokens;

/**
 * The hash of an audit event: SHA-256 over a canonical text of every field and the previous
 * event's hash. Each field is written as {@code name=<length>:<value>} on its own line, so no
 * choice of values can make two different events read the same.
 */
final class AuditChain {
    private AuditChain() {
    }

    static String hash(long seq, OffsetDateTime occurredAt, String actorKind, Long actorId, String actorLabel,
                       String action, Long facilityId, String targetKind, Long targetId, String detail,
                       String sourceAddress, String prevHash) {
        StringBuilder b = new StringBuilder(256);
        field(b, "seq", Long.toString(seq));
        field(b, "at", occurredAt.toInstant().toString());
        field(b, "actorKind", actorKind);
        field(b, "actorId", actorId == null ? null : actorId.toString());
        field(b, "actorLabel", actorLabel);
        field(b, "action", action);
        field(b, "facilityId", facilityId == null ? null : facilityId.toString());
        field(b, "targetKind", targetKind);
        field(b, "targetId", targetId == null ? null : targetId.toString());
        field(b, "detail", detail);
        field(b, "source", sourceAddress);
        field(b, "prev", prevHash);
        return Tokens.sha256(b.toString());
    }

    static String hash(AuditEvent e) {
        return hash(e.seq(), e.occurredAt(), e.actorKind(), e.actorId(), e.actorLabel(), e.action(), e.facilityId(),
                e.targetKind(), e.targetId(), e.detail(), e.sourceAddress(), e.prevHash());
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(name).append('=');
        if (value == null) {
            b.append('-');
        } else {
            b.append(value.length()).append(':').append(value);
        }
        b.append('\n');
    }

}
