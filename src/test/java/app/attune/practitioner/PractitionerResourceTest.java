package app.attune.practitioner;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.attune.support.DevToken;
import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Admins manage who may do what; the organization's record bounds what a token may claim. */
@QuarkusTest
class PractitionerResourceTest {

    private final Practitioner therapist = Practitioner.therapist();
    private final Practitioner admin = therapist.colleague("admin");

    @Test
    void anAdminRegistersReadsListsAndChangesPractitioners() {
        String subject = "dr-" + UUID.randomUUID();
        String id = admin.request().body(Map.of("subject", subject, "displayName", "Dr. Okafor",
                "roles", List.of("therapist", "supervisor", "therapist"))).post("/api/v1/practitioners")
                .then().statusCode(201).header("ETag", "\"0\"")
                .body("roles", contains("supervisor", "therapist")).body("active", equalTo(true))
                .extract().path("id");
        admin.request().get("/api/v1/practitioners/{id}", id).then().statusCode(200).body("subject", equalTo(subject));
        admin.request().queryParam("role", "supervisor").get("/api/v1/practitioners").then().statusCode(200)
                .body("items.id", contains(id));
        admin.request().queryParam("role", "wizard").get("/api/v1/practitioners").then().statusCode(400);

        String therapistId = therapist.id();
        admin.request().body(Map.of("supervisorId", id)).patch("/api/v1/practitioners/{id}", therapistId)
                .then().statusCode(428);
        admin.request().header("If-Match", "\"0\"").body(Map.of("supervisorId", id))
                .patch("/api/v1/practitioners/{id}", therapistId).then().statusCode(200)
                .body("supervisorId", equalTo(id)).body("version", equalTo(1));
        admin.request().header("If-Match", "\"0\"").body(Map.of("displayName", "stale"))
                .patch("/api/v1/practitioners/{id}", therapistId).then().statusCode(412);
    }

    @Test
    void badPractitionersAreRefused() {
        admin.request().body(Map.of("subject", "x", "roles", List.of("wizard"))).post("/api/v1/practitioners")
                .then().statusCode(400).body("errors.field", hasItem("roles[0]"));
        admin.request().body(Map.of("subject", "x", "roles", List.of())).post("/api/v1/practitioners").then().statusCode(400);
        admin.request().body(Map.of("subject", "x", "roles", List.of("therapist"), "supervisorId", therapist.id()))
                .post("/api/v1/practitioners").then().statusCode(400).body("errors.field", hasItem("supervisorId"));
        admin.request().body(Map.of("subject", therapist.subject, "roles", List.of("therapist")))
                .post("/api/v1/practitioners").then().statusCode(409);
        admin.request().body(Map.of("subject", "x", "roles", List.of("therapist"), "organizationId", UUID.randomUUID()))
                .post("/api/v1/practitioners").then().statusCode(400);
        String supervisor = therapist.colleague("supervisor").id();
        String etag = admin.etag("/api/v1/practitioners/{id}", supervisor);
        admin.request().header("If-Match", etag).body(Map.of("supervisorId", supervisor))
                .patch("/api/v1/practitioners/{id}", supervisor).then().statusCode(400);
        admin.request().header("If-Match", etag).body(Map.of("subject", "someone-else"))
                .patch("/api/v1/practitioners/{id}", supervisor).then().statusCode(400).body("errors[0].field", equalTo("subject"));
    }

    @Test
    void theRecordBoundsWhatATokenMayClaim() {
        String subject = "ehr-" + UUID.randomUUID();
        String id = admin.request().body(Map.of("subject", subject, "roles", List.of("integration")))
                .post("/api/v1/practitioners").then().statusCode(201).extract().path("id");
        String token = DevToken.forSubject(subject).org(therapist.org).groups("integration", "admin").sign();
        RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/practitioners/me").then().statusCode(200)
                .body("id", equalTo(id)).body("roles", contains("integration"));
        // The token claims admin, the organization never granted it.
        RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/practitioners").then().statusCode(403);
        RestAssured.given().header("Authorization", "Bearer " + token).get("/api/v1/alliances").then().statusCode(200);
    }

    @Test
    void aDeactivatedPractitionerLosesEveryRoleAtItsNextRequest() {
        therapist.createAlliance();
        String id = therapist.id();
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", id)).body(Map.of("active", false))
                .patch("/api/v1/practitioners/{id}", id).then().statusCode(200).body("active", equalTo(false));
        therapist.request().get("/api/v1/alliances").then().statusCode(403);
        therapist.request().get("/api/v1/practitioners/me").then().statusCode(200).body("active", equalTo(false));

        String adminId = admin.id();
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", adminId)).body(Map.of("active", false))
                .patch("/api/v1/practitioners/{id}", adminId).then().statusCode(409);
    }

    @Test
    void aPractitionerWithoutRolesCanStillBeDeactivated() {
        Practitioner roleless = therapist.colleague();
        String id = roleless.id();
        admin.request().get("/api/v1/practitioners/{id}", id).then().body("roles", org.hamcrest.Matchers.empty());
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", id)).body(Map.of("active", false))
                .patch("/api/v1/practitioners/{id}", id).then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void anotherOrganizationsPractitionersAreNotFound() {
        String id = therapist.id();
        Practitioner otherAdmin = Practitioner.therapist().colleague("admin");
        otherAdmin.request().get("/api/v1/practitioners/{id}", id).then().statusCode(404);
        otherAdmin.request().get("/api/v1/practitioners").then().body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        therapist.request().get("/api/v1/practitioners/{id}", id).then().statusCode(403);
    }
}
