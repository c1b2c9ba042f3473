package app.attune.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClientResourceTest {

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void registersReadsAndFindsAClientByExternalId() {
        String id = therapist.request()
                .body(Map.of("externalId", "EHR-PT-1", "displayLabel", "Client R.", "birthYear", 1991))
                .post("/api/v1/clients")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/clients/"))
                .body("externalId", equalTo("EHR-PT-1"))
                .body("displayLabel", equalTo("Client R."))
                .body("birthYear", equalTo(1991))
                .extract().path("id");

        therapist.request().get("/api/v1/clients/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("externalId", equalTo("EHR-PT-1"));
        therapist.request().queryParam("externalId", "EHR-PT-1").get("/api/v1/clients").then().statusCode(200)
                .body("items.id", contains(id)).body("totalItems", equalTo(1));
        therapist.request().queryParam("externalId", "EHR-PT-unknown").get("/api/v1/clients").then().statusCode(200)
                .body("items", hasSize(0)).body("totalItems", equalTo(0));
    }

    @Test
    void aClientNeedsNoIdentifyingFields() {
        therapist.request().body("{}").post("/api/v1/clients").then().statusCode(201)
                .body("externalId", nullValue()).body("displayLabel", nullValue()).body("birthYear", nullValue());
    }

    @Test
    void aDuplicateExternalIdInTheOrganizationIsAConflict() {
        therapist.request().body(Map.of("externalId", "EHR-DUP")).post("/api/v1/clients").then().statusCode(201);
        therapist.request().body(Map.of("externalId", "EHR-DUP")).post("/api/v1/clients").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));
        therapist.colleague("therapist").request().body(Map.of("externalId", "EHR-DUP")).post("/api/v1/clients")
                .then().statusCode(409);
        // Another organization has its own namespace of external ids.
        Practitioner.therapist().request().body(Map.of("externalId", "EHR-DUP")).post("/api/v1/clients")
                .then().statusCode(201);
    }

    @Test
    void invalidFieldsAreAllNamed() {
        therapist.request().body(Map.of("externalId", " padded ", "birthYear", 1800, "displayLabel", "x".repeat(201)))
                .post("/api/v1/clients").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("externalId", "birthYear", "displayLabel"));
        therapist.request().body(Map.of("birthYear", 2999)).post("/api/v1/clients").then().statusCode(400)
                .body("errors.field", contains("birthYear"));
        therapist.request().body(Map.of("id", "0b4ad3a4-5a7e-4a3d-9a57-1f0e2f8c6f21")).post("/api/v1/clients")
                .then().statusCode(400).body("errors[0].field", equalTo("id")).body("errors[0].message", equalTo("is read-only"));
    }

    @Test
    void colleaguesAndOtherOrganizationsDoNotSeeTheClient() {
        String id = therapist.createClient();
        String missing = therapist.request().get("/api/v1/clients/{id}", "0b4ad3a4-5a7e-4a3d-9a57-1f0e2f8c6f21")
                .then().statusCode(404).extract().asString();
        String colleague = therapist.colleague("therapist").request().get("/api/v1/clients/{id}", id)
                .then().statusCode(404).extract().asString();
        String stranger = Practitioner.therapist().request().get("/api/v1/clients/{id}", id)
                .then().statusCode(404).extract().asString();
        assertEquals(missing, colleague);
        assertEquals(missing, stranger);
        therapist.colleague("therapist").request().get("/api/v1/clients").then().statusCode(200).body("items", hasSize(0));
    }
}
