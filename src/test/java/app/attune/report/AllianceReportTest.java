package app.attune.report;

import static app.attune.support.Journal.ors;
import static app.attune.support.Journal.psq;
import static app.attune.support.Journal.repair;
import static app.attune.support.Journal.repairOf;
import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static app.attune.support.Journal.wai;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every metric checked against values computed by hand on fixed scenarios (default thresholds:
 * SRS cutoff 36, item floor 9, ORS reliable change 5, repair window 3, open limit 21 days).
 */
@QuarkusTest
class AllianceReportTest {

    private final Practitioner therapist = Practitioner.therapist();

    /**
     * Six sessions: a withdrawal repaired in its session; a confrontation partially repaired two
     * sessions later and resolved four sessions later; a V-shaped SRS dip; a client PSQ reporting a
     * rupture nobody logged; a client no-show; an open mixed rupture the client's PSQ denies.
     */
    @Test
    void aFullAllianceMatchesTheHandComputedFigures() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        therapist.postSession(alliance, session("2026-02-02").measures(srs(9.5), ors(5))
                .ruptures(rupture("WITHDRAWAL", 2, List.of("cultural"), repair("PROVIDE_RATIONALE", "RESOLVED"))))
                .statusCode(201);
        String confrontation = therapist.postSession(alliance, session("2026-02-09").measures(srs(8))
                .ruptures(rupture("CONFRONTATION", 4, List.of("homework")))).statusCode(201).extract().path("ruptures[0].id");
        therapist.postSession(alliance, session("2026-02-16").measures(srs(8.5), psq(true))).statusCode(201);
        therapist.postSession(alliance, session("2026-02-23").measures(srs(9.5), ors(6.5))
                .repairs(repairOf(confrontation, "INVITE_DISCUSSION_OF_RUPTURE", "PARTIALLY_RESOLVED"))).statusCode(201);
        therapist.postSession(alliance, session("2026-03-02").attendance("CLIENT_NO_SHOW")).statusCode(201);
        therapist.postSession(alliance, session("2026-03-09").measures(srs(9), psq(false))
                .ruptures(rupture("MIXED", 3, List.of("cultural")))
                .repairs(repairOf(confrontation, "ACKNOWLEDGE_OWN_CONTRIBUTION", "RESOLVED"))).statusCode(201);
        long openDays = Duration.between(OffsetDateTime.of(2026, 3, 9, 15, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.now(ZoneOffset.UTC)).toDays();

        report(alliance)
                .body("alliance.id", equalTo(alliance))
                .body("sessions.number", contains(1, 2, 3, 4, 5, 6))
                .body("sessions.attendance", contains("ATTENDED", "ATTENDED", "ATTENDED", "ATTENDED", "CLIENT_NO_SHOW", "ATTENDED"))
                .body("sessions.srsTotal", contains(38.0f, 32.0f, 34.0f, 38.0f, null, 36.0f))
                .body("sessions.orsTotal", contains(20.0f, null, null, 26.0f, null, null))
                .body("sessions.ruptures.total", contains(1, 1, 0, 0, 0, 1))
                .body("sessions.ruptures.withdrawal", contains(1, 0, 0, 0, 0, 0))
                .body("sessions.ruptures.confrontation", contains(0, 1, 0, 0, 0, 0))
                .body("sessions.ruptures.mixed", contains(0, 0, 0, 0, 0, 1))
                .body("sessions.maxSignificance", contains(2, 4, null, null, null, 3))
                .body("sessions.repairs", contains(1, 0, 0, 1, 0, 1))
                .body("sessions[0].flags", contains("ORS_BELOW_CUTOFF"))
                .body("sessions[1].flags", contains("SRS_BELOW_CUTOFF", "SRS_DROP", "SRS_ITEM_LOW"))
                .body("sessions[2].flags", contains("SRS_BELOW_CUTOFF", "SRS_ITEM_LOW"))
                .body("sessions[3].flags", contains("ORS_RELIABLE_IMPROVEMENT"))
                .body("sessions[4].flags", empty())
                .body("sessions[5].flags", contains("SRS_DROP"))
                .body("summary.sessionsAttended", equalTo(5))
                .body("summary.sessionsWithRupture", equalTo(3))
                .body("summary.ruptureRate", equalTo(0.6f))
                .body("summary.ruptures.total", equalTo(3))
                .body("summary.ruptures.withdrawal", equalTo(1))
                .body("summary.ruptures.confrontation", equalTo(1))
                .body("summary.ruptures.mixed", equalTo(1))
                .body("summary.resolved", equalTo(2))
                .body("summary.resolutionRate", equalTo(0.667f))
                .body("summary.sameSessionResolutionRate", equalTo(0.333f))
                // Sessions to repair: 0 (same session) and 4; days: 0 and 28.
                .body("summary.sessionsToRepair.median", equalTo(2.0f))
                .body("summary.sessionsToRepair.q1", equalTo(1.0f))
                .body("summary.sessionsToRepair.q3", equalTo(3.0f))
                .body("summary.daysToRepair.median", equalTo(14.0f))
                .body("summary.daysToRepair.q1", equalTo(7.0f))
                .body("summary.daysToRepair.q3", equalTo(21.0f))
                .body("summary.openRuptures", equalTo(1))
                .body("summary.oldestOpenRuptureDays", equalTo((int) openDays))
                .body("summary.unresolvedAtClose", equalTo(0))
                .body("summary.strategyMix", equalTo(Map.of("ACKNOWLEDGE_OWN_CONTRIBUTION", 1,
                        "INVITE_DISCUSSION_OF_RUPTURE", 1, "PROVIDE_RATIONALE", 1)))
                .body("summary.tagCounts", equalTo(Map.of("cultural", 2, "homework", 1)))
                .body("summary.discrepancy.clientOnly", equalTo(1))
                .body("summary.discrepancy.therapistOnly", equalTo(1))
                // SRS (x = session, y = total): (1,38) (2,32) (3,34) (4,38) (6,36): Sxy 2.4 / Sxx 14.8.
                .body("summary.srsTrend", equalTo(0.162f))
                .body("summary.vShapedEpisodes", equalTo(1))
                // Sessions 2 and 3 were below the cutoff, but the latest two rated (38, 36) are not.
                .body("summary.atRisk.flag", equalTo(true))
                .body("summary.atRisk.reasons", contains("OPEN_RUPTURE_OVER_LIMIT"));
    }

    /** Sessions to repair 2, 1, 1 and 0 (days 14, 7, 7, 0): medians fall on tied values. */
    @Test
    void tiedRepairTimesGiveInterpolatedQuartiles() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        List<String> first = therapist.postSession(alliance, session("2026-04-01")
                .ruptures(rupture("WITHDRAWAL", 2, List.of()), rupture("WITHDRAWAL", 2, List.of())))
                .statusCode(201).extract().path("ruptures.id");
        String second = therapist.postSession(alliance, session("2026-04-08")
                .ruptures(rupture("CONFRONTATION", 3, List.of()))
                .repairs(repairOf(first.get(1), "CLARIFY_MISUNDERSTANDING", "RESOLVED")))
                .statusCode(201).extract().path("ruptures[0].id");
        therapist.postSession(alliance, session("2026-04-15")
                .ruptures(rupture("MIXED", 1, List.of(), repair("REDIRECT_OR_REFOCUS", "RESOLVED")))
                .repairs(repairOf(first.get(0), "ACKNOWLEDGE_OWN_CONTRIBUTION", "RESOLVED"),
                        repairOf(second, "PROVIDE_RATIONALE", "RESOLVED"))).statusCode(201);

        report(alliance)
                .body("summary.resolved", equalTo(4))
                .body("summary.resolutionRate", equalTo(1.0f))
                .body("summary.sameSessionResolutionRate", equalTo(0.25f))
                .body("summary.sessionsToRepair.median", equalTo(1.0f))
                .body("summary.sessionsToRepair.q1", equalTo(0.75f))
                .body("summary.sessionsToRepair.q3", equalTo(1.25f))
                .body("summary.daysToRepair.median", equalTo(7.0f))
                .body("summary.daysToRepair.q1", equalTo(5.25f))
                .body("summary.daysToRepair.q3", equalTo(8.75f))
                .body("summary.openRuptures", equalTo(0))
                .body("summary.oldestOpenRuptureDays", nullValue());
    }

    @Test
    void aRepairBetweenSessionsCountsTheSessionsThatPassed() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        String rupture = therapist.postSession(alliance, session("2026-05-04")
                .ruptures(rupture("CONFRONTATION", 3, List.of()))).statusCode(201).extract().path("ruptures[0].id");
        therapist.createSession(alliance, "2026-05-11");
        therapist.request().body(Map.of("performedAt", "2026-05-13T15:00:00Z", "strategies", List.of("OTHER"),
                "description", "Phone call", "outcome", "RESOLVED"))
                .post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(201);
        report(alliance)
                .body("sessions.repairs", contains(0, 0))
                .body("summary.sessionsToRepair.median", equalTo(1.0f))
                .body("summary.daysToRepair.median", equalTo(9.0f))
                .body("summary.strategyMix", equalTo(Map.of("OTHER", 1)));
    }

    @Test
    void anAllianceClosedWithAnOpenRuptureCountsItUnresolvedAtClose() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        therapist.postSession(alliance, session("2026-06-01").measures(srs(7), ors(4))
                .ruptures(rupture("WITHDRAWAL", 4, List.of("dropout-risk")))).statusCode(201);
        therapist.postSession(alliance, session("2026-06-08").measures(srs(6))).statusCode(201);
        therapist.request().header("If-Match", "\"0\"").body(Map.of("status", "CLOSED_UNPLANNED", "endedOn", "2026-06-30"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200);
        report(alliance)
                .body("alliance.status", equalTo("CLOSED_UNPLANNED"))
                .body("summary.unresolvedAtClose", equalTo(1))
                .body("summary.openRuptures", equalTo(0))
                .body("summary.oldestOpenRuptureDays", nullValue())
                .body("summary.resolutionRate", equalTo(0.0f))
                // Below the cutoff twice running, but a closed alliance is no longer flagged at risk.
                .body("summary.atRisk.flag", equalTo(false))
                .body("summary.atRisk.reasons", contains("SRS_BELOW_CUTOFF_TWICE"));
    }

    @Test
    void anEmptyAllianceGivesZerosAndNulls() {
        String alliance = therapist.createAlliance();
        report(alliance)
                .body("sessions", empty())
                .body("summary.sessionsAttended", equalTo(0))
                .body("summary.sessionsWithRupture", equalTo(0))
                .body("summary.ruptureRate", nullValue())
                .body("summary.ruptures.total", equalTo(0))
                .body("summary.resolved", equalTo(0))
                .body("summary.resolutionRate", nullValue())
                .body("summary.sameSessionResolutionRate", nullValue())
                .body("summary.sessionsToRepair.median", nullValue())
                .body("summary.daysToRepair.q3", nullValue())
                .body("summary.openRuptures", equalTo(0))
                .body("summary.oldestOpenRuptureDays", nullValue())
                .body("summary.strategyMix", anEmptyMap())
                .body("summary.tagCounts", anEmptyMap())
                .body("summary.discrepancy.clientOnly", equalTo(0))
                .body("summary.srsTrend", nullValue())
                .body("summary.vShapedEpisodes", equalTo(0))
                .body("summary.atRisk.flag", equalTo(false))
                .body("summary.atRisk.reasons", empty());
    }

    @Test
    void anAllianceWithoutMeasuresHasNoScoresNorTrend() {
        String alliance = therapist.createAlliance();
        therapist.createSession(alliance, "2026-09-03");
        therapist.createSession(alliance, "2026-09-10");
        report(alliance)
                .body("sessions.srsTotal", contains(null, null))
                .body("sessions.waiSubscales", contains(null, null))
                .body("sessions[0].flags", empty())
                .body("summary.sessionsAttended", equalTo(2))
                .body("summary.ruptureRate", equalTo(0.0f))
                .body("summary.srsTrend", nullValue());
    }

    @Test
    void aFallingTrendAndClientNoShowsPutAnAllianceAtRisk() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        therapist.postSession(alliance, session("2026-07-01").measures(srs(10), wai(5, 4, 3))).statusCode(201);
        therapist.postSession(alliance, session("2026-07-08").measures(srs(9.5))).statusCode(201);
        therapist.postSession(alliance, session("2026-07-15").attendance("CLIENT_NO_SHOW")).statusCode(201);
        therapist.postSession(alliance, session("2026-07-22").measures(srs(9))).statusCode(201);
        therapist.postSession(alliance, session("2026-07-29").attendance("CLIENT_NO_SHOW")).statusCode(201);
        // SRS 40, 38, 36 at sessions 1, 2, 4: Sxy -6 / Sxx 14/3 = -1.286 per session.
        report(alliance)
                .body("sessions[0].waiTotal", equalTo(48.0f))
                .body("sessions[0].waiSubscales.TASK", equalTo(20.0f))
                .body("sessions[0].waiSubscales.BOND", equalTo(16.0f))
                .body("sessions[0].waiSubscales.GOAL", equalTo(12.0f))
                .body("summary.srsTrend", equalTo(-1.286f))
                .body("summary.vShapedEpisodes", equalTo(0))
                .body("summary.atRisk.flag", equalTo(true))
                .body("summary.atRisk.reasons", contains("FALLING_SRS_TREND", "CLIENT_NO_SHOWS"));
    }

    @Test
    void aDateRangeLimitsTheSessionsReported() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        therapist.createSession(alliance, "2026-08-03");
        therapist.createSession(alliance, "2026-08-10");
        therapist.createSession(alliance, "2026-08-17");
        therapist.request().queryParam("from", "2026-08-10").queryParam("to", "2026-08-17")
                .get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200)
                .body("sessions.number", contains(2, 3)).body("summary.sessionsAttended", equalTo(2));
        therapist.request().queryParam("from", "2026-08-20").queryParam("to", "2026-08-10")
                .get("/api/v1/alliances/{id}/report", alliance).then().statusCode(400).body("errors[0].field", equalTo("to"));
        therapist.request().queryParam("from", "August").get("/api/v1/alliances/{id}/report", alliance).then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void reliableChangeCountsFromTheFirstOrsWhateverTheRange() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        therapist.postSession(alliance, session("2026-08-03").measures(ors(4))).statusCode(201);
        therapist.postSession(alliance, session("2026-08-10").measures(ors(5.5))).statusCode(201);
        therapist.postSession(alliance, session("2026-08-17").measures(ors(4.5))).statusCode(201);
        // ORS 16, 22, 18: session 2 is 6 points above the first, session 3 only 2.
        therapist.request().queryParam("from", "2026-08-10").get("/api/v1/alliances/{id}/report", alliance).then()
                .statusCode(200)
                .body("sessions.number", contains(2, 3))
                .body("sessions[0].flags", contains("ORS_BELOW_CUTOFF", "ORS_RELIABLE_IMPROVEMENT"))
                .body("sessions[1].flags", contains("ORS_BELOW_CUTOFF"));
    }

    @Test
    void onlyTheClientsOwnAllianceRatingsAreReported() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        Map<String, Object> therapistRated = new java.util.HashMap<>(wai(2, 2, 2));
        therapistRated.put("respondent", "THERAPIST");
        therapist.postSession(alliance, session("2026-08-03").measures(therapistRated)).statusCode(201);
        report(alliance).body("sessions[0].waiTotal", nullValue()).body("sessions[0].waiSubscales", nullValue());
    }

    @Test
    void datesOutsideTheJournalsRangeAreRefused() {
        String alliance = therapist.createAlliance();
        for (String date : List.of("+999999999-12-31", "1899-12-31", "2200-01-01", "-5000-01-01")) {
            therapist.request().queryParam("to", date).get("/api/v1/alliances/{id}/report", alliance).then()
                    .statusCode(400).body("errors[0].field", equalTo("to"));
        }
    }

    @Test
    void anotherTherapistsReportIsNotFound() {
        String alliance = therapist.createAlliance();
        therapist.colleague("therapist").request().get("/api/v1/alliances/{id}/report", alliance).then().statusCode(404);
        // A supervisor who does not supervise this therapist sees nothing either.
        therapist.colleague("supervisor").request().get("/api/v1/alliances/{id}/report", alliance).then().statusCode(404);
        Practitioner.therapist().request().get("/api/v1/alliances/{id}/report", alliance).then().statusCode(404);
    }

    private ValidatableResponse report(String alliance) {
        return therapist.request().get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200);
    }
}
