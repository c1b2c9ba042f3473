package app.attune.change;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Blocking;
import app.attune.support.Journal;
import app.attune.support.Practitioner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The change feed: every change the caller may see, in commit order, each exactly once. */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    AgroalDataSource database;

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void everyChangeAppearsOnceInCommitOrder() {
        String client = therapist.createClient();
        String alliance = therapist.createAlliance(client, "2026-09-01");
        Response session = therapist.postSession(alliance, Journal.session("2026-09-03")
                .measures(Journal.srs(8.0)).ruptures(Journal.rupture("WITHDRAWAL", 3, List.of(),
                        Journal.repair("INVITE_DISCUSSION_OF_RUPTURE", "RESOLVED")))).statusCode(201).extract().response();
        String sessionId = session.path("id");
        therapist.request().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/sign", sessionId).then().statusCode(200);
        therapist.request().header("If-Match", "\"0\"").body(Map.of("status", "CLOSED_PLANNED"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200);

        List<Map<String, Object>> changes = follow(therapist, "0");
        List<String> events = changes.stream().map(c -> (String) c.get("eventType")).toList();
        // A rupture that arrives with its repair is created resolved: no separate update follows.
        assertEquals(List.of("client.created", "alliance.created", "session.created", "measure.created", "rupture.created",
                "repair.created", "session.signed", "alliance.closed"), events);
        assertEquals(sessionId, changes.get(6).get("resourceId"));
        assertEquals(alliance, changes.get(6).get("allianceId"));
        // Following from the last cursor finds nothing new, and says so.
        String last = (String) changes.get(changes.size() - 1).get("cursor");
        therapist.request().queryParam("since", last).get("/api/v1/changes").then().statusCode(200)
                .body("changes.size()", equalTo(0)).body("nextCursor", equalTo(last)).body("more", equalTo(false));
    }

    @Test
    void movingASessionUpdatesTheRepairsMadeInIt() {
        String alliance = therapist.createAlliance();
        String session = therapist.postSession(alliance, Journal.session("2026-09-03").ruptures(Journal.rupture("WITHDRAWAL", 3,
                List.of(), Journal.repair("INVITE_DISCUSSION_OF_RUPTURE", "RESOLVED")))).statusCode(201).extract().path("id");
        String last = (String) follow(therapist, "0").get(follow(therapist, "0").size() - 1).get("cursor");
        therapist.request().header("If-Match", "\"0\"").body(Map.of("occurredAt", "2026-09-03T17:00:00Z"))
                .patch("/api/v1/sessions/{id}", session).then().statusCode(200);
        assertEquals(List.of("repair.updated", "session.updated"),
                follow(therapist, last).stream().map(c -> c.get("eventType")).toList());
    }

    @Test
    void aConsumerSeesOnlyWhatItMaySeeAndNeverStallsOnTheRest() {
        therapist.createAlliance();
        Practitioner colleague = therapist.colleague("therapist");
        colleague.createAlliance();
        JsonPath page = colleague.request().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("client.created", "alliance.created"), page.getList("changes.eventType"));
        assertEquals("4", page.getString("nextCursor"));
        assertEquals(4, follow(therapist.colleague("integration"), "0").size());
        therapist.colleague("admin").request().get("/api/v1/changes").then().statusCode(403);
        therapist.request().queryParam("since", "999").get("/api/v1/changes").then().statusCode(400);
        therapist.request().queryParam("since", "-1").get("/api/v1/changes").then().statusCode(400);
        therapist.request().queryParam("limit", "0").get("/api/v1/changes").then().statusCode(400);
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() {
        for (int i = 0; i < 3; i++) {
            therapist.createAlliance();
        }
        List<String> cursors = new ArrayList<>();
        String since = "0";
        while (true) {
            JsonPath page = therapist.request().queryParam("since", since).queryParam("limit", 4).get("/api/v1/changes")
                    .then().statusCode(200).extract().jsonPath();
            cursors.addAll(page.getList("changes.cursor"));
            since = page.getString("nextCursor");
            if (!page.getBoolean("more")) {
                break;
            }
        }
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), cursors);
    }

    /**
     * A transaction that did its work first but commits last. The first request writes its
     * session, then waits for a rupture row held here; meanwhile another request starts and
     * commits. A consumer reading in between sees the second; after the first commits, following
     * the cursor brings the first. Neither is missed, neither is seen twice.
     */
    @Test
    void transactionsCommittingOutOfOrderAreNeitherMissedNorRepeated() throws Exception {
        String slowAlliance = therapist.createAlliance();
        String rupture = therapist.postSession(slowAlliance, Journal.session("2026-09-03")
                .ruptures(Journal.rupture("WITHDRAWAL", 3, List.of()))).statusCode(201).extract().path("ruptures[0].id");
        String fastAlliance = therapist.createAlliance();
        List<Map<String, Object>> seen = new ArrayList<>(follow(therapist, "0"));
        String cursor = (String) seen.get(seen.size() - 1).get("cursor");

        CompletableFuture<Response> slow;
        try (Connection blocker = database.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("select id from rupture where id = ?::uuid for update")) {
                lock.setString(1, rupture);
                lock.executeQuery().close();
            }
            // Its session is written before the repair's rupture update waits for the row held here.
            slow = CompletableFuture.supplyAsync(() -> therapist.request().body(Journal.session("2026-09-10")
                    .repairs(Journal.repairOf(rupture, "ACKNOWLEDGE_OWN_CONTRIBUTION", "RESOLVED")))
                    .post("/api/v1/alliances/{id}/sessions", slowAlliance));
            Blocking.waitForABlockedQuery(database);
            String fastSession = therapist.createSession(fastAlliance, "2026-09-04");
            List<Map<String, Object>> meanwhile = follow(therapist, cursor);
            assertEquals(List.of(fastSession), meanwhile.stream().map(c -> c.get("resourceId")).toList());
            seen.addAll(meanwhile);
            cursor = (String) meanwhile.get(meanwhile.size() - 1).get("cursor");
            blocker.rollback();
        }
        String slowSession = slow.get(10, TimeUnit.SECONDS).then().statusCode(201).extract().path("id");
        List<Map<String, Object>> after = follow(therapist, cursor);
        seen.addAll(after);
        assertTrue(after.stream().anyMatch(c -> slowSession.equals(c.get("resourceId"))), "the late commit was missed");
        List<Object> positions = seen.stream().map(c -> c.get("cursor")).toList();
        assertEquals(positions.size(), positions.stream().distinct().count(), "a change was seen twice");
        for (int i = 0; i < positions.size(); i++) {
            assertEquals(Integer.toString(i + 1), positions.get(i), "the feed has a gap");
        }
    }

    /** Reads the feed from a cursor until it says there is no more. */
    private static List<Map<String, Object>> follow(Practitioner reader, String since) {
        List<Map<String, Object>> changes = new ArrayList<>();
        String cursor = since;
        while (true) {
            JsonPath page = reader.request().queryParam("since", cursor).get("/api/v1/changes").then().statusCode(200)
                    .extract().jsonPath();
            changes.addAll(page.getList("changes"));
            cursor = page.getString("nextCursor");
            if (!page.getBoolean("more")) {
                return changes;
            }
        }
    }
}
