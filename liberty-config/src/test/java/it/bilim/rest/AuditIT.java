package it.bilim.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Privileged actions land in a hash-chained audit log that shows tampering and that the application cannot rewrite. */
class AuditIT {

    @Test
    void privilegedActionsAreAuditedWithWhoWhatWhenAndWhere() {
        World w = World.create();
        World.Learner l = w.learner("ru");
        w.officer().post("/api/staff/learners/" + l.id() + "/pin-reset", null);
        JsonNode events = w.officer().get("/api/staff/audit?size=20").json().get("items");
        JsonNode reset = null;
        for (JsonNode e : events) {
            if (e.get("action").asText().equals("learner.pin-reset")) {
                reset = e;
                break;
            }
        }
        assertThat(reset).as(events.toString()).isNotNull();
        assertThat(reset.get("actor").asText()).isEqualTo(w.officerUsername);
        assertThat(reset.get("actorKind").asText()).isEqualTo("STAFF");
        assertThat(reset.get("facilityId").asLong()).isEqualTo(w.facilityId);
        assertThat(reset.get("targetId").asLong()).isEqualTo(l.id());
        assertThat(reset.get("sourceAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(reset.get("occurredAt").asText()).isNotBlank();
        assertThat(events.findValues("action")).extracting(JsonNode::asText)
                .contains("learner.created", "staff.created", "address-range.added", "classroom.created");
    }

    @Test
    void anOfficerSeesOnlyTheirFacilitysEvents() {
        World a = World.create();
        World b = World.create();
        b.learner("kk");
        JsonNode mine = a.officer().get("/api/staff/audit?size=200").json().get("items");
        assertThat(mine.findValues("facilityId")).extracting(JsonNode::asLong).containsOnly(a.facilityId);
    }

    @Test
    void theChainVerifies() {
        World w = World.create();
        w.learner("en");
        JsonNode v = w.officer().get("/api/staff/audit/verification").json();
        assertThat(v.get("intact").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.get("checked").asLong()).isPositive();
    }

    /** PostgreSQL: the application's role can read and append audit events, never change or remove them. */
    @Test
    void theApplicationRoleCannotChangeOrDeleteAuditEvents() throws SQLException {
        assumeTrue(ItServer.postgres(), "grants exist on PostgreSQL only");
        World.create();
        try (Connection app = DriverManager.getConnection(ItServer.property("bilim.it.pg.url"), ItServer.property("bilim.it.pg.app.user"), "")) {
            try (Statement s = app.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM audit_event")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            }
            assertThatThrownBy(() -> app.createStatement().executeUpdate("UPDATE audit_event SET detail = 'rewritten'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.createStatement().executeUpdate("DELETE FROM audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.createStatement().executeUpdate("TRUNCATE audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        try (Connection owner = DriverManager.getConnection(ItServer.property("bilim.it.pg.url"), ItServer.property("bilim.it.pg.owner.user"), "")) {
            assertThatThrownBy(() -> owner.createStatement().executeUpdate("DELETE FROM audit_event"))
                    .as("even the schema owner meets the append-only trigger")
                    .isInstanceOf(SQLException.class);
        }
    }

    /**
     * PostgreSQL: a database administrator who goes around every guard and edits a row is found out
     * by verification, which names the event. The row is put back afterwards, so the chain is whole
     * again for other tests.
     */
    @Test
    void verificationFindsAnEventEditedBehindBilimsBack() throws SQLException {
        assumeTrue(ItServer.postgres(), "this test edits the database directly; on H2 the in-container test does it");
        World w = World.create();
        World.Learner l = w.learner("ru");
        long seq = w.officer().get("/api/staff/audit?size=1").json().get("items").get(0).get("seq").asLong();
        try (Connection dba = DriverManager.getConnection(ItServer.property("bilim.it.pg.url"), ItServer.property("bilim.it.pg.admin.user"), "")) {
            String original;
            try (PreparedStatement read = dba.prepareStatement("SELECT detail FROM audit_event WHERE seq = ?")) {
                read.setLong(1, seq);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    original = rs.getString(1);
                }
            }
            try {
                tamper(dba, seq, "learner " + l.number() + " (nothing happened here)");
                JsonNode v = w.officer().get("/api/staff/audit/verification").json();
                assertThat(v.get("intact").asBoolean()).isFalse();
                assertThat(v.get("firstBrokenSeq").asLong()).isEqualTo(seq);
                assertThat(v.get("reason").asText()).isEqualTo("altered");
            } finally {
                tamper(dba, seq, original);
            }
            assertThat(w.officer().get("/api/staff/audit/verification").json().get("intact").asBoolean()).isTrue();
        }
    }

    private static void tamper(Connection dba, long seq, String detail) throws SQLException {
        try (Statement s = dba.createStatement()) {
            s.execute("SET session_replication_role = replica");
        }
        try (PreparedStatement p = dba.prepareStatement("UPDATE audit_event SET detail = ? WHERE seq = ?")) {
            p.setString(1, detail);
            p.setLong(2, seq);
            assertThat(p.executeUpdate()).isEqualTo(1);
        }
        try (Statement s = dba.createStatement()) {
            s.execute("SET session_replication_role = origin");
        }
    }

    @Test
    void auditEntriesCannotBeWrittenThroughTheApi() {
        World w = World.create();
        assertThat(w.adminApi().send("PUT", "/api/staff/audit", "application/json", "{}").status()).isEqualTo(405);
        assertThat(w.adminApi().send("DELETE", "/api/staff/audit", null, null).status()).isEqualTo(405);
        assertThat(Api.client().get("/api/staff/audit").status()).isEqualTo(401);
    }
}
