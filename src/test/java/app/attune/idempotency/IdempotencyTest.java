package app.attune.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.attune.support.Blocking;
import app.attune.support.Journal;
import app.attune.support.Practitioner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Safe retries: one stored row per key, the same answer again, and refusals for misuse. */
@QuarkusTest
class IdempotencyTest {

    @Inject
    AgroalDataSource database;

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void aRetriedPostStoresOneRowAndReturnsTheSameAnswer() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("externalId", "EHR-" + key, "displayLabel", "Client R.");
        Response first = therapist.request().header("Idempotency-Key", key).body(body).post("/api/v1/clients");
        Response again = therapist.request().header("Idempotency-Key", key).body(body).post("/api/v1/clients");
        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"));
        assertEquals(first.asString(), again.asString());
        therapist.request().get("/api/v1/clients").then().body("totalItems", equalTo(1));

        // A whole session with its rupture, retried: still one session, one rupture, one number.
        String alliance = therapist.createAlliance();
        String sessionKey = UUID.randomUUID().toString();
        var session = Journal.session("2026-09-03").ruptures(Journal.rupture("WITHDRAWAL", 3, List.of()));
        String id = therapist.request().header("Idempotency-Key", sessionKey).body(session)
                .post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(201).header("ETag", "\"0\"")
                .extract().path("id");
        therapist.request().header("Idempotency-Key", sessionKey).body(session)
                .post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(201).header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("number", equalTo(1));
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("totalItems", equalTo(1));
        therapist.request().get("/api/v1/alliances/{id}/ruptures", alliance).then().body("totalItems", equalTo(1));
    }

    @Test
    void theSameKeyForAnotherRequestIs422AndKeysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        therapist.request().header("Idempotency-Key", key).body(Map.of("displayLabel", "A"))
                .post("/api/v1/clients").then().statusCode(201);
        therapist.request().header("Idempotency-Key", key).body(Map.of("displayLabel", "B"))
                .post("/api/v1/clients").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:attune:problem:idempotency-key-reused"));
        therapist.request().get("/api/v1/clients").then().body("totalItems", equalTo(1));
        // Another caller's key of the same value is its own.
        Practitioner colleague = therapist.colleague("therapist");
        colleague.request().header("Idempotency-Key", key).body(Map.of("displayLabel", "A"))
                .post("/api/v1/clients").then().statusCode(201).header("Idempotent-Replayed", (String) null);
        colleague.request().get("/api/v1/clients").then().body("totalItems", equalTo(1));
    }

    @Test
    void aFailedRequestStoresNoKeySoItCanBeCorrectedAndRetried() {
        String key = UUID.randomUUID().toString();
        therapist.request().header("Idempotency-Key", key).body(Map.of("birthYear", 3000))
                .post("/api/v1/clients").then().statusCode(400);
        therapist.request().header("Idempotency-Key", key).body(Map.of("birthYear", 1990))
                .post("/api/v1/clients").then().statusCode(201);
        therapist.request().header("Idempotency-Key", "bad key with spaces").body(Map.of("displayLabel", "A"))
                .post("/api/v1/clients").then().statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void twoKeysOnOneRequestAre400AndStoreNothing() {
        therapist.request().header("Idempotency-Key", "first-key-1").header("Idempotency-Key", "second-key-2")
                .body(Map.of("displayLabel", "A")).post("/api/v1/clients").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        therapist.request().get("/api/v1/clients").then().body("totalItems", equalTo(0));
    }

    @Test
    void anIntegrationMustSendAKey() {
        Practitioner ehr = therapist.colleague("integration");
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + ehr.token()).contentType("application/json")
                .body(Map.of("displayLabel", "A")).post("/api/v1/clients").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        ehr.request().body(Map.of("displayLabel", "A")).post("/api/v1/clients").then().statusCode(201);
        ehr.request().get("/api/v1/clients").then().body("totalItems", equalTo(1));
    }

    @Test
    void aRetryWhileTheFirstRequestRunsIs409() throws Exception {
        String alliance = therapist.createAlliance();
        String key = UUID.randomUUID().toString();
        var body = Journal.session("2026-09-03");
        try (Connection blocker = database.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("select id from alliance where id = ?::uuid for update")) {
                lock.setString(1, alliance);
                lock.executeQuery().close();
            }
            // The first request claims its key, then waits for the alliance held here.
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> therapist.request()
                    .header("Idempotency-Key", key).body(body).post("/api/v1/alliances/{id}/sessions", alliance));
            Blocking.waitForABlockedQuery(database);
            therapist.request().header("Idempotency-Key", key).body(body)
                    .post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(409)
                    .contentType("application/problem+json");
            blocker.rollback();
            String id = first.get(10, TimeUnit.SECONDS).then().statusCode(201).extract().path("id");
            therapist.request().header("Idempotency-Key", key).body(body)
                    .post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(201).body("id", equalTo(id));
        }
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("totalItems", equalTo(1));
    }

    @Test
    void sessionsCarryTheEhrsIdUniquePerOrganization() {
        String alliance = therapist.createAlliance();
        String externalId = "EHR-ENC-" + UUID.randomUUID();
        String id = therapist.postSession(alliance, Journal.session("2026-09-03").with("externalId", externalId))
                .statusCode(201).body("externalId", equalTo(externalId)).extract().path("id");
        therapist.postSession(alliance, Journal.session("2026-09-10").with("externalId", externalId)).statusCode(409);
        therapist.request().queryParam("externalId", externalId).get("/api/v1/sessions").then().statusCode(200)
                .body("items[0].id", equalTo(id));
        therapist.colleague("therapist").request().queryParam("externalId", externalId).get("/api/v1/sessions")
                .then().statusCode(200).body("totalItems", equalTo(0));
        therapist.request().get("/api/v1/sessions").then().statusCode(400);

        String episode = "EHR-EP-" + UUID.randomUUID();
        String found = therapist.request().body(Map.of("clientId", therapist.createClient(), "startedOn", "2026-09-01",
                "externalId", episode)).post("/api/v1/alliances").then().statusCode(201).extract().path("id");
        therapist.request().queryParam("externalId", episode).get("/api/v1/alliances").then()
                .body("items.id", org.hamcrest.Matchers.contains(found));
    }

    @Test
    void aReplayIsAnAuditedReadAndIsRefusedOnceTheCallerMayNoLongerSeeWhatItShows() {
        Practitioner admin = therapist.firstAdmin();
        String key = UUID.randomUUID().toString();
        Map<String, Object> hook = Map.of("url", "http://127.0.0.1:9/replayed", "eventTypes", List.of("session.signed"));
        String webhook = admin.request().header("Idempotency-Key", key).body(hook).post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        admin.request().header("Idempotency-Key", key).body(hook).post("/api/v1/webhooks").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(webhook));
        // The replay was a read of the webhook, in the trail beside its creation.
        admin.request().queryParam("action", "READ").get("/api/v1/audit-events").then().statusCode(200)
                .body("items.findAll { it.resourceType == 'WEBHOOK' }.resourceId", contains(webhook));

        // Deleted, it answers 404 as a read would: its signing secret is not shown again.
        admin.request().delete("/api/v1/webhooks/{id}", webhook).then().statusCode(204);
        Response gone = admin.request().header("Idempotency-Key", key).body(hook).post("/api/v1/webhooks");
        gone.then().statusCode(404).contentType("application/problem+json").header("Idempotent-Replayed", (String) null);
        assertFalse(gone.asString().contains("whsec_"));

        // An integration that recorded a colleague's session, then lost its integration role, sees it no more.
        String alliance = therapist.createAlliance();
        Practitioner ehr = therapist.colleague("therapist", "integration");
        String sessionKey = UUID.randomUUID().toString();
        var session = Journal.session("2026-09-03");
        // Its own key, not the fresh one request() gives an integration.
        Supplier<RequestSpecification> withKey = () -> given().header("Authorization", "Bearer " + ehr.token())
                .contentType(ContentType.JSON).header("Idempotency-Key", sessionKey).body(session);
        withKey.get().post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(201);
        String ehrId = ehr.id();
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", ehrId))
                .body(Map.of("roles", List.of("therapist"))).patch("/api/v1/practitioners/{id}", ehrId)
                .then().statusCode(200);
        withKey.get().post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(404)
                .contentType("application/problem+json");
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("totalItems", equalTo(1));
    }
}
