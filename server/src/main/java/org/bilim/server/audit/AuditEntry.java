package org.bilim.server.audit;

/**
 * What is written to the audit log: who ({@code actorKind}, id and a readable label), what
 * ({@code action}, a stable dotted name such as {@code learner.pin-reset}), to what, in which
 * facility, from which address, and a short plain-text detail.
 */
public record AuditEntry(ActorKind actorKind, Long actorId, String actorLabel, String action,
                         Long facilityId, String targetKind, Long targetId, String detail,
                         String sourceAddress) {

    public AuditEntry {
        detail = detail == null ? null : truncate(detail, 2000);
        actorLabel = actorLabel == null ? null : truncate(actorLabel, 200);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
