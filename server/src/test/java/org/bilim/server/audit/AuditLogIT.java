package org.bilim.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.bilim.server.testing.Deployments;
import org.bilim.server.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit chain inside the container, on H2 and on PostgreSQL: appends join the business
 * transaction, concurrent appends form one unbroken chain, and verification names the first
 * event that was changed or removed.
 */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bilim(AuditLogIT.class);
    }

    @Inject
    AuditLog audit;

    @Inject
    TestData data;

    private static AuditEntry entry(String detail) {
        return new AuditEntry(ActorKind.SYSTEM, null, null, "test.event", null, null, null, detail, null);
    }

    private long lastSeq() {
        return data.inTx(em -> em.find(AuditHead.class, AuditHead.ID).lastSeq());
    }

    @Test
    void anEventAppendedInATransactionThatRollsBackIsGone() {
        long before = lastSeq();
        assertThatThrownBy(() -> data.run(em -> {
            audit.append(entry("rolled back"));
            throw new IllegalStateException("the action failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(lastSeq()).isEqualTo(before);
        AuditEvent none = data.inTx(em -> em.find(AuditEvent.class, before + 1));
        assertThat(none).isNull();
    }

    @Test
    void anIndependentAppendSurvivesItsCallersRollback() {
        long before = lastSeq();
        assertThatThrownBy(() -> data.run(em -> {
            audit.appendIndependently(entry("refusal recorded"));
            throw new IllegalStateException("the request was refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(lastSeq()).isEqualTo(before + 1);
        assertThat(data.inTx(em -> em.find(AuditEvent.class, before + 1)).detail()).isEqualTo("refusal recorded");
    }

    @Test
    void concurrentAppendsFormOneUnbrokenChain() throws Exception {
        long before = lastSeq();
        List<Long> seqs = data.concurrently(40, () -> audit.appendIndependently(entry("concurrent")));
        assertThat(seqs).doesNotHaveDuplicates().hasSize(40);
        assertThat(lastSeq()).isEqualTo(before + 40);
        AuditVerification v = audit.verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
        assertThat(v.checked()).isGreaterThanOrEqualTo(before + 40);
    }

    @Test
    void verificationNamesTheFirstAlteredEvent() throws SQLException {
        long seq = audit.appendIndependently(entry("original text"));
        audit.appendIndependently(entry("after it"));
        if (TestData.postgres()) {
            // The application's role may not change audit events at all.
            try (Connection c = data.connection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_event SET detail = 'x' WHERE seq = " + seq))
                        .isInstanceOf(SQLException.class);
            }
            return;
        }
        try {
            update(seq, "detail", "forged text");
            AuditVerification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(seq);
            assertThat(v.reason()).isEqualTo("altered");
        } finally {
            update(seq, "detail", "original text");
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void verificationNoticesAnEventRemovedFromTheMiddleOrTheEnd() throws SQLException {
        if (TestData.postgres()) {
            try (Connection c = data.connection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_event")).isInstanceOf(SQLException.class);
            }
            return;
        }
        long first = audit.appendIndependently(entry("first"));
        long middle = audit.appendIndependently(entry("middle"));
        long last = audit.appendIndependently(entry("last"));
        Object[] removed = remove(middle);
        try {
            AuditVerification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(last);
            assertThat(v.reason()).isEqualTo("missing");
        } finally {
            restore(removed);
        }
        Object[] tail = remove(last);
        try {
            AuditVerification v = audit.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.reason()).isEqualTo("truncated");
        } finally {
            restore(tail);
        }
        assertThat(audit.verify().intact()).isTrue();
        assertThat(first).isLessThan(middle);
    }

    private void update(long seq, String column, String value) throws SQLException {
        try (Connection c = data.connection();
             PreparedStatement p = c.prepareStatement("UPDATE audit_event SET " + column + " = ? WHERE seq = ?")) {
            p.setString(1, value);
            p.setLong(2, seq);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
    }

    private static final String[] COLUMNS = {"seq", "occurred_at", "actor_kind", "actor_id", "actor_label", "action", "facility_id",
        "target_kind", "target_id", "detail", "source_address", "prev_hash", "hash"};

    private Object[] remove(long seq) throws SQLException {
        Object[] row = new Object[COLUMNS.length];
        try (Connection c = data.connection()) {
            try (PreparedStatement p = c.prepareStatement("SELECT " + String.join(", ", COLUMNS) + " FROM audit_event WHERE seq = ?")) {
                p.setLong(1, seq);
                try (ResultSet rs = p.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    for (int i = 0; i < COLUMNS.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("DELETE FROM audit_event WHERE seq = ?")) {
                p.setLong(1, seq);
                assertThat(p.executeUpdate()).isEqualTo(1);
            }
        }
        return row;
    }

    private void restore(Object[] row) throws SQLException {
        try (Connection c = data.connection();
             PreparedStatement p = c.prepareStatement("INSERT INTO audit_event (" + String.join(", ", COLUMNS) + ") VALUES ("
                     + "?, ".repeat(COLUMNS.length - 1) + "?)")) {
            for (int i = 0; i < row.length; i++) {
                p.setObject(i + 1, row[i]);
            }
            p.executeUpdate();
        }
    }
}
