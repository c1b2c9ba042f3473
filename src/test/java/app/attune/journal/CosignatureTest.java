package app.attune.journal;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Co-signature: a pre-licensed therapist's signed session waits for its supervisor, who co-signs
 * it or returns it with a comment; nobody else can do either.
 */
@QuarkusTest
class CosignatureTest {

    private final Practitioner therapist = Practitioner.therapist();
    private final Practitioner admin = therapist.firstAdmin();
    private final Practitioner supervisor = therapist.colleague("supervisor");

    @Test
    void aPreLicensedTherapistsSessionWaitsForItsSupervisorsCosignature() {
        String supervisorId = supervisor.id();
        supervise(therapist, supervisorId, false);
        String alliance = therapist.createAlliance();
        String session = therapist.postSession(alliance, Map.of("occurredAt", "2026-09-03T15:00:00Z", "attendance", "ATTENDED",
                "note", "We named the missed session.")).statusCode(201).extract().path("id");
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", session))
                .post("/api/v1/sessions/{id}/sign", session).then().statusCode(200)
                .body("status", equalTo("SIGNED")).body("awaitingCosign", equalTo(true)).body("cosignedBy", equalTo(null));

        assertEquals("preliminary", therapist.request().get("/api/v1/alliances/{id}/fhir", alliance).then().extract().jsonPath()
                .getString("entry.find { it.resource.resourceType == 'DocumentReference' }.resource.docStatus"));

        // Reports and the supervisor's caseload count it, with its age.
        therapist.request().get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200)
                .body("summary.cosignature.awaiting", equalTo(1)).body("summary.cosignature.oldestDays", equalTo(0));
        supervisor.request().get("/api/v1/reports/caseload").then().statusCode(200)
                .body("items.find { it.alliance.id == '" + alliance + "' }.summary.cosignature.awaiting", equalTo(1));

        // Nobody but the therapist's supervisor co-signs: not the therapist, not an integration, not another supervisor.
        String etag = supervisor.etag("/api/v1/sessions/{id}", session);
        therapist.request().header("If-Match", etag).post("/api/v1/sessions/{id}/cosign", session).then().statusCode(403);
        therapist.colleague("integration").request().header("If-Match", etag).post("/api/v1/sessions/{id}/cosign", session)
                .then().statusCode(403);
        therapist.colleague("supervisor").request().header("If-Match", etag).post("/api/v1/sessions/{id}/cosign", session)
                .then().statusCode(404).contentType("application/problem+json");
        supervisor.request().post("/api/v1/sessions/{id}/cosign", session).then().statusCode(428);
        supervisor.request().header("If-Match", "\"99\"").post("/api/v1/sessions/{id}/cosign", session).then().statusCode(412);
        therapist.request().get("/api/v1/sessions/{id}", session).then().body("awaitingCosign", equalTo(true));

        supervisor.request().header("If-Match", etag).post("/api/v1/sessions/{id}/cosign", session).then().statusCode(200)
                .body("awaitingCosign", equalTo(false)).body("cosignedBy", equalTo(supervisorId))
                .body("cosignedAt", org.hamcrest.Matchers.notNullValue()).body("status", equalTo("SIGNED"));
        supervisor.request().header("If-Match", supervisor.etag("/api/v1/sessions/{id}", session))
                .post("/api/v1/sessions/{id}/cosign", session).then().statusCode(409);
        therapist.request().get("/api/v1/alliances/{id}/report", alliance).then()
                .body("summary.cosignature.awaiting", equalTo(0)).body("summary.cosignature.oldestDays", equalTo(null));

        // The FHIR note names its co-signer as authenticator, and is final only now.
        var fhir = therapist.request().get("/api/v1/alliances/{id}/fhir", alliance).then().statusCode(200).extract().jsonPath();
        assertEquals(supervisorId, fhir.getString(
                "entry.find { it.resource.resourceType == 'DocumentReference' }.resource.authenticator.identifier.value"));
        assertEquals("final", fhir.getString("entry.find { it.resource.resourceType == 'DocumentReference' }.resource.docStatus"));

        // In the feed as session.cosigned, and in the trail as the supervisor's SIGN.
        List<String> types = therapist.request().queryParam("since", "0").queryParam("limit", 100).get("/api/v1/changes")
                .then().statusCode(200).extract().jsonPath().getList("changes.eventType");
        assertTrue(types.contains("session.cosigned"), types.toString());
        admin.request().queryParam("actor", supervisorId).queryParam("action", "SIGN").get("/api/v1/audit-events").then()
                .statusCode(200).body("items.resourceId", hasItem(session));
    }

    @Test
    void aReturnedSessionIsADraftAgainWithTheSupervisorsCommentBesideIt() {
        String supervisorId = supervisor.id();
        supervise(therapist, supervisorId, false);
        String alliance = therapist.createAlliance();
        String session = therapist.createSession(alliance, "2026-09-03");
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", session))
                .post("/api/v1/sessions/{id}/sign", session).then().statusCode(200);
        String etag = supervisor.etag("/api/v1/sessions/{id}", session);
        for (Object bad : List.of(Map.of(), Map.of("text", ""), Map.of("text", "   "), Map.of("text", "ok", "kind", "ADDENDUM"))) {
            supervisor.request().header("If-Match", etag).body(bad).post("/api/v1/sessions/{id}/return", session)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        therapist.request().get("/api/v1/sessions/{id}", session).then().body("status", equalTo("SIGNED"))
                .body("addenda.size()", equalTo(0));

        String comment = "Please describe how the client answered when you named the missed session.";
        supervisor.request().header("If-Match", etag).body(Map.of("text", comment)).post("/api/v1/sessions/{id}/return", session)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("signedAt", equalTo(null))
                .body("awaitingCosign", equalTo(false)).body("addenda[0].kind", equalTo("RETURN"))
                .body("addenda[0].authorId", equalTo(supervisorId)).body("addenda[0].text", equalTo(comment));
        supervisor.request().header("If-Match", supervisor.etag("/api/v1/sessions/{id}", session)).body(Map.of("text", comment))
                .post("/api/v1/sessions/{id}/return", session).then().statusCode(409);

        // The therapist revises the draft and signs it again: it awaits co-signature again.
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", session))
                .body(Map.of("note", "The client said she had felt forgotten; we agreed to name it next time."))
                .patch("/api/v1/sessions/{id}", session).then().statusCode(200);
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", session))
                .post("/api/v1/sessions/{id}/sign", session).then().statusCode(200).body("awaitingCosign", equalTo(true));
    }

    @Test
    void aLicensedTherapistsSignedSessionAwaitsNothing() {
        supervise(therapist, supervisor.id(), true);
        String session = therapist.createSession(therapist.createAlliance(), "2026-09-03");
        therapist.request().header("If-Match", therapist.etag("/api/v1/sessions/{id}", session))
                .post("/api/v1/sessions/{id}/sign", session).then().statusCode(200).body("awaitingCosign", equalTo(false));
        supervisor.request().header("If-Match", supervisor.etag("/api/v1/sessions/{id}", session))
                .post("/api/v1/sessions/{id}/cosign", session).then().statusCode(409);
        // A draft cannot be co-signed either.
        String draft = therapist.createSession(therapist.createAlliance(), "2026-09-10");
        supervisor.request().header("If-Match", supervisor.etag("/api/v1/sessions/{id}", draft))
                .post("/api/v1/sessions/{id}/cosign", draft).then().statusCode(409);
    }

    /** The admin names the practitioner's supervisor and whether it is licensed. */
    private void supervise(Practitioner supervisee, String supervisorId, boolean licensed) {
        String id = supervisee.id();
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", id))
                .body(Map.of("supervisorId", supervisorId, "licensed", licensed)).patch("/api/v1/practitioners/{id}", id)
                .then().statusCode(200).body("licensed", equalTo(licensed)).body("supervisorId", equalTo(supervisorId));
    }
}
