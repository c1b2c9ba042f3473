package app.attune.report;

import static app.attune.support.Journal.psq;
import static app.attune.support.Journal.repair;
import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Report figures on real-world data, each checked against a value computed by hand: sessions
 * backfilled out of date order, a date-bounded report, ruptures logged by someone other than the
 * therapist, sessions that did not take place, and the open-rupture limit on its very day.
 */
@QuarkusTest
class ClinicalFiguresTest {

    /** Seconds always written (OffsetDateTime.toString drops ":00", which RFC 3339 does not allow). */
    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void sessionsPostedOutOfDateOrderAreReadInTheOrderTheyHappened() {
        String alliance = therapist.createAlliance();
        // An EHR backfills: Oct 16 (SRS 30) first, then Oct 2 (38), then Oct 9 (34).
        post(alliance, session("2026-10-16").measures(srs(7.5)));
        post(alliance, session("2026-10-02").measures(srs(9.5)));
        post(alliance, session("2026-10-09").measures(srs(8.5)));

        // Chronologically 38 -> 34 -> 30: slope -4.0 a session; the latest two below the cutoff of 36.
        report(alliance, null, null)
                .body("sessions.occurredAt", contains("2026-10-02T15:00:00Z", "2026-10-09T15:00:00Z", "2026-10-16T15:00:00Z"))
                .body("sessions.number", contains(2, 3, 1))
                .body("sessions[0].flags", not(hasItem("SRS_DROP")))
                .body("sessions[1].flags", hasItem("SRS_DROP"))
                .body("sessions[2].flags", hasItems("SRS_DROP", "SRS_BELOW_CUTOFF"))
                .body("summary.srsTrend", equalTo(-4.0f))
                .body("summary.atRisk.reasons", hasItems("FALLING_SRS_TREND", "SRS_BELOW_CUTOFF_TWICE"));
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(200)
                .body("items.number", contains(2, 3, 1));
    }

    @Test
    void theChartDrawsBackfilledSessionsInTheOrderTheyHappened() {
        String alliance = therapist.createAlliance();
        post(alliance, session("2026-10-16").measures(srs(7.5)));
        post(alliance, session("2026-10-02").measures(srs(9.5)));
        post(alliance, session("2026-10-09").measures(srs(8.5)));
        String svg = therapist.request().accept("image/svg+xml").get("/api/v1/alliances/{id}/report", alliance).then()
                .statusCode(200).extract().asString();
        Matcher line = Pattern.compile("class=\"srs\"[^>]*points=\"([^\"]+)\"").matcher(svg);
        assertTrue(line.find(), "no SRS line");
        double[][] points = Arrays.stream(line.group(1).split(" "))
                .map(p -> Arrays.stream(p.split(",")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
        // Left to right: 38, 34, 30, so the line only goes down (y grows downwards in SVG).
        assertEquals(3, points.length);
        for (int i = 1; i < points.length; i++) {
            assertTrue(points[i][0] > points[i - 1][0] && points[i][1] > points[i - 1][1],
                    "the SRS line is not in date order: " + line.group(1));
        }
    }

    @Test
    void aRepairInASessionRecordedEarlierButDatedLaterIsAccepted() {
        String alliance = therapist.createAlliance();
        String later = therapist.createSession(alliance, "2026-10-09");
        String rupture = post(alliance, session("2026-10-02").ruptures(rupture("CONFRONTATION", 3, List.of())))
                .extract().path("ruptures[0].id");
        therapist.request().body(Map.of("sessionId", later, "strategies", List.of("ACKNOWLEDGE_OWN_CONTRIBUTION"), "outcome", "RESOLVED"))
                .post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(201);
        // One session after the rupture's, by date, whatever the numbers say.
        report(alliance, null, null).body("summary.resolved", equalTo(1))
                .body("summary.sessionsToRepair.median", equalTo(1.0f))
                .body("summary.daysToRepair.median", equalTo(7.0f));
    }

    @Test
    void aDropIsFlaggedOnTheFirstSessionOfARangeAgainstTheSessionBeforeIt() {
        String alliance = therapist.createAlliance();
        post(alliance, session("2026-09-25").measures(srs(9.5)));
        post(alliance, session("2026-10-02").measures(srs(8.5)));
        report(alliance, "2026-10-01", "2026-10-31")
                .body("sessions.occurredAt", contains("2026-10-02T15:00:00Z"))
                .body("sessions[0].flags", hasItem("SRS_DROP"));
    }

    @Test
    void aRangeThatEndsBetweenAPartialAndAFullRepairSeesThePartialOne() {
        String alliance = therapist.createAlliance();
        String rupture = post(alliance, session("2026-10-02").ruptures(rupture("WITHDRAWAL", 3, List.of())))
                .extract().path("ruptures[0].id");
        post(alliance, session("2026-10-09").repairs(Map.of("ruptureId", rupture, "strategies", List.of("CLARIFY_MISUNDERSTANDING"),
                "outcome", "PARTIALLY_RESOLVED")));
        post(alliance, session("2026-10-23").repairs(Map.of("ruptureId", rupture, "strategies", List.of("ACKNOWLEDGE_OWN_CONTRIBUTION"),
                "outcome", "RESOLVED")));
        // As of Oct 16 the rupture was partially resolved: open, 14 days old, not yet resolved.
        report(alliance, "2026-10-01", "2026-10-16")
                .body("summary.resolved", equalTo(0))
                .body("summary.openRuptures", equalTo(1))
                .body("summary.oldestOpenRuptureDays", equalTo(14))
                .body("summary.strategyMix", equalTo(Map.of("CLARIFY_MISUNDERSTANDING", 1)))
                .body("ruptures.status", contains("PARTIALLY_RESOLVED"))
                .body("ruptures[0].sessionsToRepair", equalTo(null)).body("ruptures[0].repairGain", equalTo(null));
        // As of today it is resolved, 21 days after it surfaced.
        report(alliance, "2026-10-01", null)
                .body("summary.resolved", equalTo(1)).body("summary.openRuptures", equalTo(0))
                .body("summary.daysToRepair.median", equalTo(21.0f))
                // Resolved two sessions later; no SRS on either side, so no gain to give.
                .body("ruptures.status", contains("RESOLVED"))
                .body("ruptures[0].sessionsToRepair", equalTo(2)).body("ruptures[0].daysToRepair", equalTo(21.0f))
                .body("ruptures[0].repairGain", equalTo(null));
    }

    @Test
    void theDiscrepancyComparesTheClientWithTheTherapistAndCountsObserversApart() {
        String alliance = therapist.createAlliance();
        // Client reports one, only a supervisor logged one: the therapist logged none.
        post(alliance, session("2026-09-03").measures(psq(true)).ruptures(reportedBy("SUPERVISOR")));
        // Client reports none, only an observer logged one: not the therapist's log either.
        post(alliance, session("2026-09-10").measures(psq(false)).ruptures(reportedBy("OBSERVER")));
        // Client reports none, the therapist logged one.
        post(alliance, session("2026-09-17").measures(psq(false)).ruptures(reportedBy("THERAPIST")));
        // Client reports one, the therapist logged one: they agree.
        post(alliance, session("2026-09-24").measures(psq(true)).ruptures(reportedBy("THERAPIST")));
        report(alliance, null, null)
                .body("summary.discrepancy.clientOnly", equalTo(1))
                .body("summary.discrepancy.therapistOnly", equalTo(1))
                .body("summary.discrepancy.observedOnly", equalTo(2));
    }

    @Test
    void aSessionThatDidNotTakePlaceHoldsItsRupturesButNoMeasuresOrRepairs() {
        String alliance = therapist.createAlliance();
        String missed = post(alliance, session("2026-10-02").attendance("THERAPIST_NO_SHOW")
                .ruptures(rupture("CONFRONTATION", 4, List.of("missed-session")))).extract().path("id");
        String rupture = therapist.request().get("/api/v1/sessions/{id}", missed).then().extract().path("ruptures[0].id");

        therapist.request().body(srs(9)).post("/api/v1/sessions/{id}/measures", missed).then().statusCode(409)
                .contentType("application/problem+json");
        therapist.request().body(Map.of("sessionId", missed, "strategies", List.of("ACKNOWLEDGE_OWN_CONTRIBUTION"), "outcome", "RESOLVED"))
                .post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(409);
        therapist.postSession(alliance, session("2026-10-03").attendance("CLIENT_NO_SHOW").measures(srs(9))).statusCode(409);
        therapist.postSession(alliance, session("2026-10-04").attendance("CLIENT_CANCELLED")
                .ruptures(rupture("WITHDRAWAL", 2, List.of(), repair("CLARIFY_MISUNDERSTANDING", "RESOLVED")))).statusCode(409);
        Map<String, Object> prePsq = new HashMap<>(psq(false));
        prePsq.put("timing", "PRE_SESSION");
        String attended = therapist.createSession(alliance, "2026-10-09");
        therapist.request().body(prePsq).post("/api/v1/sessions/{id}/measures", attended).then().statusCode(400)
                .body("errors.field", hasItem("timing"));
        // An attended session that holds a measure cannot be turned into a no-show.
        therapist.request().body(srs(9)).post("/api/v1/sessions/{id}/measures", attended).then().statusCode(201);
        therapist.request().header("If-Match", "*").body(Map.of("attendance", "CLIENT_NO_SHOW"))
                .patch("/api/v1/sessions/{id}", attended).then().statusCode(409);

        // Nothing refused was stored: the missed session has its rupture and nothing else.
        therapist.request().get("/api/v1/sessions/{id}", missed).then().statusCode(200)
                .body("measures.size()", equalTo(0)).body("repairs.size()", equalTo(0)).body("ruptures.size()", equalTo(1));
        therapist.request().get("/api/v1/alliances/{id}/sessions", alliance).then().body("totalItems", equalTo(2));
    }

    @Test
    void rupturesOfMissedSessionsLeaveTheSameSessionRateAndRatesArePerAttendedSession() {
        String alliance = therapist.createAlliance();
        post(alliance, session("2026-10-02").attendance("THERAPIST_NO_SHOW").ruptures(rupture("CONFRONTATION", 4, List.of())));
        post(alliance, session("2026-10-09").ruptures(rupture("WITHDRAWAL", 2, List.of(),
                repair("CLARIFY_MISUNDERSTANDING", "RESOLVED"))));
        post(alliance, session("2026-10-16"));
        // Two ruptures, one of a session that did not happen; the other resolved where it surfaced: 1 / 1.
        // Two attended sessions, one withdrawal rupture in them: 0.5 a session.
        report(alliance, null, null)
                .body("summary.rupturesOutsideAttendedSessions", equalTo(1))
                .body("summary.sameSessionResolutionRate", equalTo(1.0f))
                .body("summary.resolutionRate", equalTo(0.5f))
                .body("summary.rupturesPerSession.withdrawal", equalTo(0.5f))
                .body("summary.rupturesPerSession.confrontation", equalTo(0.0f))
                .body("summary.rupturesPerSession.total", equalTo(0.5f));
    }

    @Test
    void theOpenRuptureLimitIsReachedOnItsDay() {
        String onTheDay = allianceWithAnOpenRuptureAged(21);
        String dayBefore = allianceWithAnOpenRuptureAged(20);
        report(onTheDay, null, null).body("summary.oldestOpenRuptureDays", equalTo(21))
                .body("summary.atRisk.reasons", hasItem("OPEN_RUPTURE_OVER_LIMIT"));
        report(dayBefore, null, null).body("summary.oldestOpenRuptureDays", equalTo(20))
                .body("summary.atRisk.reasons", not(hasItem("OPEN_RUPTURE_OVER_LIMIT")));
    }

    @Test
    void aDropCountsFromTheSettingsPointsAndDipsAreCountedOnce() {
        // Default srsDropPoints 1.0: 38 -> 37.5 is no drop; 37.5 -> 36.5 is one.
        String small = therapist.createAlliance();
        post(small, session("2026-09-03").measures(srsItems(9.5, 9.5, 9.5, 9.5)));
        post(small, session("2026-09-10").measures(srsItems(9.5, 9.5, 9.5, 9.0)));
        post(small, session("2026-09-17").measures(srsItems(9.5, 9.5, 9.0, 8.5)));
        report(small, null, null).body("sessions[1].flags", not(hasItem("SRS_DROP")))
                .body("sessions[2].flags", hasItem("SRS_DROP"));

        // A plateau at the bottom of one dip: 38, 34, 34, 38 is one V-shaped episode.
        report(withScores(38, 34, 34, 38), null, null)
                .body("summary.vShapedEpisodes", equalTo(1)).body("summary.unrecoveredDips", equalTo(0));
        // A decline over three sessions, then back: 38, 37.2, 36.4, 35.6, 38 is one episode.
        report(withScores(38, 37.2, 36.4, 35.6, 38), null, null)
                .body("summary.vShapedEpisodes", equalTo(1)).body("summary.unrecoveredDips", equalTo(0));
        // Never back at 38: one unrecovered dip, however it wanders below.
        report(withScores(38, 34, 35.2, 35.2, 36, 35.2), null, null)
                .body("summary.vShapedEpisodes", equalTo(0)).body("summary.unrecoveredDips", equalTo(1));
        // Back, but four rated sessions after the lowest point (window 3): unrecovered.
        report(withScores(38, 34, 35.2, 35.2, 35.2, 38), null, null)
                .body("summary.vShapedEpisodes", equalTo(0)).body("summary.unrecoveredDips", equalTo(1));
        // Two dips, the second too shallow to count: 38, 36, 38, 37.6, 38.
        report(withScores(38, 36, 38, 37.6, 38), null, null)
                .body("summary.vShapedEpisodes", equalTo(1)).body("summary.unrecoveredDips", equalTo(0));
    }

    @Test
    void theSettingsDropPointsAndTimeZoneAreCheckedAndUsed() {
        Practitioner admin = therapist.colleague("admin");
        Map<String, Object> settings = new HashMap<>(Map.of("srsCutoff", 36, "srsItemFloor", 9, "orsCutoff", 25,
                "orsReliableChange", 5, "repairWindowSessions", 3, "openRuptureLimitDays", 21));
        for (Object points : List.of(0.05, 0, 10.5, 11)) {
            settings.put("srsDropPoints", points);
            admin.request().header("If-Match", "*").body(settings).put("/api/v1/organization/settings").then().statusCode(400)
                    .body("errors.field", hasItem("srsDropPoints"));
        }
        settings.put("srsDropPoints", 2);
        for (String zone : List.of("Mars/Olympus", "+02:00", "CEST")) {
            settings.put("timeZone", zone);
            admin.request().header("If-Match", "*").body(settings).put("/api/v1/organization/settings").then().statusCode(400)
                    .body("errors.field", hasItem("timeZone"));
        }
        admin.request().get("/api/v1/organization/settings").then().body("srsDropPoints", equalTo(1))
                .body("timeZone", equalTo("UTC")).body("version", equalTo(0));

        // 02:00 UTC on Oct 2 is the evening of Oct 1 in Chicago: a report from Oct 2 leaves it out there.
        String alliance = therapist.createAlliance();
        post(alliance, session("2000-01-01").with("occurredAt", "2026-10-02T02:00:00Z"));
        report(alliance, "2026-10-02", "2026-10-31").body("sessions.size()", equalTo(1));
        settings.put("timeZone", "America/Chicago");
        admin.request().header("If-Match", "*").body(settings).put("/api/v1/organization/settings").then().statusCode(200)
                .body("timeZone", equalTo("America/Chicago")).body("srsDropPoints", equalTo(2));
        report(alliance, "2026-10-02", "2026-10-31").body("sessions.size()", equalTo(0));
        report(alliance, "2026-10-01", "2026-10-01").body("sessions.size()", equalTo(1));
    }

    @Test
    void anAllianceClosedOnTheRangesLastDayCountsAsClosedEastOfUtc() {
        Practitioner admin = therapist.colleague("admin");
        admin.request().header("If-Match", "*").body(Map.of("srsCutoff", 36, "srsItemFloor", 9, "orsCutoff", 25,
                "orsReliableChange", 5, "repairWindowSessions", 3, "openRuptureLimitDays", 21, "timeZone", "Europe/Berlin"))
                .put("/api/v1/organization/settings").then().statusCode(200);
        String alliance = therapist.createAlliance();
        post(alliance, session("2026-10-02").ruptures(rupture("WITHDRAWAL", 3, List.of())));
        therapist.request().header("If-Match", "\"0\"").body(Map.of("status", "CLOSED_UNPLANNED", "endedOn", "2026-10-31"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200);
        // Oct 31 ends at 23:00 UTC in Berlin; the alliance closed that day, so as of the range's end it had closed.
        report(alliance, "2026-10-01", "2026-10-31")
                .body("summary.unresolvedAtClose", equalTo(1)).body("summary.openRuptures", equalTo(0))
                .body("ruptures.status", contains("UNRESOLVED_AT_CLOSE"));
        report(alliance, "2026-10-01", "2026-10-30")
                .body("summary.unresolvedAtClose", equalTo(0)).body("ruptures.status", contains("OPEN"));
    }

    /**
     * The seed's story, every figure of its report checked: the therapist forgot the Sunday session
     * (the client told of the rupture, the therapist owned all of it) and repaired it at the next
     * one; the SRS was 36 the week before and 38 after the repair, so the alliance deepened.
     */
    @Test
    void theMissedSundaySessionStoryGivesEveryFigure() {
        String alliance = therapist.createAlliance();
        post(alliance, session("2026-09-20").measures(srs(9)));
        Map<String, Object> missed = rupture("CONFRONTATION", 4, List.of("missed-session"));
        missed.put("markers", List.of("COMPLAINT_ABOUT_PARAMETERS"));
        missed.put("therapistContribution", 5);
        missed.put("reportedBy", "CLIENT");
        String rupture = post(alliance, session("2026-09-27").attendance("THERAPIST_NO_SHOW").ruptures(missed))
                .extract().path("ruptures[0].id");
        post(alliance, session("2026-10-04").measures(srs(9.5))
                .repairs(Map.of("ruptureId", rupture, "strategies", List.of("ACKNOWLEDGE_OWN_CONTRIBUTION",
                        "INVITE_DISCUSSION_OF_RUPTURE"), "outcome", "RESOLVED", "resolutionRating", 4)));
        therapist.request().get("/api/v1/ruptures/{id}", rupture).then().body("status", equalTo("RESOLVED"));

        report(alliance, null, null)
                .body("sessions.attendance", contains("ATTENDED", "THERAPIST_NO_SHOW", "ATTENDED"))
                .body("sessions.srsTotal", contains(36.0f, null, 38.0f))
                .body("sessions.ruptures.confrontation", contains(0, 1, 0))
                .body("sessions.maxSignificance", contains(null, 4, null))
                .body("sessions.repairs", contains(0, 0, 1))
                .body("sessions.flags", contains(List.of(), List.of(), List.of()))
                .body("summary.sessionsAttended", equalTo(2))
                .body("summary.sessionsWithRupture", equalTo(0))
                .body("summary.ruptureRate", equalTo(0.0f))
                .body("summary.ruptures.total", equalTo(1)).body("summary.ruptures.confrontation", equalTo(1))
                .body("summary.resolved", equalTo(1))
                .body("summary.resolutionRate", equalTo(1.0f))
                // Its only rupture was of a session that did not happen: no same-session rate to give.
                .body("summary.sameSessionResolutionRate", equalTo(null))
                .body("summary.rupturesOutsideAttendedSessions", equalTo(1))
                .body("summary.rupturesPerSession.total", equalTo(0.0f))
                .body("summary.sessionsToRepair.median", equalTo(1.0f))
                .body("summary.sessionsToRepair.q1", equalTo(1.0f)).body("summary.sessionsToRepair.q3", equalTo(1.0f))
                .body("summary.daysToRepair.median", equalTo(7.0f))
                .body("summary.openRuptures", equalTo(0))
                .body("summary.oldestOpenRuptureDays", equalTo(null))
                .body("summary.unresolvedAtClose", equalTo(0))
                // One episode, two strategies: each counted once; the episode was exploratory.
                .body("summary.strategyMix", equalTo(Map.of("ACKNOWLEDGE_OWN_CONTRIBUTION", 1, "INVITE_DISCUSSION_OF_RUPTURE", 1)))
                .body("summary.exploratoryShare", equalTo(1.0f))
                .body("summary.tagCounts", equalTo(Map.of("missed-session", 1)))
                .body("summary.discrepancy.clientOnly", equalTo(0)).body("summary.discrepancy.therapistOnly", equalTo(0))
                .body("summary.discrepancy.observedOnly", equalTo(0))
                // 36 at the first session, 38 at the third: a point a session.
                .body("summary.srsTrend", equalTo(1.0f))
                .body("summary.vShapedEpisodes", equalTo(0)).body("summary.unrecoveredDips", equalTo(0))
                .body("summary.repairGain.count", equalTo(1))
                .body("summary.repairGain.median", equalTo(2.0f))
                .body("summary.repairGain.shareRose", equalTo(1.0f))
                .body("summary.atRisk.flag", equalTo(false))
                .body("summary.atRisk.reasons", equalTo(List.of()))
                // The rupture itself, as the supervisor reads it: repaired a session and 7 days later, SRS 36 -> 38.
                .body("ruptures.id", contains(rupture))
                .body("ruptures[0].sessionNumber", equalTo(2))
                .body("ruptures[0].surfacedAt", equalTo("2026-09-27T15:00:00Z"))
                .body("ruptures[0].type", equalTo("CONFRONTATION"))
                .body("ruptures[0].reportedBy", equalTo("CLIENT"))
                .body("ruptures[0].status", equalTo("RESOLVED"))
                .body("ruptures[0].sessionsToRepair", equalTo(1))
                .body("ruptures[0].daysToRepair", equalTo(7.0f))
                .body("ruptures[0].repairGain", equalTo(2.0f));
    }

    @Test
    void aRepairEpisodeNamesOneToFourDistinctStrategies() {
        String alliance = therapist.createAlliance();
        String rupture = post(alliance, session("2026-10-02").ruptures(rupture("CONFRONTATION", 3, List.of())))
                .extract().path("ruptures[0].id");
        String next = therapist.createSession(alliance, "2026-10-09");
        for (List<String> strategies : List.<List<String>>of(List.of(), List.of("CLARIFY_MISUNDERSTANDING", "CLARIFY_MISUNDERSTANDING"),
                List.of("CLARIFY_MISUNDERSTANDING", "CHANGE_TASKS_OR_GOALS", "PROVIDE_RATIONALE", "REDIRECT_OR_REFOCUS",
                        "ACKNOWLEDGE_OWN_CONTRIBUTION"))) {
            therapist.request().body(Map.of("sessionId", next, "strategies", strategies, "outcome", "RESOLVED"))
                    .post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(400)
                    .body("errors.field", hasItem("strategies"));
        }
        therapist.request().body(Map.of("sessionId", next, "strategies", List.of("PROVIDE_RATIONALE", "OTHER"),
                "outcome", "PARTIALLY_RESOLVED")).post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(400)
                .body("errors.field", hasItem("description"));
        therapist.request().get("/api/v1/ruptures/{id}", rupture).then().body("repairs.size()", equalTo(0));

        therapist.request().body(Map.of("sessionId", next, "strategies", List.of("PROVIDE_RATIONALE", "CHANGE_TASKS_OR_GOALS"),
                "outcome", "PARTIALLY_RESOLVED")).post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(201)
                .body("strategies", contains("PROVIDE_RATIONALE", "CHANGE_TASKS_OR_GOALS"));
        therapist.request().body(Map.of("performedAt", "2026-10-10T09:00:00Z", "strategies",
                List.of("ACKNOWLEDGE_OWN_CONTRIBUTION", "PROVIDE_RATIONALE"), "outcome", "RESOLVED"))
                .post("/api/v1/ruptures/{id}/repairs", rupture).then().statusCode(201);
        // Two episodes: PROVIDE_RATIONALE in both (2), the others once; one of the two was exploratory.
        report(alliance, null, null)
                .body("summary.strategyMix", equalTo(Map.of("PROVIDE_RATIONALE", 2, "CHANGE_TASKS_OR_GOALS", 1,
                        "ACKNOWLEDGE_OWN_CONTRIBUTION", 1)))
                .body("summary.exploratoryShare", equalTo(0.5f));
    }

    /** An alliance whose weekly sessions have these SRS totals (each a multiple of 0.4 spread evenly over four items). */
    private String withScores(double... totals) {
        String alliance = therapist.createAlliance();
        OffsetDateTime at = OffsetDateTime.parse("2026-09-03T15:00:00Z");
        for (double total : totals) {
            post(alliance, session("2000-01-01").with("occurredAt", RFC_3339.format(at)).measures(srs(total / 4)));
            at = at.plusWeeks(1);
        }
        return alliance;
    }

    private static Map<String, Object> srsItems(double relationship, double goals, double approach, double overall) {
        return Map.of("instrument", "SRS", "timing", "POST_SESSION", "items", Map.of("RELATIONSHIP", relationship,
                "GOALS_AND_TOPICS", goals, "APPROACH", approach, "OVERALL", overall));
    }

    /** An open rupture whose session was this many whole days ago (and an hour), under the default limit of 21. */
    private String allianceWithAnOpenRuptureAged(int days) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(days).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        String alliance = therapist.createAlliance(therapist.createClient(), at.toLocalDate().minusDays(7).toString());
        post(alliance, session("2000-01-01").with("occurredAt", RFC_3339.format(at)).ruptures(rupture("WITHDRAWAL", 2, List.of())));
        return alliance;
    }

    private static Map<String, Object> reportedBy(String reporter) {
        Map<String, Object> rupture = rupture(reporter.equals("THERAPIST") ? "WITHDRAWAL" : "CONFRONTATION", 3, List.of());
        rupture.put("reportedBy", reporter);
        return rupture;
    }

    private io.restassured.response.ValidatableResponse post(String alliance, Map<String, Object> body) {
        return therapist.postSession(alliance, body).statusCode(201);
    }

    private io.restassured.response.ValidatableResponse report(String alliance, String from, String to) {
        var request = therapist.request();
        if (from != null) {
            request.queryParam("from", from);
        }
        if (to != null) {
            request.queryParam("to", to);
        }
        return request.get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200);
    }
}
