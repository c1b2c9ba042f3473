package app.attune.journal;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MeasureResourceTest {

    private final Practitioner therapist = Practitioner.therapist();
    private String session;

    @BeforeEach
    void openASession() {
        session = therapist.createSession(therapist.createAlliance(), "2026-09-03");
    }

    @Test
    void anSrsIsTotalledByTheService() {
        post(Map.of("instrument", "SRS", "timing", "POST_SESSION",
                "items", Map.of("RELATIONSHIP", 9.5, "GOALS_AND_TOPICS", 8.7, "APPROACH", 10, "OVERALL", 0)))
                .statusCode(201)
                .body("sessionId", equalTo(session))
                .body("respondent", equalTo("CLIENT"))
                .body("items.RELATIONSHIP", equalTo(9.5f))
                .body("items.APPROACH", equalTo(10.0f))
                .body("total", equalTo(28.2f))
                .body("subscales", anEmptyMap());
        therapist.request().get("/api/v1/sessions/{id}", session).then()
                .body("measures", hasSize(1)).body("measures[0].total", equalTo(28.2f));
    }

    @Test
    void aWaiSrHasTaskBondAndGoalSubscales() {
        Map<String, Object> items = new HashMap<>();
        for (int i = 1; i <= 12; i++) {
            items.put(Integer.toString(i), i <= 6 ? 5 : 3);
        }
        // TASK 1,2,10,12 = 5+5+3+3; BOND 3,5,7,9 = 5+5+3+3; GOAL 4,6,8,11 = 5+5+3+3.
        post(Map.of("instrument", "WAI_SR", "respondent", "THERAPIST", "timing", "POST_SESSION", "items", items))
                .statusCode(201)
                .body("total", equalTo(48.0f))
                .body("subscales.TASK", equalTo(16.0f))
                .body("subscales.BOND", equalTo(16.0f))
                .body("subscales.GOAL", equalTo(16.0f));
    }

    /** Every item scored unlike its neighbours, so that an item put in the wrong subscale changes a sum. */
    @Test
    void theWaiSrKeyPutsEachItemInItsOwnSubscale() {
        Map<String, Object> items = new HashMap<>();
        for (int i = 1; i <= 12; i++) {
            items.put(Integer.toString(i), (i - 1) % 5 + 1);
        }
        // Items 1..12 score 1 2 3 4 5 1 2 3 4 5 1 2. TASK 1,2,10,12 = 1+2+5+2; BOND 3,5,7,9 = 3+5+2+4;
        // GOAL 4,6,8,11 = 4+1+3+1.
        post(Map.of("instrument", "WAI_SR", "timing", "POST_SESSION", "items", items)).statusCode(201)
                .body("total", equalTo(33.0f))
                .body("subscales.TASK", equalTo(10.0f))
                .body("subscales.BOND", equalTo(14.0f))
                .body("subscales.GOAL", equalTo(9.0f));
    }

    @Test
    void aPostSessionQuestionnaireAsksIntensityOnlyWhenARuptureOccurred() {
        post(Map.of("instrument", "PSQ_RUPTURE", "timing", "POST_SESSION", "items", Map.of("OCCURRED", 1)))
                .statusCode(400).body("errors.field", containsInAnyOrder("items.INTENSITY", "items.RESOLUTION"));
        post(Map.of("instrument", "PSQ_RUPTURE", "timing", "POST_SESSION", "items", Map.of("OCCURRED", 0, "INTENSITY", 3)))
                .statusCode(400).body("errors.field", containsInAnyOrder("items.INTENSITY"));
        post(Map.of("instrument", "PSQ_RUPTURE", "timing", "POST_SESSION", "items", Map.of("OCCURRED", 0)))
                .statusCode(201).body("total", nullValue());
        // The client's account of the session it has just had: never before it.
        post(Map.of("instrument", "PSQ_RUPTURE", "timing", "PRE_SESSION",
                "items", Map.of("OCCURRED", 1, "INTENSITY", 4, "RESOLUTION", 2))).statusCode(400)
                .body("errors.field", containsInAnyOrder("timing"));
    }

    @Test
    void outOfRangeMissingAndUnknownItemsAreNamed() {
        post(Map.of("instrument", "SRS", "timing", "POST_SESSION",
                "items", Map.of("RELATIONSHIP", 10.5, "GOALS_AND_TOPICS", -1, "APPROACH", 8.25, "MOOD", 5)))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("items.RELATIONSHIP", "items.GOALS_AND_TOPICS", "items.APPROACH",
                        "items.MOOD", "items.OVERALL"));
        Map<String, Object> wai = new HashMap<>();
        for (int i = 1; i <= 12; i++) {
            wai.put(Integer.toString(i), 3);
        }
        wai.put("7", 6);
        wai.put("8", 2.5);
        post(Map.of("instrument", "WAI_SR", "timing", "POST_SESSION", "items", wai)).statusCode(400)
                .body("errors.field", containsInAnyOrder("items.7", "items.8"));
        post(Map.of("instrument", "ORS", "timing", "PRE_SESSION",
                "items", Map.of("INDIVIDUAL", "5", "INTERPERSONAL", 5, "SOCIAL", 5, "OVERALL", 5)))
                .statusCode(400).body("errors[0].field", equalTo("items.INDIVIDUAL"));
        post(Map.of("instrument", "GAD7", "timing", "PRE_SESSION", "items", Map.of())).statusCode(400)
                .body("errors[0].field", equalTo("instrument"));
        therapist.request().get("/api/v1/sessions/{id}", session).then().body("measures", hasSize(0));
    }

    @Test
    void totalsAndSubscalesAreNeverAccepted() {
        post(Map.of("instrument", "SRS", "timing", "POST_SESSION", "total", 40,
                "items", Map.of("RELATIONSHIP", 1, "GOALS_AND_TOPICS", 1, "APPROACH", 1, "OVERALL", 1)))
                .statusCode(400).body("errors[0].field", equalTo("total")).body("errors[0].message", equalTo("is read-only"));
        post(Map.of("instrument", "WAI_SR", "timing", "POST_SESSION", "subscales", Map.of("BOND", 20), "items", Map.of()))
                .statusCode(400).body("errors[0].field", equalTo("subscales"));
    }

    @Test
    void clientRatedScalesAreAnsweredByTheClient() {
        post(Map.of("instrument", "SRS", "respondent", "THERAPIST", "timing", "POST_SESSION",
                "items", Map.of("RELATIONSHIP", 9, "GOALS_AND_TOPICS", 9, "APPROACH", 9, "OVERALL", 9)))
                .statusCode(400).body("errors[0].field", equalTo("respondent"));
    }

    @Test
    void theSameMeasureTwiceIsAConflict() {
        Map<String, Object> srs = Map.of("instrument", "SRS", "timing", "POST_SESSION",
                "items", Map.of("RELATIONSHIP", 9, "GOALS_AND_TOPICS", 9, "APPROACH", 9, "OVERALL", 9));
        post(srs).statusCode(201);
        post(srs).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anotherTherapistsSessionIsNotFound() {
        therapist.colleague("therapist").request().body(Map.of("instrument", "SRS", "timing", "POST_SESSION",
                "items", Map.of("RELATIONSHIP", 9, "GOALS_AND_TOPICS", 9, "APPROACH", 9, "OVERALL", 9)))
                .post("/api/v1/sessions/{id}/measures", session).then().statusCode(404);
    }

    private ValidatableResponse post(Map<String, Object> measure) {
        return therapist.request().body(measure).post("/api/v1/sessions/{id}/measures", session).then();
    }
}
