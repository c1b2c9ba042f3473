package app.attune.api;

import static org.hamcrest.Matchers.equalTo;

import app.attune.support.Journal;
import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Fields a caller does not own cannot be set through any body: ids, versions, statuses, computed
 * scores, the organization, another practitioner as therapist. Each attempt is a 400 naming the
 * field, and nothing is stored or changed.
 */
@QuarkusTest
class MassAssignmentTest {

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void createBodiesCannotSetOwnedFields() {
        String otherId = therapist.colleague("therapist").id();
        String client = therapist.createClient();
        refused(with(Map.of("displayLabel", "C"), "organizationId", UUID.randomUUID()), "/api/v1/clients");
        refused(with(Map.of("displayLabel", "C"), "id", UUID.randomUUID()), "/api/v1/clients");
        therapist.request().get("/api/v1/clients").then().body("totalItems", equalTo(1));

        Map<String, Object> alliance = Map.of("clientId", client, "startedOn", "2026-09-01");
        refused(with(alliance, "therapistId", otherId), "/api/v1/alliances");
        refused(with(alliance, "status", "CLOSED_PLANNED"), "/api/v1/alliances");
        refused(with(alliance, "version", 7), "/api/v1/alliances");
        refused(with(alliance, "organization", "org-x"), "/api/v1/alliances");
        therapist.request().get("/api/v1/alliances").then().body("totalItems", equalTo(0));

        String allianceId = therapist.createAlliance(client, "2026-09-01");
        String sessions = "/api/v1/alliances/" + allianceId + "/sessions";
        refused(Journal.session("2026-09-03").with("status", "SIGNED"), sessions);
        refused(Journal.session("2026-09-03").with("number", 99), sessions);
        refused(Journal.session("2026-09-03").with("signedAt", "2026-09-03T16:00:00Z"), sessions);
        Map<String, Object> scored = new HashMap<>(Journal.srs(2.0));
        scored.put("total", 40);
        refused(Journal.session("2026-09-03").measures(scored), sessions);
        Map<String, Object> resolved = new HashMap<>(Journal.rupture("WITHDRAWAL", 2, List.of()));
        resolved.put("status", "RESOLVED");
        refused(Journal.session("2026-09-03").ruptures(resolved), sessions);
        therapist.request().get(sessions).then().body("totalItems", equalTo(0));
    }

    @Test
    void patchBodiesCannotSetOwnedFields() {
        String alliance = therapist.createAlliance();
        String session = therapist.createSession(alliance, "2026-09-03");
        for (Map<String, Object> patch : List.<Map<String, Object>>of(Map.of("therapistId", therapist.colleague("therapist").id()),
                Map.of("clientId", UUID.randomUUID()), Map.of("id", UUID.randomUUID()), Map.of("version", 3))) {
            therapist.request().header("If-Match", "\"0\"").body(patch).patch("/api/v1/alliances/{id}", alliance)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        for (Map<String, Object> patch : List.<Map<String, Object>>of(Map.of("status", "SIGNED"),
                Map.of("signedAt", "2026-09-03T16:00:00Z"), Map.of("allianceId", UUID.randomUUID()), Map.of("number", 5))) {
            therapist.request().header("If-Match", "\"0\"").body(patch).patch("/api/v1/sessions/{id}", session)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        therapist.request().get("/api/v1/alliances/{id}", alliance).then().body("version", equalTo(0))
                .body("status", equalTo("ACTIVE"));
        therapist.request().get("/api/v1/sessions/{id}", session).then().body("version", equalTo(0))
                .body("status", equalTo("DRAFT")).body("number", equalTo(1));
    }

    private void refused(Map<String, Object> body, String path) {
        therapist.request().body(body).post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.notNullValue());
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
