package app.attune.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every class of bad input gets a clear problem+json answer, and changes nothing. */
@QuarkusTest
class BadInputTest {

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void malformedJsonIs400() {
        problem(therapist.request().body("{\"externalId\": ").post("/api/v1/clients").then(), 400)
                .body("type", equalTo("urn:attune:problem:malformed-request"));
        problem(therapist.request().body("{\"externalId\": \"a\"} trailing").post("/api/v1/clients").then(), 400);
        problem(therapist.request().body("{\"externalId\": \"a\", \"externalId\": \"b\"}").post("/api/v1/clients").then(), 400);
        problem(therapist.request().body("[]").post("/api/v1/clients").then(), 400);
        therapist.request().get("/api/v1/clients").then().body("totalItems", equalTo(0));
    }

    @Test
    void anEmptyBodyIs400() {
        problem(therapist.request().post("/api/v1/clients").then(), 400);
        // A merge patch with no body at all, with the right If-Match, changes nothing.
        String alliance = therapist.createAlliance();
        String session = therapist.createSession(alliance, "2026-09-03");
        for (String path : List.of("/api/v1/sessions/" + session, "/api/v1/alliances/" + alliance)) {
            problem(therapist.request().header("If-Match", "\"0\"").patch(path).then(), 400);
            therapist.request().get(path).then().statusCode(200).header("ETag", equalTo("\"0\""));
        }
    }

    @Test
    void wrongTypesAreRefusedNotCoerced() {
        problem(therapist.request().body("{\"birthYear\": \"1991\"}").post("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("birthYear"));
        problem(therapist.request().body("{\"birthYear\": 1991.5}").post("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("birthYear"));
        problem(therapist.request().body("{\"externalId\": 42}").post("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("externalId"));
        problem(therapist.request().body("{\"birthYear\": 99999999999999999999}").post("/api/v1/clients").then(), 400);
        String alliance = therapist.createAlliance();
        problem(therapist.postSession(alliance, Map.of("occurredAt", "yesterday", "attendance", "ATTENDED")), 400)
                .body("errors[0].field", equalTo("occurredAt"));
        // Dates and times are text only: not Jackson's arrays or epoch numbers.
        problem(therapist.postSession(alliance, Map.of("occurredAt", 1790000000, "attendance", "ATTENDED")), 400)
                .body("errors[0].field", equalTo("occurredAt"));
        problem(therapist.postSession(alliance, Map.of("occurredAt", List.of(2026, 9, 3, 15, 0), "attendance", "ATTENDED")), 400)
                .body("errors[0].field", equalTo("occurredAt"));
        String client = therapist.createClient();
        for (Object startedOn : List.of(List.of(2026, 9, 1), 20697)) {
            problem(therapist.request().body(Map.of("clientId", client, "startedOn", startedOn)).post("/api/v1/alliances")
                    .then(), 400).body("errors[0].field", equalTo("startedOn"));
        }
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("totalItems", equalTo(0));
        problem(therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "attendance", 1)), 400)
                .body("errors[0].field", equalTo("attendance"));
        problem(therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "attendance", "LATE")), 400)
                .body("errors[0].field", equalTo("attendance"))
                .body("errors[0].message", startsWith("must be one of ATTENDED"));
    }

    @Test
    void datesOutsideTheJournalsRangeAre400() {
        String client = therapist.createClient();
        problem(therapist.request().body(Map.of("clientId", client, "startedOn", "-5000-01-01")).post("/api/v1/alliances")
                .then(), 400).body("errors[0].field", equalTo("startedOn"));
        problem(therapist.request().body(Map.of("clientId", client, "startedOn", "+999999999-12-31")).post("/api/v1/alliances")
                .then(), 400).body("errors[0].field", equalTo("startedOn"));
        String alliance = therapist.createAlliance();
        problem(therapist.postSession(alliance, Map.of("occurredAt", "+300000-01-01T00:00:00Z", "attendance", "ATTENDED")), 400)
                .body("errors[0].field", equalTo("occurredAt"));
        problem(therapist.postSession(alliance, Map.of("occurredAt", "2250-01-01T00:00:00Z", "attendance", "ATTENDED")), 400)
                .body("errors[0].field", equalTo("occurredAt"));
        problem(therapist.request().header("If-Match", "\"0\"").body(Map.of("startedOn", "+999999999-12-31"))
                .patch("/api/v1/alliances/{id}", alliance).then(), 400).body("errors[0].field", equalTo("startedOn"));
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("totalItems", equalTo(0));
    }

    @Test
    void unknownFieldsAre400() {
        problem(therapist.request().body(Map.of("name", "Jane Doe")).post("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("name")).body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    void aNulCharacterIs400AndNothingIsStored() {
        problem(therapist.request().body("{\"displayLabel\": \"Jo\\u0000hn\"}").post("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("displayLabel"));
        problem(therapist.request().body("{\"displayLabel\": \"broken \\ud800 surrogate\"}").post("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("displayLabel"));
        problem(therapist.request().queryParam("externalId", "a\u0000b").get("/api/v1/clients").then(), 400)
                .body("errors[0].field", equalTo("externalId"));
        therapist.request().get("/api/v1/clients").then().body("totalItems", equalTo(0));
    }

    @Test
    void injectionStringsAreStoredVerbatim() {
        String text = "'; drop table session; -- <script>alert(1)</script> ${7*7} {{7*7}} #{7*7} <%= 7*7 %> %s %n";
        String id = therapist.request().body(Map.of("displayLabel", text)).post("/api/v1/clients")
                .then().statusCode(201).extract().path("id");
        therapist.request().get("/api/v1/clients/{id}", id).then().body("displayLabel", equalTo(text));
        String alliance = therapist.createAlliance();
        String session = therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z",
                "attendance", "ATTENDED", "note", text, "privateNote", text)).statusCode(201).extract().path("id");
        therapist.request().get("/api/v1/sessions/{id}", session).then()
                .body("note", equalTo(text)).body("privateNote", equalTo(text));
        therapist.request().queryParam("externalId", text).get("/api/v1/clients").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void theWrongContentTypeIs415() {
        problem(therapist.request().contentType(ContentType.TEXT).body("externalId=1").post("/api/v1/clients").then(), 415);
        problem(therapist.request().contentType(ContentType.XML).body("<client/>").post("/api/v1/clients").then(), 415);
    }

    @Test
    void anOversizedBodyIs413() {
        String alliance = therapist.createAlliance();
        String note = "x".repeat(1_100_000);
        problem(therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "attendance", "ATTENDED",
                "note", note)), 413);
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("totalItems", equalTo(0));
    }

    @Test
    void anOversizedChunkedBodyIs413() throws Exception {
        String alliance = therapist.createAlliance();
        byte[] body = ("{\"occurredAt\": \"2026-09-03T15:00:00Z\", \"attendance\": \"ATTENDED\", \"note\": \""
                + "x".repeat(1_100_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/api/v1/alliances/" + alliance + "/sessions"))
                .header("Authorization", "Bearer " + therapist.token())
                .header("Content-Type", "application/json")
                // An input stream of unknown length is sent chunked, without Content-Length.
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(413, response.statusCode());
        org.junit.jupiter.api.Assertions.assertEquals("application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("totalItems", equalTo(0));
    }

    @Test
    void aNoteLongerThanTheLimitIs400() {
        String alliance = therapist.createAlliance();
        problem(therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "attendance", "ATTENDED",
                "note", "x".repeat(100_001))), 400).body("errors[0].field", equalTo("note"));
    }

    @Test
    void unknownIdsAndRoutesAre404() {
        problem(therapist.request().get("/api/v1/sessions/{id}", "5c7d9e1f-2a3b-4c5d-8e6f-7a8b9c0d1e2f").then(), 404);
        problem(therapist.request().get("/api/v1/sessions/{id}", "not-a-uuid").then(), 404);
        problem(therapist.request().get("/api/v1/nowhere").then(), 404);
    }

    @Test
    void anUnsupportedMethodIs405() {
        problem(therapist.request().delete("/api/v1/clients").then(), 405);
    }

    @Test
    void noAnswerLeaksInternals() {
        String body = therapist.request().body("{\"birthYear\": \"x\"}").post("/api/v1/clients").then().statusCode(400)
                .extract().asString();
        for (String internal : new String[] {"java.", "com.fasterxml", "app.attune", "Exception", "at ", "SELECT", "insert"}) {
            org.junit.jupiter.api.Assertions.assertFalse(body.contains(internal), () -> "answer leaks " + internal + ": " + body);
        }
    }

    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", startsWith("urn:attune:problem:"))
                .body("title", not(equalTo("")))
                .body("detail", not(containsString("Exception")));
    }
}
