package app.attune.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A caller of the API in the tests: a practitioner of an organization with a signed token, and
 * shortcuts for the requests most tests need. Every test makes its own organization, provisioned
 * through the operator's API as in production, so tests never see each other's data and nothing
 * needs cleaning. Admins and integrations are granted by the organization's first admin. Both
 * happen at the first request (test instances are made before the service starts).
 */
public final class Practitioner {

    public final String subject;
    public final String org;
    private final String token;
    private final boolean integration;
    private final List<String> roles;
    /** Whether its admin or integration role still waits to be granted before its first request. */
    private volatile boolean grantPending;

    private Practitioner(String subject, String org, String... roles) {
        this.subject = subject;
        this.org = org;
        this.roles = List.of(roles);
        this.integration = this.roles.contains("integration");
        this.token = DevToken.forSubject(subject).org(org).groups(roles).name("Dr " + subject).sign();
    }

    /** A therapist in a new organization of its own. */
    public static Practitioner therapist() {
        return new Practitioner("therapist-" + UUID.randomUUID(), Operator.newOrganization(), "therapist");
    }

    /**
     * A colleague of this practitioner, in the same organization, with the given roles; an admin or
     * integration is first granted its roles by the organization's first admin.
     */
    public Practitioner colleague(String... roles) {
        Practitioner colleague = new Practitioner("colleague-" + UUID.randomUUID(), org, roles);
        colleague.grantPending = Arrays.stream(roles).anyMatch(role -> role.equals("admin") || role.equals("integration") || role.equals("researcher"));
        return colleague;
    }

    /** The first admin of this practitioner's organization, whom the operator named. */
    public Practitioner firstAdmin() {
        return Operator.firstAdmin(org);
    }

    /** A practitioner of an organization with a token of its own making, for tests of identity. */
    public static Practitioner of(String subject, String org, String... roles) {
        return new Practitioner(subject, org, roles);
    }

    /** This practitioner's id, registering it if this is its first request. */
    public String id() {
        return request().get("/api/v1/practitioners/me").then().statusCode(200).extract().path("id");
    }

    public String token() {
        ready();
        return token;
    }

    /** A request with this practitioner's token; an integration's carries a fresh Idempotency-Key, as it must. */
    public RequestSpecification request() {
        ready();
        RequestSpecification request = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).accept(ContentType.JSON);
        return integration ? request.header("Idempotency-Key", UUID.randomUUID().toString()) : request;
    }

    /** Provisions its organization and grants its roles, once, before its token is first used. */
    private void ready() {
        Operator.provisionIfNew(org);
        if (grantPending) {
            synchronized (this) {
                if (grantPending) {
                    Operator.firstAdmin(org).request().body(Map.of("subject", subject, "roles", roles))
                            .post("/api/v1/practitioners").then().statusCode(201);
                    grantPending = false;
                }
            }
        }
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
