package org.bilim.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T10:15:30.123Z");

    private static String hash(String detail, String label, String prev) {
        return AuditChain.hash(7, AT, "STAFF", 3L, label, "learner.pin-reset", 1L, "learner", 9L, detail, "10.0.0.5", prev);
    }

    @Test
    void sameEventSameHash() {
        assertThat(hash("d", "officer", AuditHead.GENESIS)).isEqualTo(hash("d", "officer", AuditHead.GENESIS)).hasSize(64);
    }

    @Test
    void everyFieldCounts() {
        String base = hash("d", "officer", AuditHead.GENESIS);
        assertThat(hash("e", "officer", AuditHead.GENESIS)).isNotEqualTo(base);
        assertThat(hash("d", "officer2", AuditHead.GENESIS)).isNotEqualTo(base);
        assertThat(hash("d", "officer", "1".repeat(64))).isNotEqualTo(base);
        assertThat(AuditChain.hash(8, AT, "STAFF", 3L, "officer", "learner.pin-reset", 1L, "learner", 9L, "d", "10.0.0.5",
                AuditHead.GENESIS)).isNotEqualTo(base);
        assertThat(AuditChain.hash(7, AT.plusNanos(1_000_000), "STAFF", 3L, "officer", "learner.pin-reset", 1L, "learner", 9L,
                "d", "10.0.0.5", AuditHead.GENESIS)).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // Moving text from one field into the next must not give the same hash.
        assertThat(hash("ab", "c", AuditHead.GENESIS)).isNotEqualTo(hash("b", "ca", AuditHead.GENESIS));
        assertThat(hash(null, "x", AuditHead.GENESIS)).isNotEqualTo(hash("-", "x", AuditHead.GENESIS));
    }
}
