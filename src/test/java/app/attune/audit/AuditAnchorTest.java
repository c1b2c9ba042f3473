package app.attune.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.attune.support.Practitioner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The keyed, anchored chain: each event's hash is an HMAC under a key the database does not hold,
 * and a checkpoint kept outside Attune catches what the keys alone cannot, a history rewritten
 * by someone who also holds the key, or cut back to an earlier state.
 */
@QuarkusTest
class AuditAnchorTest {

    private static final AuditKeys.Key DEV_KEY = AuditKeys.read(Path.of("src/test/resources/dev-audit-keys")).get("dev-2026");

    @Inject
    AgroalDataSource database;

    private final Practitioner therapist = Practitioner.therapist();
    private final Practitioner admin = therapist.firstAdmin();

    @Test
    void everyEventNamesTheKeyItsHashIsKeyedWith() {
        therapist.createAlliance();
        admin.request().get("/api/v1/audit-events").then().statusCode(200)
                .body("items.keyId", everyItem(equalTo("dev-2026")));
        admin.request().get("/api/v1/audit-events/verify").then().statusCode(200).body("intact", equalTo(true))
                .body("checkpointSeq", equalTo(null));
    }

    @Test
    void aCheckpointIsTheSignedHeadAndOnlyItsOwnOrganizationsUntouchedOneIsAccepted() {
        therapist.createAlliance();
        Map<String, Object> checkpoint = admin.request().get("/api/v1/audit-events/checkpoint").then().statusCode(200)
                .body("keyId", equalTo("dev-2026")).extract().as(Map.class);
        int seq = (Integer) checkpoint.get("seq");
        // The head it names is the newest event before the checkpoint's own reading.
        admin.request().queryParam("size", 1).get("/api/v1/audit-events").then()
                .body("items[0].seq", equalTo(seq + 1)).body("items[0].action", equalTo("READ"))
                .body("items[0].resourceType", equalTo("AUDIT_TRAIL"));
        admin.request().body(checkpoint).post("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("checkpointSeq", equalTo(seq));

        for (Function<Map<String, Object>, Map<String, Object>> forgery : List.<Function<Map<String, Object>, Map<String, Object>>>of(
                c -> with(c, "seq", seq + 5), c -> with(c, "hash", "0".repeat(64)), c -> with(c, "issuedAt", "2026-01-01T00:00:00Z"),
                c -> with(c, "signature", "f".repeat(64)), c -> with(c, "keyId", "retired-long-ago"))) {
            admin.request().body(forgery.apply(checkpoint)).post("/api/v1/audit-events/verify").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        admin.request().body(with(checkpoint, "seq", null)).post("/api/v1/audit-events/verify").then().statusCode(400);
        admin.request().body(Map.of()).post("/api/v1/audit-events/verify").then().statusCode(400);

        // Another organization's checkpoint, genuine as it is, says nothing about this trail.
        Practitioner stranger = Practitioner.therapist();
        stranger.createAlliance();
        Map<String, Object> theirs = stranger.firstAdmin().request().get("/api/v1/audit-events/checkpoint").then()
                .statusCode(200).extract().as(Map.class);
        admin.request().body(theirs).post("/api/v1/audit-events/verify").then().statusCode(400)
                .body("errors[0].field", equalTo("organizationId"));
        therapist.request().get("/api/v1/audit-events/checkpoint").then().statusCode(403);
        therapist.request().body(checkpoint).post("/api/v1/audit-events/verify").then().statusCode(403);
    }

    @Test
    void aHistoryRewrittenWithTheDatabaseOwnersRightsIsFound() throws SQLException {
        // Recomputed as plain SHA-256, or as an HMAC under a key that is not the service's: the keys alone catch it.
        for (Function<AuditEvent, String[]> forger : List.<Function<AuditEvent, String[]>>of(
                event -> new String[] {null, AuditHash.unkeyed(event)},
                event -> new String[] {"dev-2026", AuditHash.keyed(event, randomKey("dev-2026"))})) {
            Practitioner therapist = Practitioner.therapist();
            Practitioner admin = therapist.firstAdmin();
            Map<String, Object> kept = historyWithCheckpoint(therapist, admin);
            long altered = ((Integer) kept.get("seq")) - 1;
            rewrite(therapist, altered, forger);
            admin.request().get("/api/v1/audit-events/verify").then().statusCode(200).body("intact", equalTo(false))
                    .body("firstFailure.seq", equalTo((int) altered));
            admin.request().body(kept).post("/api/v1/audit-events/verify").then().statusCode(200)
                    .body("intact", equalTo(false)).body("firstFailure.seq", equalTo((int) altered));
        }

        // Recomputed with the service's own key, as whoever stole it could: only the kept checkpoint catches it.
        Map<String, Object> kept = historyWithCheckpoint(therapist, admin);
        int checkpointSeq = (Integer) kept.get("seq");
        rewrite(therapist, checkpointSeq - 1, event -> new String[] {"dev-2026", AuditHash.keyed(event, DEV_KEY)});
        admin.request().get("/api/v1/audit-events/verify").then().statusCode(200).body("intact", equalTo(true));
        admin.request().body(kept).post("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(false)).body("checkpointSeq", equalTo(checkpointSeq))
                .body("firstFailure.seq", equalTo(checkpointSeq)).body("firstFailure.reason", containsString("rewritten"));
    }

    @Test
    void aTrailCutBackBelowAKeptCheckpointIsFound() throws SQLException {
        Map<String, Object> kept = historyWithCheckpoint(therapist, admin);
        int checkpointSeq = (Integer) kept.get("seq");
        long keep = checkpointSeq - 2;
        // Every event after `keep` removed and the head set back to it: a consistent, shorter chain.
        tamper(therapist, "delete from audit_event where organization_id = %1$s and seq > " + keep,
                "update audit_chain set last_seq = " + keep + ", last_hash = (select hash from audit_event "
                        + "where organization_id = %1$s and seq = " + keep + ") where organization_id = %1$s");
        int checked = admin.request().get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(true)).extract().path("eventsChecked");
        assertEquals(keep, checked);
        admin.request().body(kept).post("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstFailure.reason", containsString("kept checkpoint covers are missing"));
    }

    /** A few events, a checkpoint taken and kept, and more events after it. */
    private static Map<String, Object> historyWithCheckpoint(Practitioner therapist, Practitioner admin) {
        therapist.createAlliance();
        therapist.createAlliance();
        Map<String, Object> kept = admin.request().get("/api/v1/audit-events/checkpoint").then().statusCode(200)
                .extract().as(Map.class);
        therapist.createAlliance();
        return kept;
    }

    /**
     * What the database's owner could do behind the service's back: switch the triggers off, change
     * one event, and recompute its hash and every later one (chained) with the given forger, which
     * answers a key id and a hash; the chain's head follows.
     */
    private void rewrite(Practitioner ofOrganization, long fromSeq, Function<AuditEvent, String[]> forger) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set session_replication_role = replica");
            UUID org = organizationOf(connection, ofOrganization);
            List<AuditEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    select seq, id, occurred_at, actor_id, actor_roles, action, resource_type, resource_id, alliance_id,
                           outcome, request_id, client_address, prev_hash from audit_event
                    where organization_id = ? and seq >= ? order by seq""")) {
                select.setObject(1, org);
                select.setLong(2, fromSeq);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        AuditEvent event = new AuditEvent();
                        event.organizationId = org;
                        event.seq = rows.getLong(1);
                        event.id = rows.getObject(2, UUID.class);
                        event.occurredAt = rows.getObject(3, OffsetDateTime.class);
                        event.actorId = rows.getObject(4, UUID.class);
                        event.actorRoles = rows.getString(5);
                        event.action = AuditAction.valueOf(rows.getString(6));
                        event.resourceType = AuditedType.valueOf(rows.getString(7));
                        event.resourceId = rows.getObject(8, UUID.class);
                        event.allianceId = rows.getObject(9, UUID.class);
                        event.outcome = AuditOutcome.valueOf(rows.getString(10));
                        event.requestId = rows.getString(11);
                        event.clientAddress = rows.getString(12);
                        event.prevHash = rows.getString(13);
                        events.add(event);
                    }
                }
            }
            events.get(0).actorRoles = "admin"; // the change the rewrite hides
            String previous = events.get(0).prevHash;
            try (PreparedStatement update = connection.prepareStatement(
                    "update audit_event set actor_roles = ?, prev_hash = ?, hash = ?, key_id = ? where organization_id = ? and seq = ?")) {
                for (AuditEvent event : events) {
                    event.prevHash = previous;
                    String[] forged = forger.apply(event);
                    update.setString(1, event.actorRoles);
                    update.setString(2, event.prevHash);
                    update.setString(3, forged[1]);
                    update.setString(4, forged[0]);
                    update.setObject(5, org);
                    update.setLong(6, event.seq);
                    update.executeUpdate();
                    previous = forged[1];
                }
            }
            try (PreparedStatement head = connection.prepareStatement("update audit_chain set last_hash = ? where organization_id = ?")) {
                head.setString(1, previous);
                head.setObject(2, org);
                head.executeUpdate();
            }
            sql.execute("set session_replication_role = origin");
        }
    }

    private void tamper(Practitioner ofOrganization, String... statements) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set session_replication_role = replica");
            String org = "'" + organizationOf(connection, ofOrganization) + "'::uuid";
            for (String statement : statements) {
                sql.executeUpdate(statement.formatted(org));
            }
            sql.execute("set session_replication_role = origin");
        }
    }

    private static UUID organizationOf(Connection connection, Practitioner practitioner) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select organization_id from practitioner where subject = ?")) {
            select.setString(1, practitioner.subject);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private static AuditKeys.Key randomKey(String id) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new AuditKeys.Key(id, new SecretKeySpec(secret, "HmacSHA256"));
    }

    private static Map<String, Object> with(Map<String, Object> checkpoint, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(checkpoint);
        changed.put(field, value);
        return changed;
    }
}
