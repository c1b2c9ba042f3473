package app.attune.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/**
 * A caller of the API in the tests: a practitioner of an organization with a signed token, and
 * shortcuts for the requests most tests need. Every test makes its own organization, so tests
 * never see each other's data and nothing needs cleaning.
 */
public final class Practitioner {

    public final String subject;
    public final String org;
    private final String token;
    private final boolean integration;

    private Practitioner(String subject, String org, String... roles) {
        this.subject = subject;
        this.org = org;
        this.integration = java.util.Arrays.asList(roles).contains("integration");
        this.token = DevToken.forSubject(subject).org(org).groups(roles).name("Dr " + subject).sign();
    }

    /** A therapist in a new organization of its own. */
    public static Practitioner therapist() {
        return new Practitioner("therapist-" + UUID.randomUUID(), "org-" + UUID.randomUUID(), "therapist");
    }

    /** A colleague of this practitioner, in the same organization, with the given roles. */
    public Practitioner colleague(String... roles) {
        return new Practitioner("colleague-" + UUID.randomUUID(), org, roles);
    }

    /** This practitioner's id, registering it if this is its first request. */
    public String id() {
        return request().get("/api/v1/practitioners/me").then().statusCode(200).extract().path("id");
    }

    public String token() {
        return token;
    }

    /** A request with this practitioner's token; an integration's carries a fresh Idempotency-Key, as it must. */
    public RequestSpecification request() {
        RequestSpecification request = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).accept(ContentType.JSON);
        return integration ? request.header("Idempotency-Key", UUID.randomUUID().toString()) : request;
    }

    public String createClient() {
        return request().body(Map.of("externalId", "EHR-" + UUID.randomUUID(), "displayLabel", "Client"))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
    }

    public String createAlliance() {
        return createAlliance(createClient(), "2026-09-01");
    }

    public String createAlliance(String clientId, String startedOn) {
        return request().body(Map.of("clientId", clientId, "startedOn", startedOn))
                .post("/api/v1/alliances").then().statusCode(201).extract().path("id");
    }

    public ValidatableResponse postSession(String allianceId, Object body) {
        return request().body(body).post("/api/v1/alliances/{id}/sessions", allianceId).then();
    }

    /** An attended session on the given date (ISO date), returning its id. */
    public String createSession(String allianceId, String date) {
        return postSession(allianceId, Map.of("occurredAt", date + "T15:00:00Z", "durationMinutes", 50,
                "attendance", "ATTENDED", "mode", "IN_PERSON")).statusCode(201).extract().path("id");
    }

    public String etag(String path, Object... params) {
        return request().get(path, params).then().statusCode(200).extract().header("ETag");
    }
}
