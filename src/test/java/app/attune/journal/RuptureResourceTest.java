package app.attune.journal;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RuptureResourceTest {

    private final Practitioner therapist = Practitioner.therapist();
    private String alliance;
    private String session;

    @BeforeEach
    void openASession() {
        alliance = therapist.createAlliance();
        session = therapist.createSession(alliance, "2026-09-03");
    }

    @Test
    void markersMustFitTheRuptureType() {
        tag(Map.of("type", "WITHDRAWAL", "markers", List.of("DENIAL", "REJECTS_INTERVENTION"), "significance", 2))
                .statusCode(400).body("errors.field", contains("markers[1]"));
        tag(Map.of("type", "CONFRONTATION", "markers", List.of("COMPLAINT_ABOUT_THERAPIST", "MINIMAL_RESPONSE"), "significance", 2))
                .statusCode(400).body("errors.field", contains("markers[1]"));
        tag(Map.of("type", "MIXED", "markers", List.of("DENIAL", "REJECTS_INTERVENTION"), "significance", 2))
                .statusCode(201).body("markers", contains("DENIAL", "REJECTS_INTERVENTION"));
        tag(Map.of("type", "WITHDRAWAL", "markers", List.of("SULKING"), "significance", 2))
                .statusCode(400).body("errors[0].field", equalTo("markers[0]"));
    }

    @Test
    void ratingsTagsAndMinuteAreChecked() {
        tag(Map.of("type", "WITHDRAWAL", "significance", 6, "therapistContribution", 0, "tags", List.of("Missed Session"),
                "minuteInSession", 55, "dimension", "TRUST"))
                .statusCode(400);
        tag(Map.of("type", "WITHDRAWAL", "significance", 6, "therapistContribution", 0, "tags", List.of("Missed Session"),
                "minuteInSession", 601))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("significance", "therapistContribution", "tags[0]", "minuteInSession"));
        // The session lasted 50 minutes.
        tag(Map.of("type", "WITHDRAWAL", "significance", 2, "minuteInSession", 55)).statusCode(400)
                .body("errors.field", contains("minuteInSession"));
        tag(Map.of("type", "WITHDRAWAL")).statusCode(400).body("errors.field", contains("significance"));
        therapist.request().get("/api/v1/alliances/{id}/ruptures", alliance).then().body("totalItems", equalTo(0));
    }

    @Test
    void aRuptureIsStoredWithDefaultsAndDistinctTags() {
        tag(Map.of("type", "WITHDRAWAL", "markers", List.of("MINIMAL_RESPONSE"), "significance", 3,
                "tags", List.of("cultural", "cultural", "scheduling"), "minuteInSession", 30, "dimension", "TASK",
                "description", "Went quiet after the homework suggestion."))
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("sessionId", equalTo(session))
                .body("allianceId", equalTo(alliance))
                .body("tags", contains("cultural", "scheduling"))
                .body("reportedBy", equalTo("THERAPIST"))
                .body("dimension", equalTo("TASK"))
                .body("therapistContribution", nullValue())
                .body("status", equalTo("OPEN"))
                .body("repairs", hasSize(0));
    }

    @Test
    void statusFollowsRepairsPartialThenFull() {
        String rupture = newRupture();
        String later = therapist.createSession(alliance, "2026-09-10");
        repair(rupture, Map.of("sessionId", session, "strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "UNRESOLVED"))
                .statusCode(201);
        status(rupture, "OPEN");
        repair(rupture, Map.of("performedAt", "2026-09-05T09:30:00Z", "strategies", List.of("OTHER"), "outcome", "PARTIALLY_RESOLVED",
                "description", "Phone call between sessions"))
                .statusCode(201).body("sessionId", nullValue()).body("performedAt", equalTo("2026-09-05T09:30:00Z"));
        status(rupture, "PARTIALLY_RESOLVED");
        repair(rupture, Map.of("sessionId", later, "strategies", List.of("LINK_TO_PATTERNS_WITH_THERAPIST"), "outcome", "RESOLVED",
                "initiatedBy", "CLIENT", "resolutionRating", 5)).statusCode(201);
        therapist.request().get("/api/v1/ruptures/{id}", rupture).then()
                .body("status", equalTo("RESOLVED"))
                .body("repairs.outcome", contains("UNRESOLVED", "PARTIALLY_RESOLVED", "RESOLVED"))
                .body("version", equalTo(2));
    }

    @Test
    void aRepairCannotPrecedeItsRuptureNorLeaveItsAlliance() {
        String laterSession = therapist.createSession(alliance, "2026-09-10");
        String rupture = therapist.request().body(Map.of("type", "WITHDRAWAL", "significance", 2))
                .post("/api/v1/sessions/{id}/ruptures", laterSession).then().statusCode(201).extract().path("id");
        repair(rupture, Map.of("sessionId", session, "strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "RESOLVED"))
                .statusCode(400).body("errors[0].field", equalTo("sessionId"));
        repair(rupture, Map.of("performedAt", "2026-09-09T09:00:00Z", "strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "RESOLVED"))
                .statusCode(400).body("errors[0].field", equalTo("performedAt"));
        repair(rupture, Map.of("performedAt", "2099-01-01T09:00:00Z", "strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "RESOLVED"))
                .statusCode(400).body("errors[0].field", equalTo("performedAt"));
        String otherAlliancesSession = therapist.createSession(therapist.createAlliance(), "2026-09-20");
        repair(rupture, Map.of("sessionId", otherAlliancesSession, "strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "RESOLVED"))
                .statusCode(400).body("errors[0].field", equalTo("sessionId"));
        repair(rupture, Map.of("strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "RESOLVED"))
                .statusCode(400).body("errors[0].field", equalTo("sessionId"));
        repair(rupture, Map.of("sessionId", laterSession, "performedAt", "2026-09-12T09:00:00Z",
                "strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "RESOLVED")).statusCode(400);
        repair(rupture, Map.of("sessionId", laterSession, "strategies", List.of("OTHER"), "outcome", "RESOLVED"))
                .statusCode(400).body("errors[0].field", equalTo("description"));
        repair(rupture, Map.of("ruptureId", rupture, "sessionId", laterSession, "strategies", List.of("PROVIDE_RATIONALE"), "outcome", "RESOLVED"))
                .statusCode(400).body("errors[0].field", equalTo("ruptureId"));
        status(rupture, "OPEN");
        therapist.request().get("/api/v1/ruptures/{id}", rupture).then().body("repairs", hasSize(0));
    }

    @Test
    void closingAnAllianceLeavesItsOpenRupturesUnresolvedAndReopeningRestoresThem() {
        String open = newRupture();
        String partial = newRupture();
        String resolved = newRupture();
        repair(partial, Map.of("sessionId", session, "strategies", List.of("PROVIDE_RATIONALE"), "outcome", "PARTIALLY_RESOLVED")).statusCode(201);
        repair(resolved, Map.of("sessionId", session, "strategies", List.of("PROVIDE_RATIONALE"), "outcome", "RESOLVED")).statusCode(201);

        String etag = therapist.request().header("If-Match", "\"0\"").body(Map.of("status", "CLOSED_UNPLANNED", "endedOn", "2026-09-30"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200).extract().header("ETag");
        status(open, "UNRESOLVED_AT_CLOSE");
        status(partial, "UNRESOLVED_AT_CLOSE");
        status(resolved, "RESOLVED");
        therapist.request().queryParam("status", "UNRESOLVED_AT_CLOSE").get("/api/v1/alliances/{id}/ruptures", alliance)
                .then().body("items.id", containsInAnyOrder(open, partial));
        // A closed alliance takes no new ruptures or repairs.
        tag(Map.of("type", "WITHDRAWAL", "significance", 2)).statusCode(409);
        repair(open, Map.of("sessionId", session, "strategies", List.of("PROVIDE_RATIONALE"), "outcome", "RESOLVED")).statusCode(409);

        therapist.request().header("If-Match", etag).body(Map.of("status", "ACTIVE"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200);
        status(open, "OPEN");
        status(partial, "PARTIALLY_RESOLVED");
        status(resolved, "RESOLVED");
    }

    @Test
    void aRuptureIsCorrectedWithItsETagButItsStatusIsNeverSet() {
        String rupture = newRupture();
        therapist.request().body(Map.of("significance", 2)).patch("/api/v1/ruptures/{id}", rupture).then().statusCode(428);
        therapist.request().header("If-Match", "\"0\"").body(Map.of("status", "RESOLVED"))
                .patch("/api/v1/ruptures/{id}", rupture).then().statusCode(400).body("errors[0].message", equalTo("is read-only"));
        therapist.request().header("If-Match", "\"0\"").body(Map.of("type", "WITHDRAWAL"))
                .patch("/api/v1/ruptures/{id}", rupture).then().statusCode(400).body("errors[0].field", equalTo("markers[0]"));
        therapist.request().header("If-Match", "\"0\"").body(Map.of("type", "MIXED", "tags", List.of("scheduling"), "significance", 2))
                .patch("/api/v1/ruptures/{id}", rupture).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("type", equalTo("MIXED")).body("tags", contains("scheduling")).body("significance", equalTo(2))
                .body("markers", contains("COMPLAINT_ABOUT_PARAMETERS")).body("status", equalTo("OPEN"));
        therapist.request().header("If-Match", "\"0\"").body(Map.of("significance", 5))
                .patch("/api/v1/ruptures/{id}", rupture).then().statusCode(412);
    }

    @Test
    void ruptureListsFilterByStatusTypeAndTag() {
        String a = tag(Map.of("type", "WITHDRAWAL", "significance", 2, "tags", List.of("cultural"))).statusCode(201).extract().path("id");
        String b = newRupture();
        String c = tag(Map.of("type", "MIXED", "significance", 4, "tags", List.of("cultural", "scheduling"))).statusCode(201)
                .extract().path("id");
        repair(c, Map.of("sessionId", session, "strategies", List.of("PROVIDE_RATIONALE"), "outcome", "RESOLVED")).statusCode(201);
        list(Map.of()).body("items.id", contains(a, b, c)).body("totalItems", equalTo(3));
        list(Map.of("tag", "cultural")).body("items.id", contains(a, c));
        list(Map.of("type", "CONFRONTATION")).body("items.id", contains(b));
        list(Map.of("status", "OPEN", "tag", "cultural")).body("items.id", contains(a));
        list(Map.of("size", "1", "page", "2")).body("items.id", contains(c)).body("totalPages", equalTo(3));
        therapist.request().queryParams(Map.of("status", "CLOSED", "type", "ANGRY", "tag", "Bad Tag"))
                .get("/api/v1/alliances/{id}/ruptures", alliance).then().statusCode(400)
                .body("errors.field", containsInAnyOrder("status", "type", "tag"));
    }

    @Test
    void anotherTherapistsRupturesAreNotFound() {
        String rupture = newRupture();
        Practitioner colleague = therapist.colleague("therapist");
        colleague.request().get("/api/v1/ruptures/{id}", rupture).then().statusCode(404);
        colleague.request().get("/api/v1/alliances/{id}/ruptures", alliance).then().statusCode(404);
        colleague.request().header("If-Match", "\"0\"").body(Map.of("significance", 1))
                .patch("/api/v1/ruptures/{id}", rupture).then().statusCode(404);
        colleague.request().body(Map.of("performedAt", "2026-09-05T09:30:00Z", "strategies", List.of("PROVIDE_RATIONALE"), "outcome", "RESOLVED"))
                .post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(404);
        colleague.request().body(Map.of("type", "WITHDRAWAL", "significance", 2))
                .post("/api/v1/sessions/{id}/ruptures", session).then().statusCode(404);
        Practitioner.therapist().request().get("/api/v1/ruptures/{id}", rupture).then().statusCode(404);
        status(rupture, "OPEN");
    }

    private String newRupture() {
        return tag(Map.of("type", "CONFRONTATION", "markers", List.of("COMPLAINT_ABOUT_PARAMETERS"), "significance", 4))
                .statusCode(201).extract().path("id");
    }

    private ValidatableResponse tag(Map<String, Object> rupture) {
        return therapist.request().body(rupture).post("/api/v1/sessions/{id}/ruptures", session).then();
    }

    private ValidatableResponse repair(String rupture, Map<String, Object> repair) {
        return therapist.request().body(repair).post("/api/v1/ruptures/{id}/repairs", rupture).then();
    }

    private ValidatableResponse list(Map<String, String> query) {
        return therapist.request().queryParams(query).get("/api/v1/alliances/{id}/ruptures", alliance).then().statusCode(200);
    }

    private void status(String rupture, String expected) {
        therapist.request().get("/api/v1/ruptures/{id}", rupture).then().statusCode(200).body("status", equalTo(expected));
    }
}
