package app.attune.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.DevToken;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two packaged replicas against one PostgreSQL: what they share, and what a dropped connection costs. */
class ReplicasIT {

    private static final Path WORK = Path.of("target", "replicas-it");
    private static final int PER_MINUTE = 10;

    private static EmbeddedPostgres postgres;
    private static PackagedService first;
    private static PackagedService second;

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        if (Files.exists(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(WORK);
        int port = PackagedService.freePort();
        postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("postgres").toFile()).setPort(port).start();
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        Map<String, String> settings = Map.of("ATTUNE_RATE_LIMIT_PER_MINUTE", Integer.toString(PER_MINUTE));
        first = new PackagedService(url, WORK.resolve("first.log"), settings);
        // The second waits for the first's migration, as a rolling start does.
        PackagedService.waitUntil(() -> first.status("/q/health/ready") == 200, Duration.ofSeconds(90), "the first never became ready");
        second = new PackagedService(url, WORK.resolve("second.log"), settings);
        PackagedService.waitUntil(() -> second.status("/q/health/ready") == 200, Duration.ofSeconds(90), "the second never became ready");
        first.provision("replicas-org");
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void aCallersBudgetIsOneAcrossReplicas() throws Exception {
        String token = therapist("hasty");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> firstOnSecond = null;
        for (int i = 0; i < PER_MINUTE + 4; i++) {
            HttpResponse<String> answer = get(i % 2 == 0 ? first : second, "/api/v1/vocabulary", token);
            statuses.add(answer.statusCode());
            if (i == 1) {
                firstOnSecond = answer;
            }
        }
        // The second replica's first answer already counts the first replica's request.
        assertEquals("\"default\";r=" + (PER_MINUTE - 2) + ";t=12", firstOnSecond.headers().firstValue("RateLimit").orElse(""),
                "the second replica's bucket is its own");
        long passed = statuses.stream().filter(s -> s == 200).count();
        long refused = statuses.stream().filter(s -> s == 429).count();
        assertEquals(statuses.size(), passed + refused, statuses.toString());
        // Ten a minute across both; a second may refill one while the requests run.
        assertTrue(passed == PER_MINUTE || passed == PER_MINUTE + 1, "passed " + passed + ": " + statuses);
    }

    @Test
    void connectionsDroppedUnderTheServiceAreReplacedWithoutA500() throws Exception {
        String token = therapist("steady");
        assertEquals(200, get(first, "/api/v1/clients", token).statusCode());
        assertEquals(200, get(second, "/api/v1/clients", token).statusCode());
        int terminated;
        try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement();
                ResultSet killed = sql.executeQuery("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                        + "where backend_type = 'client backend' and pid <> pg_backend_pid()")) {
            killed.next();
            terminated = killed.getInt(1);
        }
        assertTrue(terminated >= 2, "the replicas held no connections: " + terminated);
        // Right after, before any validation runs: each answer is a success or a 503 to retry, never a 500.
        List<Integer> statuses = new ArrayList<>();
        boolean written = false;
        long started = System.nanoTime();
        while (!written && System.nanoTime() - started < Duration.ofSeconds(10).toNanos()) {
            for (PackagedService replica : List.of(first, second)) {
                HttpResponse<String> answer = post(replica, "/api/v1/clients", "{\"displayLabel\":\"R\"}", token);
                statuses.add(answer.statusCode());
                assertTrue(answer.statusCode() == 201 || answer.statusCode() == 503, answer.statusCode() + " " + answer.body());
                if (answer.statusCode() == 503) {
                    assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "503 without Retry-After");
                }
                written = answer.statusCode() == 201 && statuses.stream().filter(s -> s == 201).count() >= 2;
            }
        }
        assertTrue(written, "no write succeeded on both replicas after the connections were dropped: " + statuses);
        System.out.println("ReplicasIT: " + terminated + " connections terminated; answers after: " + statuses);
    }

    private static String therapist(String name) {
        return DevToken.forSubject(name + "-" + UUID.randomUUID()).org("replicas-org").groups("therapist").sign();
    }

    private static HttpResponse<String> get(PackagedService replica, String path, String token)
            throws IOException, InterruptedException {
        return PackagedService.HTTP.send(HttpRequest.newBuilder(replica.uri(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(PackagedService replica, String path, String body, String token)
            throws IOException, InterruptedException {
        return PackagedService.HTTP.send(HttpRequest.newBuilder(replica.uri(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
