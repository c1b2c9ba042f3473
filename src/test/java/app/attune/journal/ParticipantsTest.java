package app.attune.journal;

import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static app.attune.support.Journal.wai;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A couple, family or group names its participants; each rates the session, and the flags follow the lowest. */
@QuarkusTest
class ParticipantsTest {

    private static final List<String> PARTNERS = List.of("partner-a", "partner-b");

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void aCoupleRatesEachSessionOncePerPartnerAndTheFlagsFollowTheLowest() {
        String alliance = couple();
        therapist.postSession(alliance, session("2026-10-02").measures(srsOf(9.5, "partner-a"), srsOf(9.0, "partner-b")))
                .statusCode(201).body("measures.participant", contains("partner-a", "partner-b"));
        therapist.postSession(alliance, session("2026-10-09").measures(srsOf(9.5, "partner-a"), srsOf(8.5, "partner-b")))
                .statusCode(201);

        // Lowest partner: 36 then 34. The second session is below the cutoff of 36, 2 points down, and
        // partner-b's items of 8.5 are under the item floor of 9 (an average of the partners, 37 then 36,
        // would flag none of it).
        therapist.request().get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200)
                .body("alliance.participants", contains("partner-a", "partner-b"))
                .body("sessions.srsTotal", contains(36.0f, 34.0f))
                .body("sessions[0].srsByParticipant", equalTo(Map.of("partner-a", 38.0f, "partner-b", 36.0f)))
                .body("sessions[1].srsByParticipant", equalTo(Map.of("partner-a", 38.0f, "partner-b", 34.0f)))
                .body("sessions[0].flags", equalTo(List.of()))
                .body("sessions[1].flags", contains("SRS_BELOW_CUTOFF", "SRS_DROP", "SRS_ITEM_LOW"))
                .body("summary.srsTrend", equalTo(-2.0f));
        String csv = therapist.request().accept("text/csv").get("/api/v1/alliances/{id}/report", alliance).then()
                .statusCode(200).extract().asString();
        assertTrue(csv.contains("partner-a=38.0;partner-b=34.0"), csv);
    }

    @Test
    void eachPartnerHasOneMeasurePerInstrumentAndTiming() {
        String alliance = couple();
        String session = therapist.createSession(alliance, "2026-10-02");
        measure(session, srsOf(9.0, "partner-a")).statusCode(201).body("participant", equalTo("partner-a"));
        measure(session, srsOf(8.0, "partner-a")).statusCode(409);
        measure(session, srsOf(8.0, "partner-b")).statusCode(201);
        // The therapist's own rating of its alliance with one partner names that partner, or nobody.
        Map<String, Object> therapistWai = new HashMap<>(wai(4, 4, 4));
        therapistWai.put("respondent", "THERAPIST");
        measure(session, therapistWai).statusCode(201).body("participant", equalTo(null));
        therapistWai.put("participant", "partner-b");
        measure(session, therapistWai).statusCode(201).body("participant", equalTo("partner-b"));
        therapist.request().get("/api/v1/sessions/{id}", session).then().body("measures", hasSize(4));
    }

    @Test
    void aClientMeasureOfACoupleNamesAKnownPartnerAndAnIndividualNamesNone() {
        String alliance = couple();
        therapist.postSession(alliance, session("2026-10-02").measures(srsOf(9.0, null)))
                .statusCode(400).body("errors.field", contains("measures[0].participant"));
        therapist.postSession(alliance, session("2026-10-02").measures(srsOf(9.0, "partner-c")))
                .statusCode(400).body("errors.field", contains("measures[0].participant"));
        therapist.postSession(alliance, session("2026-10-02").measures(srsOf(9.0, "partner-a"), srsOf(8.0, "partner-a")))
                .statusCode(400).body("errors.field", contains("measures[1].instrument"));
        therapist.postSession(alliance, session("2026-10-02").measures(srsOf(9.0, "Partner A")))
                .statusCode(400).body("errors.field", contains("measures[0].participant"));
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("items", hasSize(0));

        String individual = therapist.createAlliance();
        therapist.postSession(individual, session("2026-10-02").measures(srsOf(9.0, "partner-a")))
                .statusCode(400).body("errors.field", contains("measures[0].participant"))
                .body("errors.message", hasItem("an INDIVIDUAL alliance has no participants"));
        String session = therapist.createSession(individual, "2026-10-02");
        measure(session, srsOf(9.0, "partner-a")).statusCode(400).body("errors.field", contains("participant"));
        therapist.request().get("/api/v1/sessions/{id}", session).then().body("measures", hasSize(0));
    }

    @Test
    void aSeveralPersonAllianceNamesTwoOrMoreDistinctLabelsAndAnIndividualNone() {
        String client = therapist.createClient();
        for (List<String> wrong : List.<List<String>>of(List.of(), List.of("partner-a"), List.of("partner-a", "partner-a"))) {
            open(client, "COUPLE", wrong).statusCode(400).body("errors.field", contains("participants"));
        }
        open(client, "FAMILY", List.of("Jane Doe", "parent-2")).statusCode(400)
                .body("errors.field", hasItem(startsWith("participants")));
        open(client, "INDIVIDUAL", PARTNERS).statusCode(400).body("errors.field", contains("participants"))
                .body("errors.message", contains("an INDIVIDUAL alliance has no participants"));
        therapist.request().get("/api/v1/alliances").then().body("items", hasSize(0));
        open(client, "GROUP", List.of("member-2", "member-1", "member-3")).statusCode(201)
                .body("participants", contains("member-1", "member-2", "member-3"));
    }

    @Test
    void aPartnerWithMeasuresStaysAndOthersCanComeAndGo() {
        String alliance = couple();
        therapist.postSession(alliance, session("2026-10-02").measures(srsOf(9.0, "partner-a"), srsOf(9.0, "partner-b")))
                .statusCode(201);
        patch(alliance, 0, Map.of("participants", List.of("partner-a", "partner-c"))).statusCode(409);
        patch(alliance, 0, Map.of("participants", List.of("partner-a", "partner-b", "partner-c"))).statusCode(200)
                .body("participants", contains("partner-a", "partner-b", "partner-c"));
        patch(alliance, 1, Map.of("participants", PARTNERS)).statusCode(200).body("participants", contains(PARTNERS.toArray()));
        patch(alliance, 2, Map.of("format", "INDIVIDUAL")).statusCode(400).body("errors.field", contains("participants"));
        patch(alliance, 2, Map.of("format", "INDIVIDUAL", "participants", List.of())).statusCode(409);
        therapist.request().get("/api/v1/alliances/{id}", alliance).then()
                .body("format", equalTo("COUPLE")).body("participants", contains(PARTNERS.toArray()))
                .body("participants", not(hasItems("partner-c")));
    }

    private String couple() {
        return open(therapist.createClient(), "COUPLE", PARTNERS).statusCode(201).extract().path("id");
    }

    private ValidatableResponse open(String client, String format, List<String> participants) {
        return therapist.request()
                .body(Map.of("clientId", client, "startedOn", "2026-09-01", "format", format, "participants", participants))
                .post("/api/v1/alliances").then();
    }

    private ValidatableResponse patch(String alliance, long version, Map<String, Object> changes) {
        return therapist.request().header("If-Match", "\"" + version + "\"").body(changes)
                .patch("/api/v1/alliances/{id}", alliance).then();
    }

    private ValidatableResponse measure(String session, Map<String, Object> body) {
        return therapist.request().body(body).post("/api/v1/sessions/{id}/measures", session).then();
    }

    private static Map<String, Object> srsOf(double each, String participant) {
        Map<String, Object> measure = new HashMap<>(srs(each));
        if (participant != null) {
            measure.put("participant", participant);
        }
        return measure;
    }
}
