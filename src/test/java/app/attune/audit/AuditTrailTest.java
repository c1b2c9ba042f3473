package app.attune.audit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.attune.support.Journal;
import app.attune.support.Practitioner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every access to clinical data leaves exactly one audit event, written with the work or not at
 * all; the trail cannot be changed by the application and any change made behind its back is
 * found by verify.
 */
@QuarkusTest
class AuditTrailTest {

    private static final String NOTE = "She said the cancelled session felt like being dropped";

    @Inject
    AgroalDataSource database;

    private final Practitioner therapist = Practitioner.therapist();
    private final Practitioner admin = therapist.colleague("admin");

    @Test
    void everyAccessToClinicalDataLeavesExactlyOneEvent() {
        therapist.id(); // registered on first sight (an event of its own) before the requests counted here
        String clientId = once("CREATE", "CLIENT", "SUCCESS",
                therapist.request().body(Map.of("displayLabel", "Client A")).post("/api/v1/clients")).path("id");
        once("READ", "CLIENT", "SUCCESS", therapist.request().get("/api/v1/clients/{id}", clientId));
        once("LIST", "CLIENT", "SUCCESS", therapist.request().get("/api/v1/clients"));
        String alliance = once("CREATE", "ALLIANCE", "SUCCESS", therapist.request()
                .body(Map.of("clientId", clientId, "startedOn", "2026-09-01")).post("/api/v1/alliances")).path("id");
        once("READ", "ALLIANCE", "SUCCESS", therapist.request().get("/api/v1/alliances/{id}", alliance));
        once("LIST", "ALLIANCE", "SUCCESS", therapist.request().get("/api/v1/alliances"));
        once("UPDATE", "ALLIANCE", "SUCCESS", therapist.request().header("If-Match", "\"0\"")
                .body(Map.of("format", "COUPLE", "participants", List.of("partner-a", "partner-b"))).patch("/api/v1/alliances/{id}", alliance));
        Response session = once("CREATE", "SESSION", "SUCCESS", therapist.request().body(Journal.session("2026-09-03")
                .with("note", NOTE).ruptures(Journal.rupture("WITHDRAWAL", 3, List.of("missed-session"))))
                .post("/api/v1/alliances/{id}/sessions", alliance));
        String sessionId = session.path("id");
        String ruptureId = session.path("ruptures[0].id");
        once("READ", "SESSION", "SUCCESS", therapist.request().get("/api/v1/sessions/{id}", sessionId));
        once("LIST", "SESSION", "SUCCESS", therapist.request().get("/api/v1/alliances/{id}/sessions", alliance));
        once("UPDATE", "SESSION", "SUCCESS", therapist.request().header("If-Match", "\"0\"")
                .body(Map.of("note", NOTE + ", again")).patch("/api/v1/sessions/{id}", sessionId));
        once("CREATE", "RUPTURE", "SUCCESS", therapist.request().body(Journal.rupture("CONFRONTATION", 2, List.of()))
                .post("/api/v1/sessions/{id}/ruptures", sessionId));
        once("READ", "RUPTURE", "SUCCESS", therapist.request().get("/api/v1/ruptures/{id}", ruptureId));
        once("LIST", "RUPTURE", "SUCCESS", therapist.request().get("/api/v1/alliances/{id}/ruptures", alliance));
        once("UPDATE", "RUPTURE", "SUCCESS", therapist.request().header("If-Match", "\"0\"")
                .body(Map.of("significance", 4)).patch("/api/v1/ruptures/{id}", ruptureId));
        once("CREATE", "REPAIR", "SUCCESS", therapist.request().body(Map.of("strategies", List.of("INVITE_DISCUSSION_OF_RUPTURE"),
                "outcome", "RESOLVED", "sessionId", sessionId)).post("/api/v1/ruptures/{id}/repairs", ruptureId));
        Map<String, Object> partnerSrs = new HashMap<>(Journal.srs(8.5));
        partnerSrs.put("participant", "partner-a");
        once("CREATE", "MEASURE", "SUCCESS", therapist.request().body(partnerSrs)
                .post("/api/v1/sessions/{id}/measures", sessionId));
        String etag = therapist.etag("/api/v1/sessions/{id}", sessionId);
        once("SIGN", "SESSION", "SUCCESS", therapist.request().header("If-Match", etag)
                .post("/api/v1/sessions/{id}/sign", sessionId));
        once("CREATE", "ADDENDUM", "SUCCESS", therapist.request().body(Map.of("text", "Addendum"))
                .post("/api/v1/sessions/{id}/addenda", sessionId));
        once("REPORT", "REPORT", "SUCCESS", therapist.request().get("/api/v1/alliances/{id}/report", alliance));
        once("EXPORT", "REPORT", "SUCCESS", therapist.request().accept("text/csv").get("/api/v1/alliances/{id}/report", alliance));
        once("EXPORT", "REPORT", "SUCCESS", therapist.request().accept("image/svg+xml")
                .get("/api/v1/alliances/{id}/report", alliance));
        once("REPORT", "CASELOAD", "SUCCESS", therapist.request().get("/api/v1/reports/caseload"));
        once("EXPORT", "CASELOAD", "SUCCESS", therapist.request().accept("text/csv").get("/api/v1/reports/caseload"));

        // Denied attempts: another therapist's session, a missing one, a role that may not act.
        Practitioner colleague = therapist.colleague("therapist");
        Practitioner supervisor = therapist.colleague("supervisor");
        colleague.id(); // each registered on first sight before its attempts are counted
        supervisor.id();
        once("READ", "SESSION", "DENIED", colleague.request().get("/api/v1/sessions/{id}", sessionId));
        once("READ", "SESSION", "NOT_FOUND", colleague.request().get("/api/v1/sessions/{id}", UUID.randomUUID()));
        once("UPDATE", "SESSION", "DENIED", supervisor.request().header("If-Match", "\"0\"")
                .body(Map.of("note", "x")).patch("/api/v1/sessions/{id}", sessionId));
        once("READ", "ALLIANCE", "DENIED", admin.request().get("/api/v1/alliances/{id}", alliance))
                .then().statusCode(403);

        // Another organization's trail cannot tell its admin that this session exists: NOT_FOUND, as for none.
        Practitioner stranger = Practitioner.therapist();
        String tried = stranger.request().get("/api/v1/sessions/{id}", sessionId).then().statusCode(404)
                .extract().header("X-Request-Id");
        stranger.firstAdmin().request().get("/api/v1/audit-events").then().statusCode(200)
                .body("items.find { it.requestId == '" + tried + "' }.outcome", equalTo("NOT_FOUND"));
    }

    @Test
    void anEventNamesWhoWhatWhenAndFromWhereButHoldsNoClinicalText() {
        String alliance = therapist.createAlliance();
        String requestId = "ehr-trace-" + UUID.randomUUID();
        String session = therapist.request().header("X-Request-Id", requestId).body(Journal.session("2026-09-03")
                .with("note", NOTE)).post("/api/v1/alliances/{id}/sessions", alliance)
                .then().statusCode(201).header("X-Request-Id", requestId).extract().path("id");
        Response events = admin.request().queryParam("alliance", alliance).queryParam("action", "CREATE")
                .get("/api/v1/audit-events");
        // The alliance's own creation, then the session's; newest first.
        events.then().statusCode(200).body("totalItems", equalTo(2))
                .body("items[0].resourceId", equalTo(session))
                .body("items[0].allianceId", equalTo(alliance))
                .body("items[0].actorId", equalTo(therapist.id()))
                .body("items[0].actorRoles", equalTo("therapist"))
                .body("items[0].outcome", equalTo("SUCCESS"))
                .body("items[0].requestId", equalTo(requestId));
        assertNotNull(events.path("items[0].clientAddress"));
        assertNotNull(events.path("items[0].occurredAt"));
        assertFalse(events.asString().contains("dropped"));
        admin.request().queryParam("actor", therapist.id()).queryParam("from", "2026-01-01T00:00:00Z")
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("items.actorId.unique()", org.hamcrest.Matchers.hasSize(1));
        admin.request().queryParam("action", "DROP").get("/api/v1/audit-events").then().statusCode(400);
        therapist.request().get("/api/v1/audit-events").then().statusCode(403);
    }

    @Test
    void aRolledBackRequestLeavesNoneOfItsWorkAndNoEvent() {
        String alliance = therapist.createAlliance();
        long before = events();
        therapist.request().body(Journal.session("2026-09-03").with("note", NOTE)
                .ruptures(Journal.rupture("WITHDRAWAL", 9, List.of())))
                .post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(400);
        // The one event between the two counts is the first count's own reading of the trail.
        assertEquals(before + 1, events());
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("totalItems", equalTo(0));
    }

    @Test
    void theApplicationsDatabaseRoleCannotChangeOrRemoveEvents() throws SQLException {
        therapist.createAlliance();
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            assertThrows(SQLException.class, () -> sql.executeUpdate("update audit_event set action = 'READ'"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("delete from audit_event"));
            assertThrows(SQLException.class, () -> sql.executeUpdate("truncate audit_event"));
        }
        admin.request().get("/api/v1/audit-events/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void verifyFindsTheFirstAlteredEvent() throws SQLException {
        therapist.createAlliance();
        therapist.createAlliance();
        int events = admin.request().get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstFailure", equalTo(null)).extract().path("eventsChecked");
        // The second alliance's creation, the event before the verification's own.
        tamper("update audit_event set actor_roles = 'admin' where organization_id = %s and seq = " + (events - 1), therapist);
        admin.request().get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(false)).body("eventsChecked", equalTo(events - 2))
                .body("firstFailure.seq", equalTo(events - 1)).body("firstFailure.reason", containsString("hash"));
    }

    @Test
    void verifyFindsRemovedEvents() throws SQLException {
        therapist.createAlliance();
        tamper("delete from audit_event where organization_id = %s and seq = 1", therapist);
        admin.request().get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(false)).body("firstFailure.seq", equalTo(2))
                .body("firstFailure.reason", containsString("missing"));

        Practitioner other = Practitioner.therapist();
        Practitioner otherAdmin = other.colleague("admin");
        other.createAlliance();
        int events = otherAdmin.request().get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(true)).extract().path("eventsChecked");
        // The newest event is that verification's own reading.
        tamper("delete from audit_event where organization_id = %s and seq = " + (events + 1), other);
        otherAdmin.request().get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(false)).body("eventsChecked", equalTo(events))
                .body("firstFailure.reason", containsString("newest events are missing"));
    }

    /** Asserts that the request left exactly one event and that it describes the request. */
    private Response once(String action, String type, String outcome, Response response) {
        assertFalse(response.statusCode() >= 500, response.asString());
        String requestId = response.header("X-Request-Id");
        List<Map<String, Object>> events = admin.request().queryParam("size", 100).get("/api/v1/audit-events")
                .then().statusCode(200).extract().path("items.findAll { it.requestId == '" + requestId + "' }");
        assertEquals(1, events.size(), action + " " + type + " left " + events.size() + " events");
        Map<String, Object> event = events.get(0);
        assertEquals(List.of(action, type, outcome), List.of(event.get("action"), event.get("resourceType"),
                event.get("outcome")), response.asString());
        return response;
    }

    private long events() {
        return admin.request().queryParam("size", 1).get("/api/v1/audit-events").then().statusCode(200)
                .extract().jsonPath().getLong("totalItems");
    }

    /** What a database superuser could do behind the service's back: switch the triggers off and edit. */
    private void tamper(String statement, Practitioner ofOrganization) throws SQLException {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("set session_replication_role = replica");
            sql.executeUpdate(statement.formatted("(select organization_id from practitioner where subject = '"
                    + ofOrganization.subject + "')"));
            sql.execute("set session_replication_role = origin");
        }
    }
}
