package app.attune.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.attune.support.Journal;
import app.attune.support.Practitioner;
import app.attune.support.Supervision;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Object-level access: a therapist's journal is its own, a supervisor reads its supervisees',
 * an integration reads and writes its organization's, an admin sees none of it. What a caller
 * may not see answers exactly as what does not exist.
 */
@QuarkusTest
class ObjectAccessTest {

    private static final String PRIVATE = "Private: my countertransference when she went quiet";

    @Inject
    Supervision supervision;

    private final Practitioner therapist = Practitioner.therapist();

    /** A therapist's alliance with one session, a rupture repaired in it, and a private note. */
    private record Journal1(String alliance, String session, String rupture) {
    }

    private Journal1 journal() {
        String alliance = therapist.createAlliance();
        Response session = therapist.request().body(Journal.session("2026-09-03")
                .ruptures(Journal.rupture("WITHDRAWAL", 3, List.of("missed-session"), Journal.repair("INVITE_DISCUSSION_OF_RUPTURE", "RESOLVED")))
                .with("note", "Progress note").with("privateNote", PRIVATE))
                .post("/api/v1/alliances/{id}/sessions", alliance);
        session.then().statusCode(201).body("privateNote", equalTo(PRIVATE));
        return new Journal1(alliance, session.path("id"), session.path("ruptures[0].id"));
    }

    @Test
    void anotherTherapistsObjectsAnswerExactlyAsMissingOnes() {
        Journal1 mine = journal();
        Practitioner colleague = therapist.colleague("therapist");
        Practitioner elsewhere = Practitioner.therapist();
        String missing = UUID.randomUUID().toString();
        List<Function<String, Function<Practitioner, Response>>> probes = List.of(
                id -> p -> p.request().get("/api/v1/alliances/{id}", id),
                id -> p -> p.request().get("/api/v1/alliances/{id}/sessions", id),
                id -> p -> p.request().get("/api/v1/alliances/{id}/ruptures", id),
                id -> p -> p.request().get("/api/v1/alliances/{id}/report", id),
                id -> p -> p.request().body(Journal.session("2026-09-10")).post("/api/v1/alliances/{id}/sessions", id));
        for (var probe : probes) {
            sameAnswer(probe.apply(missing), probe.apply(mine.alliance()), colleague, elsewhere);
        }
        List<Function<String, Function<Practitioner, Response>>> sessionProbes = List.of(
                id -> p -> p.request().get("/api/v1/sessions/{id}", id),
                id -> p -> p.request().header("If-Match", "\"0\"").body(Map.of("note", "x")).patch("/api/v1/sessions/{id}", id),
                id -> p -> p.request().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/sign", id),
                id -> p -> p.request().body(Journal.rupture("CONFRONTATION", 2, List.of())).post("/api/v1/sessions/{id}/ruptures", id),
                id -> p -> p.request().body(Journal.srs(9.0)).post("/api/v1/sessions/{id}/measures", id));
        for (var probe : sessionProbes) {
            sameAnswer(probe.apply(missing), probe.apply(mine.session()), colleague, elsewhere);
        }
        List<Function<String, Function<Practitioner, Response>>> ruptureProbes = List.of(
                id -> p -> p.request().get("/api/v1/ruptures/{id}", id),
                id -> p -> p.request().body(Map.of("strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "PARTIALLY_RESOLVED",
                        "performedAt", "2026-09-05T10:00:00Z")).post("/api/v1/ruptures/{id}/repairs", id));
        for (var probe : ruptureProbes) {
            sameAnswer(probe.apply(missing), probe.apply(mine.rupture()), colleague, elsewhere);
        }
        // Nothing was changed by any of it.
        therapist.request().get("/api/v1/sessions/{id}", mine.session()).then()
                .body("note", equalTo("Progress note")).body("status", equalTo("DRAFT")).body("version", equalTo(0));
    }

    @Test
    void anotherTherapistsSessionCannotBeReachedThroughOnesOwnRupture() {
        Journal1 mine = journal();
        Practitioner colleague = therapist.colleague("therapist");
        String theirs = colleague.createSession(colleague.createAlliance(), "2026-09-04");
        Map<String, Object> repairInTheirSession = Map.of("strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "PARTIALLY_RESOLVED",
                "sessionId", theirs);
        Map<String, Object> repairInNoSession = Map.of("strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "PARTIALLY_RESOLVED",
                "sessionId", UUID.randomUUID().toString());
        String viaTheirs = therapist.request().body(repairInTheirSession).post("/api/v1/ruptures/{id}/repairs", mine.rupture())
                .then().statusCode(400).extract().path("errors[0].message");
        String viaNone = therapist.request().body(repairInNoSession).post("/api/v1/ruptures/{id}/repairs", mine.rupture())
                .then().statusCode(400).extract().path("errors[0].message");
        assertEquals(viaNone, viaTheirs);
    }

    @Test
    void aSupervisorReadsItsSuperviseesJournalButChangesNothing() {
        Journal1 mine = journal();
        Practitioner supervisor = therapist.colleague("supervisor");
        Practitioner supervisingTherapist = therapist.colleague("therapist", "supervisor");
        supervision.link(supervisor, therapist);
        supervisor.request().get("/api/v1/alliances/{id}", mine.alliance()).then().statusCode(200);
        supervisor.request().get("/api/v1/sessions/{id}", mine.session()).then().statusCode(200)
                .body("note", equalTo("Progress note")).body("privateNote", nullValue());
        supervisor.request().get("/api/v1/ruptures/{id}", mine.rupture()).then().statusCode(200);
        supervisor.request().get("/api/v1/alliances/{id}/report", mine.alliance()).then().statusCode(200);
        supervisor.request().get("/api/v1/alliances").then().body("items.id", hasItem(mine.alliance()));
        // A supervisor's role writes nothing; a therapist who also supervises may read but not change.
        supervisor.request().header("If-Match", "\"0\"").body(Map.of("note", "edited"))
                .patch("/api/v1/sessions/{id}", mine.session()).then().statusCode(403);
        supervisingTherapist.request().get("/api/v1/sessions/{id}", mine.session()).then().statusCode(404);
        supervision.link(supervisingTherapist, therapist);
        supervisingTherapist.request().get("/api/v1/sessions/{id}", mine.session()).then().statusCode(200);
        supervisingTherapist.request().header("If-Match", "\"0\"").body(Map.of("note", "edited"))
                .patch("/api/v1/sessions/{id}", mine.session()).then().statusCode(403)
                .contentType("application/problem+json");
        supervisingTherapist.request().body(Journal.session("2026-09-10"))
                .post("/api/v1/alliances/{id}/sessions", mine.alliance()).then().statusCode(403);
        supervisingTherapist.request().body(Journal.rupture("CONFRONTATION", 2, List.of()))
                .post("/api/v1/sessions/{id}/ruptures", mine.session()).then().statusCode(403);
        therapist.request().get("/api/v1/sessions/{id}", mine.session()).then()
                .body("note", equalTo("Progress note")).body("ruptures", org.hamcrest.Matchers.hasSize(1));
        // Reading a supervisee's client is not treating it: no alliance of its own with that client.
        String superviseesClient = therapist.request().get("/api/v1/alliances/{id}", mine.alliance()).then()
                .extract().path("clientId");
        supervisingTherapist.request().body(Map.of("clientId", superviseesClient, "startedOn", "2026-09-01"))
                .post("/api/v1/alliances").then().statusCode(400).body("errors.field", hasItem("clientId"));
        // Not a supervisee: not found.
        Practitioner stranger = therapist.colleague("therapist");
        supervisor.request().get("/api/v1/alliances/{id}", stranger.createAlliance()).then().statusCode(404);
    }

    @Test
    void anIntegrationReadsAndWritesItsOrganizationsAlliancesButNeverPrivateNotes() {
        Journal1 mine = journal();
        Practitioner ehr = therapist.colleague("integration");
        ehr.request().get("/api/v1/alliances/{id}", mine.alliance()).then().statusCode(200);
        ehr.request().get("/api/v1/sessions/{id}", mine.session()).then().statusCode(200)
                .body("note", equalTo("Progress note")).body("privateNote", nullValue());
        ehr.request().body(Journal.session("2026-09-10").with("note", "From the EHR"))
                .post("/api/v1/alliances/{id}/sessions", mine.alliance()).then().statusCode(201);
        ehr.request().body(Journal.session("2026-09-17").with("privateNote", "not theirs to write"))
                .post("/api/v1/alliances/{id}/sessions", mine.alliance()).then().statusCode(403);
        String etag = ehr.etag("/api/v1/sessions/{id}", mine.session());
        ehr.request().header("If-Match", etag).body(Map.of("privateNote", "overwrite"))
                .patch("/api/v1/sessions/{id}", mine.session()).then().statusCode(403);
        ehr.request().header("If-Match", etag).body(Map.of("note", "Corrected by the EHR"))
                .patch("/api/v1/sessions/{id}", mine.session()).then().statusCode(200).body("privateNote", nullValue());
        therapist.request().get("/api/v1/sessions/{id}", mine.session()).then()
                .body("note", equalTo("Corrected by the EHR")).body("privateNote", equalTo(PRIVATE));

        // An integration opens alliances for a named therapist of its organization.
        String therapistId = therapist.id();
        String client = ehr.createClient();
        ehr.request().body(Map.of("clientId", client, "startedOn", "2026-09-01")).post("/api/v1/alliances")
                .then().statusCode(400).body("errors.field", hasItem("therapistId"));
        ehr.request().body(Map.of("clientId", client, "startedOn", "2026-09-01", "therapistId", ehr.id()))
                .post("/api/v1/alliances").then().statusCode(400).body("errors.field", hasItem("therapistId"));
        String opened = ehr.request().body(Map.of("clientId", client, "startedOn", "2026-09-01", "therapistId", therapistId))
                .post("/api/v1/alliances").then().statusCode(201).body("therapistId", equalTo(therapistId)).extract().path("id");
        therapist.request().get("/api/v1/alliances/{id}", opened).then().statusCode(200);

        // Another organization's integration sees none of it.
        Practitioner otherEhr = Practitioner.therapist().colleague("integration");
        otherEhr.request().get("/api/v1/alliances/{id}", mine.alliance()).then().statusCode(404);
        otherEhr.request().get("/api/v1/alliances").then().body("items.id", not(hasItem(mine.alliance())));
    }

    @Test
    void privateNotesNeverLeaveThroughReportsOrExports() {
        Journal1 mine = journal();
        therapist.request().get("/api/v1/alliances/{id}/report", mine.alliance()).then().statusCode(200)
                .body(not(containsString("countertransference")));
        therapist.request().accept("text/csv").get("/api/v1/alliances/{id}/report", mine.alliance()).then().statusCode(200)
                .body(not(containsString("countertransference")));
        therapist.request().accept("image/svg+xml").get("/api/v1/alliances/{id}/report", mine.alliance()).then()
                .statusCode(200).body(not(containsString("countertransference")));
        therapist.request().get("/api/v1/reports/caseload").then().body(not(containsString("countertransference")));
    }

    @Test
    void anAdminSeesNoClinicalContent() {
        Journal1 mine = journal();
        Practitioner admin = therapist.colleague("admin");
        admin.request().get("/api/v1/alliances/{id}", mine.alliance()).then().statusCode(403);
        admin.request().get("/api/v1/sessions/{id}", mine.session()).then().statusCode(403);
        admin.request().get("/api/v1/clients").then().statusCode(403);
        admin.request().get("/api/v1/alliances/{id}/report", mine.alliance()).then().statusCode(403);
    }

    /** The same status, problem body and headers for the object as for a missing id, for both outsiders. */
    private static void sameAnswer(Function<Practitioner, Response> toMissing, Function<Practitioner, Response> toObject,
            Practitioner... outsiders) {
        for (Practitioner outsider : outsiders) {
            Response missing = toMissing.apply(outsider);
            Response hidden = toObject.apply(outsider);
            assertEquals(404, hidden.statusCode(), hidden.asString());
            assertEquals(missing.statusCode(), hidden.statusCode());
            assertEquals(missing.asString(), hidden.asString());
            assertEquals(headers(missing), headers(hidden));
        }
    }

    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().forEach(h -> {
            // The request id and the caller's own rate-limit budget change with every request, whatever it asks for.
            if (!List.of("x-request-id", "date", "ratelimit").contains(h.getName().toLowerCase())) {
                headers.put(h.getName().toLowerCase(), h.getValue());
            }
        });
        return headers;
    }
}
