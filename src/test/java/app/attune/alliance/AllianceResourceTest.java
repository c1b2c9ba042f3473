package app.attune.alliance;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AllianceResourceTest {

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void opensAnAllianceForTheCaller() {
        String client = therapist.createClient();
        String me = therapist.request().body(Map.of("clientId", client, "startedOn", "2026-09-01", "externalId", "EP-1"))
                .post("/api/v1/alliances").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("clientId", equalTo(client))
                .body("therapistId", notNullValue())
                .body("format", equalTo("INDIVIDUAL"))
                .body("status", equalTo("ACTIVE"))
                .body("startedOn", equalTo("2026-09-01"))
                .body("endedOn", nullValue())
                .body("externalId", equalTo("EP-1"))
                .body("version", equalTo(0))
                .extract().path("therapistId");
        // Naming oneself explicitly is the same as leaving therapistId out.
        therapist.request().body(Map.of("clientId", client, "therapistId", me, "startedOn", "2026-10-01", "format", "COUPLE",
                "participants", List.of("partner-b", "partner-a")))
                .post("/api/v1/alliances").then().statusCode(201).body("therapistId", equalTo(me)).body("format", equalTo("COUPLE"))
                .body("participants", contains("partner-a", "partner-b"));
    }

    @Test
    void refusesAnotherTherapistOrAnUnknownClient() {
        String client = therapist.createClient();
        therapist.request().body(Map.of("clientId", client, "startedOn", "2026-09-01",
                "therapistId", "6f1f5c1e-3e4b-4c1b-8a0e-2d9a0c7b5e10"))
                .post("/api/v1/alliances").then().statusCode(400).body("errors.field", contains("therapistId"));
        therapist.request().body(Map.of("clientId", "6f1f5c1e-3e4b-4c1b-8a0e-2d9a0c7b5e10", "startedOn", "2026-09-01"))
                .post("/api/v1/alliances").then().statusCode(400).body("errors.field", contains("clientId"));
        // A colleague's client is as unknown as a missing one.
        String colleaguesClient = therapist.colleague("therapist").createClient();
        therapist.request().body(Map.of("clientId", colleaguesClient, "startedOn", "2026-09-01"))
                .post("/api/v1/alliances").then().statusCode(400).body("errors.field", contains("clientId"));
        therapist.request().body(Map.of("format", "TRIAD")).post("/api/v1/alliances").then().statusCode(400)
                .body("errors.field", contains("format"));
        therapist.request().body("{}").post("/api/v1/alliances").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("clientId", "startedOn"));
    }

    @Test
    void listsOnlyTheCallersAlliancesFilteredAndPaged() {
        String client = therapist.createClient();
        String a1 = therapist.createAlliance(client, "2026-01-01");
        String a2 = therapist.createAlliance(client, "2026-02-01");
        String a3 = therapist.createAlliance(therapist.createClient(), "2026-03-01");
        therapist.colleague("therapist").createAlliance();
        closeAlliance(a1);

        therapist.request().get("/api/v1/alliances").then().statusCode(200)
                .body("items.id", contains(a3, a2, a1)).body("totalItems", equalTo(3));
        therapist.request().queryParam("status", "ACTIVE").get("/api/v1/alliances").then().statusCode(200)
                .body("items.id", contains(a3, a2));
        therapist.request().queryParam("clientId", client).get("/api/v1/alliances").then().statusCode(200)
                .body("items.id", contains(a2, a1));
        therapist.request().queryParam("size", 2).queryParam("page", 1).get("/api/v1/alliances").then().statusCode(200)
                .body("items.id", contains(a1)).body("page", equalTo(1)).body("size", equalTo(2))
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        therapist.request().queryParam("status", "DONE").queryParam("size", 101).get("/api/v1/alliances").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("status", "size"));
        therapist.request().queryParam("clientId", "nope").get("/api/v1/alliances").then().statusCode(400)
                .body("errors.field", contains("clientId"));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String alliance = therapist.createAlliance();
        therapist.request().body(Map.of("format", "FAMILY", "participants", List.of("parent-1", "child-1"))).patch("/api/v1/alliances/{id}", alliance)
                .then().statusCode(428).contentType("application/problem+json");
        therapist.request().header("If-Match", "\"7\"").body(Map.of("format", "FAMILY", "participants", List.of("parent-1", "child-1")))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(412);
        therapist.request().header("If-Match", "\"0\"").body(Map.of("format", "FAMILY", "participants", List.of("parent-1", "child-1")))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("format", equalTo("FAMILY")).body("version", equalTo(1));
        // The old version is now stale.
        therapist.request().header("If-Match", "\"0\"").body(Map.of("format", "GROUP", "participants", List.of("member-1", "member-2")))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(412);
        therapist.request().get("/api/v1/alliances/{id}", alliance).then().body("format", equalTo("FAMILY"));
    }

    @Test
    void readOnlyAndUnknownFieldsCannotBePatched() {
        String alliance = therapist.createAlliance();
        String etag = therapist.etag("/api/v1/alliances/{id}", alliance);
        for (String field : List.of("id", "therapistId", "clientId", "version")) {
            therapist.request().header("If-Match", etag).body(Map.of(field, "6f1f5c1e-3e4b-4c1b-8a0e-2d9a0c7b5e10"))
                    .patch("/api/v1/alliances/{id}", alliance).then().statusCode(400)
                    .body("errors[0].field", equalTo(field)).body("errors[0].message", equalTo("is read-only"));
        }
        therapist.request().header("If-Match", etag).body(Map.of("organization", "other"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(400).body("errors[0].field", equalTo("organization"));
        therapist.request().header("If-Match", etag).body(Map.of("colour", "blue"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(400)
                .body("errors[0].field", equalTo("colour")).body("errors[0].message", equalTo("is not a known field"));
        therapist.request().header("If-Match", etag).body(Map.of("status", "PAUSED"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(400).body("errors[0].field", equalTo("status"));
        therapist.request().header("If-Match", etag).body("[1, 2]")
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(400);
        therapist.request().get("/api/v1/alliances/{id}", alliance).then().body("version", equalTo(0));
    }

    @Test
    void closingAndReopeningFollowTheDatesAndTheRules() {
        String alliance = therapist.createAlliance();
        String etag = therapist.etag("/api/v1/alliances/{id}", alliance);
        therapist.request().header("If-Match", etag).body(Map.of("status", "CLOSED_UNPLANNED", "endedOn", "2026-08-01"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(400).body("errors[0].field", equalTo("endedOn"));
        therapist.request().header("If-Match", etag).body(Map.of("endedOn", "2026-12-01"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(400).body("errors[0].field", equalTo("endedOn"));
        etag = therapist.request().header("If-Match", etag).body(Map.of("status", "CLOSED_UNPLANNED"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200)
                .body("status", equalTo("CLOSED_UNPLANNED")).body("endedOn", notNullValue()).extract().header("ETag");
        therapist.postSession(alliance, Map.of("occurredAt", "2026-10-01T10:00:00Z", "attendance", "ATTENDED"))
                .statusCode(409);
        // Reopening clears the end date.
        therapist.request().header("If-Match", etag).body(Map.of("status", "ACTIVE"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("endedOn", nullValue());
        therapist.postSession(alliance, Map.of("occurredAt", "2026-10-01T10:00:00Z", "attendance", "ATTENDED"))
                .statusCode(201);
    }

    @Test
    void theStartCannotMovePastTheFirstSession() {
        String alliance = therapist.createAlliance();
        therapist.createSession(alliance, "2026-09-10");
        therapist.request().header("If-Match", "\"0\"").body(Map.of("startedOn", "2026-09-20"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(400).body("errors[0].field", equalTo("startedOn"));
        therapist.request().header("If-Match", "\"0\"").body(Map.of("startedOn", "2026-09-05"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200).body("startedOn", equalTo("2026-09-05"));
    }

    @Test
    void duplicateExternalIdsConflict() {
        String client = therapist.createClient();
        therapist.request().body(Map.of("clientId", client, "startedOn", "2026-09-01", "externalId", "EP-DUP"))
                .post("/api/v1/alliances").then().statusCode(201);
        therapist.request().body(Map.of("clientId", client, "startedOn", "2026-09-01", "externalId", "EP-DUP"))
                .post("/api/v1/alliances").then().statusCode(409);
        String other = therapist.createAlliance();
        therapist.request().header("If-Match", "\"0\"").body(Map.of("externalId", "EP-DUP"))
                .patch("/api/v1/alliances/{id}", other).then().statusCode(409);
    }

    @Test
    void anotherTherapistsAllianceIsNotFound() {
        String alliance = therapist.createAlliance();
        Practitioner colleague = therapist.colleague("therapist");
        colleague.request().get("/api/v1/alliances/{id}", alliance).then().statusCode(404);
        colleague.request().header("If-Match", "\"0\"").body(Map.of("format", "GROUP", "participants", List.of("member-1", "member-2")))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(404);
        colleague.request().get("/api/v1/alliances").then().body("items", hasSize(0));
        Practitioner.therapist().request().get("/api/v1/alliances/{id}", alliance).then().statusCode(404);
    }

    private void closeAlliance(String alliance) {
        therapist.request().header("If-Match", therapist.etag("/api/v1/alliances/{id}", alliance))
                .body(Map.of("status", "CLOSED_PLANNED", "endedOn", "2026-06-30"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200);
    }
}
