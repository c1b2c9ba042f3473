package app.attune.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.attune.support.DevToken;
import app.attune.support.Operator;
import app.attune.support.Practitioner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Organizations exist only when the operator provisioned them; power is granted, never claimed. */
@QuarkusTest
class TenancyTest {

    private static final String UNKNOWN = "urn:attune:problem:unknown-organization";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTokenNamingAnOrganizationNobodyProvisionedIsRefusedAndCreatesNothing() throws Exception {
        String key = "never-provisioned-" + UUID.randomUUID();
        String token = DevToken.forSubject("t-" + UUID.randomUUID()).org(key).groups("therapist", "admin").sign();
        for (String path : List.of("/api/v1/clients", "/api/v1/vocabulary", "/api/v1/practitioners/me")) {
            given().auth().oauth2(token).get(path).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo(UNKNOWN));
        }
        given().auth().oauth2(token).contentType("application/json").body(Map.of("displayLabel", "A"))
                .post("/api/v1/clients").then().statusCode(403).body("type", equalTo(UNKNOWN));
        assertEquals(0, count("select count(*) from organization where org_key = ?", key));
        assertEquals(0, count("select count(*) from practitioner p join organization o on o.id = p.organization_id "
                + "where o.org_key = ?", key));
    }

    @Test
    void theOperatorProvisionsSuspendsAndResumesAnOrganization() {
        String key = "clinic-" + UUID.randomUUID();
        String id = Operator.request().body(Map.of("key", key, "displayName", "Clinic", "firstAdminSubject", "boss-" + key))
                .post("/api/v1/operator/organizations").then().statusCode(201)
                .header("Location", containsString("/api/v1/operator/organizations/"))
                .body("key", equalTo(key)).body("suspended", equalTo(false)).extract().path("id");
        Operator.request().body(Map.of("key", key, "displayName", "Again", "firstAdminSubject", "x"))
                .post("/api/v1/operator/organizations").then().statusCode(409);
        Operator.request().body(Map.of("key", " padded", "displayName", "", "firstAdminSubject", "x"))
                .post("/api/v1/operator/organizations").then().statusCode(400);

        // Its first admin is an admin from the first request; a therapist registers on first sight.
        Practitioner admin = Practitioner.of("boss-" + key, key, "admin");
        admin.request().get("/api/v1/practitioners/me").then().statusCode(200).body("roles", contains("admin"));
        Practitioner therapist = Practitioner.of("t-" + UUID.randomUUID(), key, "therapist");
        therapist.request().get("/api/v1/alliances").then().statusCode(200);

        Operator.request().header("If-Match", "\"0\"").body(Map.of("suspended", true))
                .patch("/api/v1/operator/organizations/{id}", id).then().statusCode(200).body("suspended", equalTo(true));
        therapist.request().get("/api/v1/alliances").then().statusCode(403).body("type", equalTo(UNKNOWN));
        admin.request().get("/api/v1/practitioners").then().statusCode(403).body("type", equalTo(UNKNOWN));
        Operator.request().header("If-Match", "\"1\"").body(Map.of("suspended", false))
                .patch("/api/v1/operator/organizations/{id}", id).then().statusCode(200);
        therapist.request().get("/api/v1/alliances").then().statusCode(200);

        // The operator's work is in the organization's own trail.
        admin.request().queryParam("action", "UPDATE").get("/api/v1/audit-events").then().statusCode(200)
                .body("items.resourceType", hasItem("ORGANIZATION")).body("items.actorRoles", hasItem("operator"));
    }

    @Test
    void adminAndIntegrationAreGrantedNeverClaimedOnFirstSight() {
        Practitioner therapist = Practitioner.therapist();
        Practitioner claimsPower = Practitioner.of("claims-" + UUID.randomUUID(), therapist.org, "admin", "integration",
                "therapist");
        String id = claimsPower.request().get("/api/v1/practitioners/me").then().statusCode(200)
                .body("roles", contains("therapist")).extract().path("id");
        claimsPower.request().get("/api/v1/practitioners").then().statusCode(403);
        claimsPower.request().get("/api/v1/audit-events").then().statusCode(403);
        // The registration is audited, with the roles it was given.
        therapist.firstAdmin().request().queryParam("actor", id).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.find { it.action == 'CREATE' }.resourceType", equalTo("PRACTITIONER"))
                .body("items.find { it.action == 'CREATE' }.resourceId", equalTo(id))
                .body("items.find { it.action == 'CREATE' }.actorRoles", equalTo("therapist"));
        // Granted by an admin, the same token's admin claim then counts.
        Practitioner admin = therapist.firstAdmin();
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", id))
                .body(Map.of("roles", List.of("therapist", "admin"))).patch("/api/v1/practitioners/{id}", id)
                .then().statusCode(200);
        claimsPower.request().get("/api/v1/practitioners").then().statusCode(200);
    }

    @Test
    void operatorTokensReachOnlyTheOperatorApiAndOnlyThemReachIt() {
        for (String path : List.of("/api/v1/clients", "/api/v1/vocabulary", "/api/v1/audit-events", "/api/v1/reports/caseload")) {
            Operator.request().get(path).then().statusCode(403);
        }
        Operator.request().get("/api/v1/operator/organizations").then().statusCode(200);
        given().get("/api/v1/operator/organizations").then().statusCode(401);
        Practitioner admin = Practitioner.therapist().firstAdmin();
        admin.request().get("/api/v1/operator/organizations").then().statusCode(403);
        // An operator claim inside an organization's token is no role at all.
        Practitioner.of("op-" + UUID.randomUUID(), admin.org, "operator", "admin").request()
                .get("/api/v1/operator/organizations").then().statusCode(403);
        unauthenticated(given().auth().oauth2(DevToken.forSubject("operator").groups("operator").claim("aud", "another-app")
                .sign()).get("/api/v1/operator/organizations").then());
    }

    private static void unauthenticated(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json");
    }

    private long count(String sql, String key) throws Exception {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
