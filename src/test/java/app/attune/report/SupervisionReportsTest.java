package app.attune.report;

import static app.attune.support.Journal.psq;
import static app.attune.support.Journal.repair;
import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A supervisor's figures across its supervisees, and its review queue, against values computed by
 * hand (default thresholds: SRS cutoff 36, drop 1 point, open limit 21 days).
 */
@QuarkusTest
class SupervisionReportsTest {

    private final Practitioner preLicensed = Practitioner.therapist();
    private final Practitioner admin = preLicensed.firstAdmin();
    private final Practitioner supervisor = preLicensed.colleague("supervisor");
    private final Practitioner licensed = preLicensed.colleague("therapist");
    private final Practitioner otherSupervisor = preLicensed.colleague("supervisor");
    private final Practitioner otherTherapist = preLicensed.colleague("therapist");

    private String preLicensedId;
    private String licensedId;
    private String dropped;
    private String clientReported;
    private String openRuptureSession;
    private String openRupture;

    /**
     * The pre-licensed therapist: a signed session (awaiting co-signature), an SRS drop nobody
     * logged, a PSQ rupture it did not log, and a confrontation left open since February. The
     * licensed one: one session with a withdrawal repaired in it. Another supervisor's therapist: a
     * PSQ rupture it did not log either.
     */
    @BeforeEach
    void journals() {
        preLicensedId = preLicensed.id();
        licensedId = licensed.id();
        supervise(preLicensed, supervisor.id(), false);
        supervise(licensed, supervisor.id(), true);
        supervise(otherTherapist, otherSupervisor.id(), true);

        String a = preLicensed.createAlliance(preLicensed.createClient(), "2026-01-01");
        String signed = preLicensed.postSession(a, session("2026-02-02").measures(srs(9.5))).statusCode(201)
                .extract().path("id");
        preLicensed.request().header("If-Match", preLicensed.etag("/api/v1/sessions/{id}", signed))
                .post("/api/v1/sessions/{id}/sign", signed).then().statusCode(200);
        dropped = preLicensed.postSession(a, session("2026-02-09").measures(srs(8))).statusCode(201).extract().path("id");
        clientReported = preLicensed.postSession(a, session("2026-02-16").measures(srs(9), psq(true))).statusCode(201)
                .extract().path("id");
        var open = preLicensed.postSession(a, session("2026-02-23").ruptures(rupture("CONFRONTATION", 4, List.of())))
                .statusCode(201).extract();
        openRuptureSession = open.path("id");
        openRupture = open.path("ruptures[0].id");

        String b = licensed.createAlliance(licensed.createClient(), "2026-03-01");
        licensed.postSession(b, session("2026-03-02").measures(srs(10))
                .ruptures(rupture("WITHDRAWAL", 2, List.of(), repair("PROVIDE_RATIONALE", "RESOLVED")))).statusCode(201);

        String c = otherTherapist.createAlliance(otherTherapist.createClient(), "2026-01-01");
        otherTherapist.postSession(c, session("2026-02-20").measures(psq(true))).statusCode(201);
    }

    @Test
    void eachSuperviseeHasItsCaseloadsFigures() {
        long openDays = Duration.between(OffsetDateTime.of(2026, 2, 23, 15, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.now(ZoneOffset.UTC)).toDays();
        JsonPath all = supervisor.request().get("/api/v1/reports/supervisees").then().statusCode(200)
                .body("totalItems", equalTo(2)).extract().jsonPath();
        String pre = "items.find { it.superviseeId == '" + preLicensedId + "' }.";
        assertEquals(false, all.getBoolean(pre + "licensed"));
        assertEquals(List.of(1, 1, 4, 4, 1, 0, 1), List.of(all.getInt(pre + "alliances"), all.getInt(pre + "alliancesAtRisk"),
                all.getInt(pre + "sessions"), all.getInt(pre + "sessionsAttended"), all.getInt(pre + "ruptures"),
                all.getInt(pre + "resolved"), all.getInt(pre + "openRuptures")));
        assertEquals(0.25f, all.getFloat(pre + "ruptureRate"));
        assertEquals(0.0f, all.getFloat(pre + "resolutionRate"));
        assertNull(all.get(pre + "medianSessionsToRepair"));
        assertEquals(openDays, all.getLong(pre + "oldestOpenRuptureDays"));
        assertEquals(35.33f, all.getFloat(pre + "meanSrs"));
        assertEquals(0.333f, all.getFloat(pre + "shareBelowSrsCutoff"));
        assertEquals(1, all.getInt(pre + "cosignature.awaiting"));
        assertEquals(0, all.getInt(pre + "cosignature.oldestDays"));

        String lic = "items.find { it.superviseeId == '" + licensedId + "' }.";
        assertEquals(List.of(1, 0, 1, 1, 1, 0), List.of(all.getInt(lic + "alliances"), all.getInt(lic + "alliancesAtRisk"),
                all.getInt(lic + "sessions"), all.getInt(lic + "ruptures"), all.getInt(lic + "resolved"),
                all.getInt(lic + "openRuptures")));
        assertEquals(1.0f, all.getFloat(lic + "resolutionRate"));
        assertEquals(0.0f, all.getFloat(lic + "medianSessionsToRepair"));
        assertEquals(0.0f, all.getFloat(lic + "medianDaysToRepair"));
        assertEquals(40.0f, all.getFloat(lic + "meanSrs"));
        assertNull(all.get(lic + "oldestOpenRuptureDays"));
        assertNull(all.get(lic + "cosignature.oldestDays"));

        // In February's second half: two of the pre-licensed therapist's sessions, its open rupture aged as of
        // the range's end; the licensed therapist's alliance had not started.
        JsonPath range = supervisor.request().queryParam("from", "2026-02-10").queryParam("to", "2026-02-28")
                .get("/api/v1/reports/supervisees").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(2, 1, 1), List.of(range.getInt(pre + "sessions"), range.getInt(pre + "ruptures"),
                range.getInt(pre + "openRuptures")));
        assertEquals(0.5f, range.getFloat(pre + "ruptureRate"));
        assertEquals(36.0f, range.getFloat(pre + "meanSrs"));
        assertEquals(0.0f, range.getFloat(pre + "shareBelowSrsCutoff"));
        assertEquals(5, range.getInt(pre + "oldestOpenRuptureDays"));
        assertEquals(List.of(0, 0), List.of(range.getInt(lic + "alliances"), range.getInt(lic + "sessions")));
        assertNull(range.get(lic + "ruptureRate"));
        assertNull(range.get(lic + "meanSrs"));

        // The CSV carries the same figures, a row per supervisee.
        String csv = supervisor.request().accept("text/csv").get("/api/v1/reports/supervisees").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<CSVRecord> rows = parse(csv);
        assertEquals(2, rows.size());
        CSVRecord row = rows.stream().filter(r -> r.get("superviseeId").equals(preLicensedId)).findFirst().orElseThrow();
        assertEquals(List.of("false", "1", "1", "4", "0.250", "1", "35.33", "0.333", "1", "0"),
                List.of(row.get("licensed"), row.get("alliances"), row.get("alliancesAtRisk"), row.get("sessions"),
                        row.get("ruptureRate"), row.get("openRuptures"), row.get("meanSrs"), row.get("shareBelowSrsCutoff"),
                        row.get("awaitingCosign"), row.get("oldestAwaitingCosignDays")));

        // Another supervisor sees only its own supervisee.
        otherSupervisor.request().get("/api/v1/reports/supervisees").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].sessions", equalTo(1));
        // Paged by name.
        supervisor.request().queryParam("size", 1).queryParam("page", 1).get("/api/v1/reports/supervisees").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("totalItems", equalTo(2)).body("totalPages", equalTo(2));
    }

    @Test
    void theReviewQueueListsWhatTheTherapistsMayHaveMissedNewestFirst() {
        supervisor.request().get("/api/v1/reports/review-queue").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.reason", contains("OPEN_RUPTURE_OVER_LIMIT", "CLIENT_REPORTED_UNLOGGED", "SRS_DROP_UNLOGGED"))
                .body("items.sessionId", contains(openRuptureSession, clientReported, dropped))
                .body("items.sessionNumber", contains(4, 3, 2))
                .body("items.therapistId", contains(preLicensedId, preLicensedId, preLicensedId))
                .body("items[0].ruptureId", equalTo(openRupture))
                .body("items[1].ruptureId", nullValue()).body("items[1].daysOpen", nullValue())
                .body("items[1].occurredAt", equalTo("2026-02-16T15:00:00Z"));

        supervisor.request().queryParam("reason", "SRS_DROP_UNLOGGED").get("/api/v1/reports/review-queue").then()
                .statusCode(200).body("totalItems", equalTo(1)).body("items.sessionId", contains(dropped));
        supervisor.request().queryParam("size", 2).queryParam("page", 1).get("/api/v1/reports/review-queue").then()
                .statusCode(200).body("items.sessionId", contains(dropped)).body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));
        supervisor.request().queryParam("page", 5).get("/api/v1/reports/review-queue").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("totalItems", equalTo(3));
        supervisor.request().queryParam("from", "2026-02-10").queryParam("to", "2026-02-20")
                .get("/api/v1/reports/review-queue").then().statusCode(200).body("items.sessionId", contains(clientReported));
        otherSupervisor.request().get("/api/v1/reports/review-queue").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].reason", equalTo("CLIENT_REPORTED_UNLOGGED"));

        // Both reads are in the trail.
        admin.request().queryParam("actor", supervisor.id()).queryParam("action", "REPORT").get("/api/v1/audit-events")
                .then().statusCode(200).body("items.resourceType", hasItems("REVIEW_QUEUE"));
    }

    @Test
    void onlyASupervisorReadsThemAndBadInputIsRefused() {
        for (Practitioner caller : List.of(preLicensed, admin, preLicensed.colleague("integration"))) {
            caller.request().get("/api/v1/reports/supervisees").then().statusCode(403);
            caller.request().get("/api/v1/reports/review-queue").then().statusCode(403);
        }
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("reason", "FORGOTTEN"), Map.<String, Object>of("size", 0),
                Map.<String, Object>of("from", "2026-03-01", "to", "2026-02-01"), Map.<String, Object>of("from", "yesterday"),
                Map.<String, Object>of("from", "2020-01-01", "to", "2026-01-01"))) {
            supervisor.request().queryParams(bad).get("/api/v1/reports/review-queue").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        supervisor.request().queryParam("page", -1).get("/api/v1/reports/supervisees").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private void supervise(Practitioner supervisee, String supervisorId, boolean isLicensed) {
        String id = supervisee.id();
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", id))
                .body(Map.of("supervisorId", supervisorId, "licensed", isLicensed)).patch("/api/v1/practitioners/{id}", id)
                .then().statusCode(200);
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                    .getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
