package app.attune.journal;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionResourceTest {

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void sessionsAreNumberedPerAllianceAndListedInOrder() {
        String alliance = therapist.createAlliance();
        String other = therapist.createAlliance();
        String s1 = therapist.createSession(alliance, "2026-09-03");
        String s2 = therapist.createSession(alliance, "2026-09-10");
        therapist.createSession(other, "2026-09-11");
        String s3 = therapist.createSession(alliance, "2026-09-17");

        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(200)
                .body("items.id", contains(s1, s2, s3))
                .body("items.number", contains(1, 2, 3))
                .body("totalItems", equalTo(3));
        therapist.request().queryParam("size", 2).queryParam("page", 1).get("/api/v1/alliances/{id}/sessions", alliance)
                .then().statusCode(200).body("items.number", contains(3)).body("totalPages", equalTo(2));
        therapist.request().get("/api/v1/alliances/{id}/sessions", other).then().body("items.number", contains(1));
    }

    @Test
    void aSessionIsReadBackWhole() {
        String alliance = therapist.createAlliance();
        String session = therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T17:00:00+02:00",
                "durationMinutes", 50, "mode", "VIDEO", "attendance", "ATTENDED", "note", "We talked about work."))
                .statusCode(201).header("ETag", equalTo("\"0\"")).extract().path("id");
        therapist.request().get("/api/v1/sessions/{id}", session).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("allianceId", equalTo(alliance))
                .body("occurredAt", equalTo("2026-09-03T15:00:00Z"))
                .body("durationMinutes", equalTo(50))
                .body("mode", equalTo("VIDEO"))
                .body("attendance", equalTo("ATTENDED"))
                .body("note", equalTo("We talked about work."))
                .body("status", equalTo("DRAFT"))
                .body("signedAt", nullValue())
                .body("addenda", empty()).body("measures", empty()).body("ruptures", empty()).body("repairs", empty());
    }

    @Test
    void aFinishedSessionIsPostedWithEverythingInItAtomically() {
        String alliance = therapist.createAlliance();
        String earlier = therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "attendance", "ATTENDED",
                "ruptures", List.of(Map.of("type", "WITHDRAWAL", "markers", List.of("MINIMAL_RESPONSE"), "significance", 2))))
                .statusCode(201).extract().path("ruptures[0].id");
        Map<String, Object> finished = Map.of("occurredAt", "2026-09-10T15:00:00Z", "durationMinutes", 50, "attendance", "ATTENDED",
                "note", "Session note", "measures", List.of(srs(9.0), Map.of("instrument", "ORS", "timing", "PRE_SESSION",
                        "items", Map.of("INDIVIDUAL", 5.5, "INTERPERSONAL", 6, "SOCIAL", 4.5, "OVERALL", 5))),
                "ruptures", List.of(Map.of("type", "CONFRONTATION", "markers", List.of("COMPLAINT_ABOUT_ACTIVITIES"),
                        "significance", 3, "minuteInSession", 20, "repairs", List.of(Map.of(
                                "strategies", List.of("PROVIDE_RATIONALE"), "outcome", "PARTIALLY_RESOLVED")))),
                "repairs", List.of(Map.of("ruptureId", earlier, "strategies", List.of("INVITE_DISCUSSION_OF_RUPTURE"),
                        "initiatedBy", "CLIENT", "outcome", "RESOLVED", "resolutionRating", 5)));
        therapist.postSession(alliance, finished).statusCode(201)
                .body("number", equalTo(2))
                .body("measures.instrument", containsInAnyOrder("SRS", "ORS"))
                .body("measures.find { it.instrument == 'ORS' }.total", equalTo(21.0f))
                .body("ruptures", hasSize(1))
                .body("ruptures[0].status", equalTo("PARTIALLY_RESOLVED"))
                .body("ruptures[0].repairs[0].performedAt", equalTo("2026-09-10T15:00:00Z"))
                .body("repairs.ruptureId", hasItem(earlier))
                .body("repairs", hasSize(2));
        therapist.request().get("/api/v1/ruptures/{id}", earlier).then().body("status", equalTo("RESOLVED"))
                .body("repairs[0].initiatedBy", equalTo("CLIENT"));
    }

    @Test
    void oneBadPartRefusesTheWholeSessionAndNamesEveryProblem() {
        String alliance = therapist.createAlliance();
        Map<String, Object> broken = Map.of("occurredAt", "2026-09-10T15:00:00Z", "durationMinutes", 30, "attendance", "ATTENDED",
                "measures", List.of(Map.of("instrument", "SRS", "timing", "POST_SESSION",
                        "items", Map.of("RELATIONSHIP", 11, "GOALS_AND_TOPICS", 9, "APPROACH", 9))),
                "ruptures", List.of(Map.of("type", "WITHDRAWAL", "markers", List.of("REJECTS_INTERVENTION"),
                        "significance", 3, "minuteInSession", 40)),
                "repairs", List.of(Map.of("strategies", List.of("OTHER"), "outcome", "RESOLVED")));
        therapist.postSession(alliance, broken).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("measures[0].items.RELATIONSHIP", "measures[0].items.OVERALL",
                        "ruptures[0].markers[0]", "ruptures[0].minuteInSession", "repairs[0].ruptureId",
                        "repairs[0].description"));
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("totalItems", equalTo(0));
        // Nothing was consumed either: the next session is still number 1.
        therapist.postSession(alliance, Map.of("occurredAt", "2026-09-10T15:00:00Z", "attendance", "ATTENDED"))
                .statusCode(201).body("number", equalTo(1));
    }

    @Test
    void aSessionCannotPrecedeItsAlliance() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-09-01");
        therapist.postSession(alliance, Map.of("occurredAt", "2026-08-30T10:00:00Z", "attendance", "ATTENDED"))
                .statusCode(400).body("errors[0].field", equalTo("occurredAt"));
    }

    @Test
    void aDraftChangesUntilSignedThenOnlyAddendaAreAdded() {
        String alliance = therapist.createAlliance();
        String session = therapist.createSession(alliance, "2026-09-03");
        therapist.request().header("If-Match", "\"0\"").body(Map.of("note", "First draft", "durationMinutes", 45))
                .patch("/api/v1/sessions/{id}", session).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("note", equalTo("First draft")).body("durationMinutes", equalTo(45))
                .body("mode", equalTo("IN_PERSON"));
        therapist.request().header("If-Match", "\"1\"").contentType("application/merge-patch+json").body("{\"mode\": null}")
                .patch("/api/v1/sessions/{id}", session).then().statusCode(200).body("mode", nullValue());
        therapist.request().body(Map.of("text", "Too early")).post("/api/v1/sessions/{id}/addenda", session)
                .then().statusCode(409);

        therapist.request().post("/api/v1/sessions/{id}/sign", session).then().statusCode(428);
        therapist.request().header("If-Match", "\"1\"").post("/api/v1/sessions/{id}/sign", session).then().statusCode(412);
        therapist.request().header("If-Match", "\"2\"").post("/api/v1/sessions/{id}/sign", session).then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("signedAt", notNullValue()).header("ETag", equalTo("\"3\""));
        therapist.request().header("If-Match", "\"3\"").post("/api/v1/sessions/{id}/sign", session).then().statusCode(409);

        therapist.request().header("If-Match", "\"3\"").body(Map.of("note", "Rewritten"))
                .patch("/api/v1/sessions/{id}", session).then().statusCode(409);
        therapist.request().body(Map.of("text", "Correction: 40 minutes.")).post("/api/v1/sessions/{id}/addenda", session)
                .then().statusCode(201).body("text", equalTo("Correction: 40 minutes.")).body("writtenAt", notNullValue())
                .body("authorId", notNullValue());
        therapist.request().body(Map.of("text", "  ")).post("/api/v1/sessions/{id}/addenda", session)
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        therapist.request().get("/api/v1/sessions/{id}", session).then()
                .body("note", equalTo("First draft"))
                .body("addenda.text", contains("Correction: 40 minutes."));
    }

    @Test
    void aSignedSessionTakesNoNewRupturesMeasuresOrRetagging() {
        String alliance = therapist.createAlliance();
        String session = therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "attendance", "ATTENDED",
                "ruptures", List.of(Map.of("type", "WITHDRAWAL", "significance", 2)))).statusCode(201).extract().path("id");
        String rupture = therapist.request().get("/api/v1/sessions/{id}", session).then().extract().path("ruptures[0].id");
        therapist.request().header("If-Match", "*").post("/api/v1/sessions/{id}/sign", session).then().statusCode(200);
        therapist.request().body(Map.of("type", "WITHDRAWAL", "significance", 2))
                .post("/api/v1/sessions/{id}/ruptures", session).then().statusCode(409);
        therapist.request().body(srs(9)).post("/api/v1/sessions/{id}/measures", session).then().statusCode(409);
        therapist.request().header("If-Match", "*").body(Map.of("significance", 5))
                .patch("/api/v1/ruptures/{id}", rupture).then().statusCode(409);
        // Its ruptures can still be repaired later: a repair is the later session's record.
        String next = therapist.createSession(alliance, "2026-09-10");
        therapist.request().body(Map.of("sessionId", next, "strategies", List.of("PROVIDE_RATIONALE"), "outcome", "RESOLVED"))
                .post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(201);
        therapist.request().get("/api/v1/sessions/{id}", session).then()
                .body("ruptures", hasSize(1)).body("measures", hasSize(0)).body("ruptures[0].significance", equalTo(2))
                .body("ruptures[0].status", equalTo("RESOLVED"));
    }

    @Test
    void movingASessionKeepsItsRupturesAndRepairsInOrder() {
        String alliance = therapist.createAlliance();
        String first = therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "durationMinutes", 50,
                "attendance", "ATTENDED", "ruptures", List.of(Map.of("type", "WITHDRAWAL", "significance", 2,
                        "minuteInSession", 40)))).statusCode(201).extract().path("id");
        String rupture = therapist.request().get("/api/v1/sessions/{id}", first).then().extract().path("ruptures[0].id");
        String second = therapist.createSession(alliance, "2026-09-10");
        therapist.request().body(Map.of("sessionId", second, "strategies", List.of("PROVIDE_RATIONALE"), "outcome", "RESOLVED"))
                .post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(201);

        therapist.request().header("If-Match", "*").body(Map.of("durationMinutes", 30))
                .patch("/api/v1/sessions/{id}", first).then().statusCode(400).body("errors[0].field", equalTo("durationMinutes"));
        therapist.request().header("If-Match", "*").body(Map.of("occurredAt", "2026-09-12T15:00:00Z"))
                .patch("/api/v1/sessions/{id}", first).then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
        therapist.request().header("If-Match", "*").body(Map.of("occurredAt", "2026-09-01T15:00:00Z"))
                .patch("/api/v1/sessions/{id}", second).then().statusCode(400).body("errors[0].field", equalTo("occurredAt"));
        // Moving the repairing session later moves its repair with it.
        therapist.request().header("If-Match", "*").body(Map.of("occurredAt", "2026-09-11T10:00:00Z"))
                .patch("/api/v1/sessions/{id}", second).then().statusCode(200);
        therapist.request().get("/api/v1/ruptures/{id}", rupture).then()
                .body("repairs[0].performedAt", equalTo("2026-09-11T10:00:00Z"));
    }

    @Test
    void readOnlyFieldsOfASessionCannotBeSet() {
        String alliance = therapist.createAlliance();
        therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "attendance", "ATTENDED", "number", 7))
                .statusCode(400).body("errors[0].field", equalTo("number")).body("errors[0].message", equalTo("is read-only"));
        therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "attendance", "ATTENDED", "status", "SIGNED"))
                .statusCode(400).body("errors[0].field", equalTo("status"));
        String session = therapist.createSession(alliance, "2026-09-03");
        for (String field : List.of("status", "signedAt", "number", "allianceId", "version", "id")) {
            therapist.request().header("If-Match", "\"0\"").body(Map.of(field, "2026-09-03T15:00:00Z"))
                    .patch("/api/v1/sessions/{id}", session).then().statusCode(400)
                    .body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo("is read-only"));
        }
        therapist.request().get("/api/v1/sessions/{id}", session).then().body("status", equalTo("DRAFT")).body("version", equalTo(0));
    }

    @Test
    void anotherTherapistsSessionIsNotFoundEvenThroughItsAlliance() {
        String alliance = therapist.createAlliance();
        String session = therapist.createSession(alliance, "2026-09-03");
        Practitioner colleague = therapist.colleague("therapist");
        colleague.request().get("/api/v1/sessions/{id}", session).then().statusCode(404);
        colleague.request().get("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(404);
        colleague.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "attendance", "ATTENDED")).statusCode(404);
        colleague.request().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/sign", session).then().statusCode(404);
        colleague.request().body(Map.of("text", "x")).post("/api/v1/sessions/{id}/addenda", session).then().statusCode(404);
        therapist.request().get("/api/v1/sessions/{id}", session).then().body("status", equalTo("DRAFT"));
    }

    static Map<String, Object> srs(double each) {
        return Map.of("instrument", "SRS", "respondent", "CLIENT", "timing", "POST_SESSION",
                "items", Map.of("RELATIONSHIP", each, "GOALS_AND_TOPICS", each, "APPROACH", each, "OVERALL", each));
    }
}
