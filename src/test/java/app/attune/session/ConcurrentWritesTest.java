package app.attune.session;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
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
