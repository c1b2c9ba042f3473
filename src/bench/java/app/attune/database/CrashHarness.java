package app.attune.database;

import app.attune.support.DevToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The crash harness (a command, not a test): the packaged service against a PostgreSQL cluster of
 * its own, with fsync on, while 12 writers post whole sessions, each with its own Idempotency-Key,
 * and PostgreSQL is stopped three times (immediate stop, kill -9 of the postmaster, fast stop).
 * Afterwards every request without a definite answer is retried with its original key, and the
 * harness prints: acknowledged writes lost, duplicates, writes without their audit event, 500
 * answers, pg_amcheck's verdict, and the time to 503 and to ready around each outage.
 *
 * ./mvnw -Pbench -DskipTests package exec:java -Dbench.main=app.attune.database.CrashHarness
 *
 * Needs PostgreSQL 15's server binaries (/usr/lib/postgresql/15/bin, or -Dpg.bin); as root it
 * runs them as the postgres user. Everything stays on the loopback address; every loop is bounded.
 */
public final class CrashHarness {

    private static final int WRITERS = Integer.getInteger("crash.writers", 12);
    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("crash.seconds", 90));
    private static final Duration DOWN = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = PackagedService.HTTP;

    private final Path work = Path.of(System.getProperty("crash.dir", "/tmp/attune-crash-" + ProcessHandle.current().pid()));
    private PostgresCluster cluster;
    private PackagedService service;

    private SessionWriters writes;
    private final List<String> outageTimes = Collections.synchronizedList(new ArrayList<>());

    public static void main(String[] args) throws Exception {
        new CrashHarness().run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (PostgresCluster postgres = new PostgresCluster(work, PackagedService.freePort())) {
            cluster = postgres;
            cluster.start();
            try (PackagedService started = new PackagedService(cluster.jdbcUrl(), work.resolve("service.log"),
                    Map.of("ATTUNE_RATE_LIMIT_PER_MINUTE", "100000000"))) {
                service = started;
                measure();
            }
        }
    }

    private void measure() throws Exception {
        PackagedService.waitUntil(() -> service.status("/q/health/ready") == 200, Duration.ofSeconds(60),
                "the service never became ready");
        service.provision("crash-org");
        String token = DevToken.forSubject("crash-therapist").org("crash-org").groups("therapist")
                .expiresAt(java.time.Instant.now().plusSeconds(1800)).sign();
        List<String> alliances = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            alliances.add(openAlliance(token));
        }
        System.out.printf("cluster on port %d (fsync on), service on %d, %d writers for %d s%n", cluster.port, service.port,
                WRITERS, RUN.toSeconds());
        writes = new SessionWriters("crash-", token, service::uri);

        long deadline = System.nanoTime() + RUN.toNanos();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (String alliance : alliances) {
            writers.submit(() -> writes.write(alliance, deadline));
        }
        outage("immediate stop", token, () -> cluster.stop("immediate"), deadline, 0.15);
        outage("kill -9 of the postmaster", token, () -> PostgresCluster.run(List.of("kill", "-9", cluster.postmasterPid())),
                deadline, 0.45);
        outage("fast stop", token, () -> cluster.stop("fast"), deadline, 0.75);
        writers.shutdown();
        writers.awaitTermination(RUN.toSeconds() + 30, TimeUnit.SECONDS);

        report(writes.retryIndefinite(Duration.ofSeconds(60)));
    }

    /** At the given share of the run: stop PostgreSQL, time the first 503, wait, start it, time readiness. */
    private void outage(String how, String token, Step stop, long deadline, double at) throws Exception {
        long start = deadline - RUN.toNanos();
        long when = start + (long) (RUN.toNanos() * at);
        while (System.nanoTime() < when) {
            Thread.sleep(50);
        }
        stop.run();
        long stopped = System.nanoTime();
        PackagedService.waitUntil(() -> probe(token) == 503, Duration.ofSeconds(10), "no 503 after the " + how);
        long to503 = System.nanoTime() - stopped;
        Thread.sleep(DOWN.toMillis());
        cluster.start();
        long started = System.nanoTime();
        PackagedService.waitUntil(() -> service.status("/q/health/ready") == 200, Duration.ofSeconds(30),
                "not ready after the " + how);
        long toReady = System.nanoTime() - started;
        outageTimes.add("%-26s 503 after %5d ms; ready %5d ms after PostgreSQL was back".formatted(how + ":",
                to503 / 1_000_000, toReady / 1_000_000));
    }

    private void report(int retried) throws Exception {
        try (Connection db = cluster.connect()) {
            SessionWriters.Checks checks = writes.check(db);
            String amcheck = pgAmcheck();
            System.out.println();
            outageTimes.forEach(System.out::println);
            System.out.print(writes.report(retried, checks));
            System.out.printf("pg_amcheck                         %s%n", amcheck);
        }
    }

    private String pgAmcheck() throws Exception {
        try {
            cluster.server("pg_amcheck", "-h", "127.0.0.1", "-p", Integer.toString(cluster.port), "-U", "postgres", "--all",
                    "--install-missing", "--heapallindexed");
            return "clean";
        } catch (IllegalStateException e) {
            return "FAILED: " + e.getMessage();
        }
    }

    private String openAlliance(String token) throws Exception {
        String client = post(token, "/api/v1/clients", "{\"displayLabel\": \"Crash client\"}").get("id").asText();
        return post(token, "/api/v1/alliances", "{\"clientId\": \"" + client + "\", \"startedOn\": \"2026-09-01\"}").get("id").asText();
    }

    private JsonNode post(String token, String path, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        return JSON.readTree(answer.body());
    }

    /** A cheap request that needs the database: 503 while it is away. */
    private int probe(String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(service.uri("/api/v1/alliances?size=1")).timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
