package org.bilim.server.audit;

import java.time.OffsetDateTime;

/**
 * The outcome of checking the whole audit chain. When it is broken, {@code firstBrokenSeq} names
 * the first event that does not fit and {@code reason} says how: {@code altered} (the event's
 * content no longer matches its hash), {@code unlinked} (it does not point at the event before
 * it), {@code missing} (events are missing before it) or {@code truncated} (events are missing at
 * the end of the chain).
 */
public record AuditVerification(boolean intact, long checked, Long firstBrokenSeq, String reason,
                                OffsetDateTime verifiedAt) {
}
