package app.attune.journal;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Journal;
import app.attune.support.Practitioner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Writes that race each other still leave the journal consistent, and never answer 500. */
@QuarkusTest
class ConcurrentWritesTest {

    private static final int WRITERS = 8;
    private final Practitioner therapist = Practitioner.therapist();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void concurrentSessionsGetDistinctConsecutiveNumbers() throws Exception {
        String alliance = therapist.createAlliance();
        List<Integer> statuses = race(i -> therapist.postSession(alliance, Map.of(
                "occurredAt", "2026-09-%02dT15:00:00Z".formatted(i + 2), "attendance", "ATTENDED"))
                .extract().statusCode());
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), statuses);
        therapist.request().queryParam("size", 100).get("/api/v1/alliances/{id}/sessions", alliance).then()
                .body("items.number", containsInAnyOrder(IntStream.rangeClosed(1, WRITERS).boxed().toArray()));
    }

    @Test
    void aRacedDuplicateExternalIdIsOneCreateAndConflicts() throws Exception {
        List<Integer> statuses = race(i -> therapist.request().body(Map.of("externalId", "EHR-RACE"))
                .post("/api/v1/clients").then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
        assertEquals(WRITERS - 1, statuses.stream().filter(s -> s == 409).count(), statuses::toString);
    }

    @Test
    void racedUpdatesWithTheSameETagLetExactlyOneWin() throws Exception {
        String alliance = therapist.createAlliance();
        List<Integer> statuses = race(i -> therapist.request().header("If-Match", "\"0\"")
                .body(Map.of("format", i % 2 == 0 ? "COUPLE" : "FAMILY", "participants", List.of("member-1", "member-2")))
                .patch("/api/v1/alliances/{id}", alliance).then().extract().statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses::toString);
        assertEquals(WRITERS - 1, statuses.stream().filter(s -> s == 412).count(), statuses::toString);
    }

    @Test
    void nothingIsAddedToASessionInTheInstantItIsSigned() throws Exception {
        String alliance = therapist.createAlliance();
        for (int round = 0; round < 10; round++) {
            String session = therapist.createSession(alliance, "2026-10-%02d".formatted(round + 1));
            List<Integer> statuses = race(i -> i == 0
                    ? therapist.request().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/sign", session)
                            .then().extract().statusCode()
                    : therapist.request().body(i % 2 == 0 ? Journal.rupture("WITHDRAWAL", 2, List.of()) : Journal.srs(9))
                            .post(i % 2 == 0 ? "/api/v1/sessions/{id}/ruptures" : "/api/v1/sessions/{id}/measures", session)
                            .then().extract().statusCode());
            assertEquals(200, statuses.get(0), statuses::toString);
            assertTrue(statuses.stream().skip(1).allMatch(s -> s == 201 || s == 409), statuses::toString);
            // Whatever was added was added while the session was a draft (a second writer's SRS is a 409 duplicate).
            try (Connection db = dataSource.getConnection(); PreparedStatement late = db.prepareStatement(
                    "select (select count(*) from rupture r where r.session_id = s.id and r.created_at > s.signed_at)"
                            + " + (select count(*) from measure m where m.session_id = s.id and m.created_at > s.signed_at)"
                            + " from session s where s.id = cast(? as uuid)")) {
                late.setString(1, session);
                try (ResultSet row = late.executeQuery()) {
                    row.next();
                    assertEquals(0, row.getLong(1), "parts added after the session was signed, round " + round);
                }
            }
        }
    }

    private static List<Integer> race(IntFunctionWithException writer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int n = i;
                calls.add(() -> writer.apply(n));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(calls)) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IntFunctionWithException {
        int apply(int i) throws Exception;
    }
}
