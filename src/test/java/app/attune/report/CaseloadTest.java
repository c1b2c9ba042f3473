package app.attune.report;

import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import app.attune.support.Practitioner;
import app.attune.support.Supervision;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseloadTest {

    @Inject
    Supervision supervision;

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void aTherapistSeesItsOpenAlliancesAtRiskFirst() {
        String calm = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        String strained = therapist.createAlliance(therapist.createClient(), "2026-02-01");
        therapist.postSession(strained, session("2026-03-02").ruptures(rupture("CONFRONTATION", 4, List.of())))
                .statusCode(201);
        String closed = therapist.createAlliance(therapist.createClient(), "2026-03-01");
        therapist.request().header("If-Match", "\"0\"").body("{\"status\": \"CLOSED_PLANNED\", \"endedOn\": \"2026-04-01\"}")
                .patch("/api/v1/alliances/{id}", closed).then().statusCode(200);
        therapist.colleague("therapist").createAlliance();

        therapist.request().get("/api/v1/reports/caseload").then().statusCode(200)
                .body("items.alliance.id", contains(strained, calm))
                .body("items[0].summary.atRisk.flag", equalTo(true))
                .body("items[0].summary.atRisk.reasons", contains("OPEN_RUPTURE_OVER_LIMIT"))
                .body("items[1].summary.atRisk.flag", equalTo(false))
                .body("totalItems", equalTo(2));
        therapist.request().queryParam("status", "CLOSED_PLANNED").get("/api/v1/reports/caseload").then()
                .body("items.alliance.id", contains(closed));
        therapist.request().queryParam("size", 1).queryParam("page", 1).get("/api/v1/reports/caseload").then()
                .body("items.alliance.id", contains(calm)).body("totalPages", equalTo(2));
    }

    @Test
    void aSupervisorSeesEachSuperviseesAlliancesAndTheirReports() {
        Practitioner supervisor = therapist.colleague("supervisor");
        Practitioner other = therapist.colleague("therapist");
        supervision.link(supervisor, therapist);
        supervision.link(supervisor, other);
        String mine = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        String theirs = other.createAlliance(other.createClient(), "2026-02-01");
        other.postSession(theirs, session("2026-03-02").ruptures(rupture("WITHDRAWAL", 3, List.of()))).statusCode(201);
        String unsupervised = therapist.colleague("therapist").createAlliance();

        supervisor.request().get("/api/v1/reports/caseload").then().statusCode(200)
                .body("items.alliance.id", contains(theirs, mine))
                .body("items[0].summary.ruptures.total", equalTo(1));
        supervisor.request().get("/api/v1/alliances/{id}/report", theirs).then().statusCode(200)
                .body("summary.openRuptures", equalTo(1));
        supervisor.request().get("/api/v1/alliances/{id}/report", unsupervised).then().statusCode(404);
        // A supervisor reads the supervisee's journal too, but never writes to it (ObjectAccessTest).
        supervisor.request().get("/api/v1/alliances/{id}", theirs).then().statusCode(200);
        // The therapist's own caseload holds only its own alliance.
        therapist.request().get("/api/v1/reports/caseload").then().body("items.alliance.id", contains(mine));
    }

    @Test
    void rolesWithoutCaseloadsAreRefused() {
        therapist.colleague("admin").request().get("/api/v1/reports/caseload").then().statusCode(403);
        therapist.request().queryParam("status", "GONE").get("/api/v1/reports/caseload").then().statusCode(400)
                .body("errors", hasSize(1));
    }
}
