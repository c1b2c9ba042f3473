package app.attune;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The case the journal exists for: a therapist forgets a scheduled session, tags the rupture it
 * caused, and repairs it at the next meeting.
 */
@QuarkusTest
class MissedSessionStoryTest {

    @Test
    void aForgottenSessionIsRecordedAndRepairedAtTheNextSession() {
        Practitioner therapist = Practitioner.therapist();
        String alliance = therapist.createAlliance();

        String missed = therapist.postSession(alliance, Map.of(
                "occurredAt", "2026-10-02T15:00:00Z",
                "mode", "IN_PERSON",
                "attendance", "THERAPIST_NO_SHOW",
                "note", "I forgot our appointment; the client waited.",
                "ruptures", List.of(Map.of(
                        "type", "CONFRONTATION",
                        "markers", List.of("COMPLAINT_ABOUT_PARAMETERS"),
                        "tags", List.of("missed-session"),
                        "significance", 4,
                        "therapistContribution", 5))))
                .statusCode(201)
                .body("number", equalTo(1))
                .body("attendance", equalTo("THERAPIST_NO_SHOW"))
                .body("ruptures", hasSize(1))
                .body("ruptures[0].status", equalTo("OPEN"))
                .extract().path("id");
        String rupture = therapist.request().get("/api/v1/sessions/{id}", missed).then().statusCode(200)
                .extract().path("ruptures[0].id");

        String next = therapist.createSession(alliance, "2026-10-09");
        therapist.request().body(Map.of("sessionId", next, "strategies", List.of("ACKNOWLEDGE_OWN_CONTRIBUTION"), "outcome", "RESOLVED",
                "resolutionRating", 4))
                .post("/api/v1/ruptures/{id}/repairs", rupture)
                .then().statusCode(201)
                .body("ruptureId", equalTo(rupture))
                .body("sessionId", equalTo(next))
                .body("performedAt", equalTo("2026-10-09T15:00:00Z"))
                .body("initiatedBy", equalTo("THERAPIST"));

        therapist.request().get("/api/v1/ruptures/{id}", rupture).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("type", equalTo("CONFRONTATION"))
                .body("markers", contains("COMPLAINT_ABOUT_PARAMETERS"))
                .body("tags", contains("missed-session"))
                .body("therapistContribution", equalTo(5))
                .body("sessionId", equalTo(missed))
                .body("repairs", hasSize(1))
                .body("repairs[0].strategies", contains("ACKNOWLEDGE_OWN_CONTRIBUTION"))
                .body("repairs[0].outcome", equalTo("RESOLVED"));
        therapist.request().get("/api/v1/sessions/{id}", next).then().statusCode(200)
                .body("number", equalTo(2))
                .body("ruptures", empty())
                .body("repairs[0].ruptureId", equalTo(rupture));
        therapist.request().queryParam("tag", "missed-session").get("/api/v1/alliances/{id}/ruptures", alliance)
                .then().statusCode(200).body("items.id", contains(rupture)).body("items[0].status", equalTo("RESOLVED"));
    }
}
