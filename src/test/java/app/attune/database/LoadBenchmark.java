package app.attune.database;

import app.attune.support.DevToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load benchmark (a command, not a test), against the packaged service and a PostgreSQL
 * cluster of its own with fsync on:
 * - write path: 16 connections for 30 s posting whole sessions (a note, an SRS, two ruptures each
 *   with a repair), and in the same run pgbench inserting the same rows in one SQL transaction;
 * - read path: p50, p95 and p99 of alliance reports (a 50-session alliance) under 8 readers;
 * - start-up time to the first ready answer, resident memory after start and after the load;
 * - a sustained run at 70% of the measured write rate: errors and resident memory growth.
 *
 * ./mvnw -Pbench -DskipTests package exec:java -Dbench.main=app.attune.database.LoadBenchmark
 *
 * Options: -Dload.seconds (30), -Dload.warmup-seconds (30), -Dload.sustain-minutes (10), -Dload.pool (16),
 * -Dload.one-organization-per-writer (false), -Dload.statements (false), -Dload.jvm="options" (of the service's JVM), -Dpg.bin, -Dpg.options.
 */
public final class LoadBenchmark {

    private static final int CONNECTIONS = 16;
    private static final int READERS = 8;
    private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("load.seconds", 30));
    /** Writes before the measured ones, so that the figures are those of a service whose code is compiled. */
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("load.warmup-seconds", 30));
    private static final Duration SUSTAIN = Duration.ofMinutes(Integer.getInteger("load.sustain-minutes", 10));
    private static final String POOL = System.getProperty("load.pool", "16");
    /** Prints what PostgreSQL ran for the measured writes (needs -Dpg.options="-c shared_preload_libraries=pg_stat_statements"). */
    private static final boolean STATEMENTS = Boolean.getBoolean("load.statements");
    /** The service's JVM options, for choosing them and for profiling ("-XX:StartFlightRecording=filename=f.jfr"). */
    private static final String JVM_OPTIONS = System.getProperty("load.jvm", "");
    /** Writers share one organization by default; each organization's audit chain orders its commits. */
    private static final boolean SPREAD = Boolean.getBoolean("load.one-organization-per-writer");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = """
            {"occurredAt": "2026-10-%02dT15:00:00Z", "durationMinutes": 50, "attendance": "ATTENDED",
             "note": "The client arrived late and quiet; we named the missed session and she said she had felt forgotten.",
             "measures": [{"instrument": "SRS", "timing": "POST_SESSION",
                           "items": {"RELATIONSHIP": 8.5, "GOALS_AND_TOPICS": 7.0, "APPROACH": 9.0, "OVERALL": 8.0}}],
             "ruptures": [{"type": "WITHDRAWAL", "significance": 2, "tags": ["missed-session"],
                           "repairs": [{"strategy": "CLARIFY_MISUNDERSTANDING", "outcome": "RESOLVED"}]},
                          {"type": "CONFRONTATION", "significance": 3, "tags": [],
                           "repairs": [{"strategy": "ACKNOWLEDGE_OWN_CONTRIBUTION", "outcome": "RESOLVED"}]}]}""";
    /** The same rows as one whole-session POST, in one SQL transaction. */
    private static final String PGBENCH_SCRIPT = """
            \\set a random(1, 16)
            with a as (select organization_id, alliance_id from bench_alliance where n = :a),
            s as (insert into session (id, organization_id, alliance_id, number, occurred_at, duration_minutes, attendance, note, status)
                  select gen_random_uuid(), organization_id, alliance_id, nextval('bench_number'), now(), 50, 'ATTENDED',
                  'The client arrived late and quiet; we named the missed session and she said she had felt forgotten.', 'DRAFT'
                  from a returning id, organization_id, alliance_id),
            m as (insert into measure (id, organization_id, alliance_id, session_id, instrument, respondent, timing, total, lowest_item)
                  select gen_random_uuid(), organization_id, alliance_id, id, 'SRS', 'CLIENT', 'POST_SESSION', 32.5, 7.0 from s
                  returning id),
            i as (insert into measure_item (measure_id, item_code, score) select m.id, x.code, x.score from m,
                  (values ('RELATIONSHIP', 8.5), ('GOALS_AND_TOPICS', 7.0), ('APPROACH', 9.0), ('OVERALL', 8.0)) x(code, score)),
            r as (insert into rupture (id, organization_id, alliance_id, session_id, type, significance, reported_by, status, tags)
                  select gen_random_uuid(), s.organization_id, s.alliance_id, s.id, t.type, t.sig, 'THERAPIST', 'RESOLVED', '{x}'
                  from s, (values ('WITHDRAWAL', 2), ('CONFRONTATION', 3)) t(type, sig)
                  returning id, organization_id, alliance_id, session_id)
            insert into repair (id, organization_id, alliance_id, rupture_id, session_id, performed_at, strategy, initiated_by, outcome)
            select gen_random_uuid(), organization_id, alliance_id, id, session_id, now(), 'CLARIFY_MISUNDERSTANDING', 'THERAPIST',
                   'RESOLVED' from r;
            """;

    private final Path work = Path.of("/tmp/attune-load-" + ProcessHandle.current().pid());
    private final String token = tokenOf("load-org");
    private PackagedService service;
    /** The token each alliance was opened with; its writers post with it. */
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        new LoadBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        try (PostgresCluster cluster = new PostgresCluster(work, PackagedService.freePort())) {
            cluster.start();
            long launched = System.nanoTime();
            String[] jvm = JVM_OPTIONS.isBlank() ? new String[0] : JVM_OPTIONS.trim().split("\\s+");
            try (PackagedService started = new PackagedService(cluster.jdbcUrl(), work.resolve("service.log"),
                    Map.of("ATTUNE_RATE_LIMIT_PER_MINUTE", "100000000", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", POOL), jvm)) {
                service = started;
                PackagedService.waitUntil(() -> service.status("/q/health/ready") == 200, Duration.ofSeconds(60), "never ready");
                long startup = (System.nanoTime() - launched) / 1_000_000;
                long rssStarted = service.residentMiB();

                List<String> alliances = new ArrayList<>();
                for (int i = 0; i < CONNECTIONS; i++) {
                    alliances.add(openAlliance(SPREAD ? tokenOf("load-org-" + i) : token));
                }
                writeFor(alliances, WARMUP, 0);
                if (STATEMENTS) {
                    try (Connection db = cluster.connect(); Statement sql = db.createStatement()) {
                        sql.execute("create extension if not exists pg_stat_statements");
                        sql.execute("select pg_stat_statements_reset()");
                    }
                }
                Usage beforeWrites = usage(cluster);
                int[] writes = writeFor(alliances, PHASE, 0);
                Usage writeCpu = usage(cluster).minus(beforeWrites);
                double serviceRate = writes[0] / (double) PHASE.toSeconds();
                if (STATEMENTS) {
                    printStatements(cluster, writes[0]);
                }

                try (Connection db = cluster.connect(); Statement sql = db.createStatement()) {
                    sql.execute("create table bench_alliance as select row_number() over (order by id) as n, organization_id,"
                            + " id as alliance_id from alliance");
                    sql.execute("create sequence bench_number start 1000000");
                }
                Files.writeString(work.resolve("session.sql"), PGBENCH_SCRIPT);
                Usage beforePgbench = usage(cluster);
                String pgbench = cluster.server("pgbench", "-n", "-h", "127.0.0.1", "-p", Integer.toString(cluster.port),
                        "-U", "postgres", "-c", Integer.toString(CONNECTIONS), "-j", "2", "-T", Long.toString(PHASE.toSeconds()),
                        "-f", work.resolve("session.sql").toString(), "postgres");
                Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(pgbench);
                double pgbenchRate = tps.find() ? Double.parseDouble(tps.group(1)) : Double.NaN;
                Usage pgbenchCpu = usage(cluster).minus(beforePgbench);
                double pgbenchTransactions = pgbenchRate * PHASE.toSeconds();

                String reported = openAlliance(token);
                for (int i = 0; i < 50; i++) {
                    postForBody(token, "/api/v1/alliances/" + reported + "/sessions", SESSION.formatted(1 + i % 28));
                }
                List<Long> latencies = readFor(reported, PHASE);
                long rssLoaded = service.residentMiB();

                double target = 0.7 * serviceRate;
                long rssBeforeSustain = service.residentMiB();
                int[] sustained = writeFor(alliances, SUSTAIN, target);
                long rssAfterSustain = service.residentMiB();

                Collections.sort(latencies);
                System.out.printf("""

                        write path, %d connections, %d s                     service %8.1f sessions/s   pgbench %8.1f tx/s   ratio %.2f
                        (service: %d written, %d errors; each session: note, SRS with 4 items, 2 ruptures, 2 repairs,
                         plus what the service adds: audit event, 6 change-feed rows, idempotency key; after %d s of warm-up)
                CPU per session written: service %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms
                CPU per pgbench transaction: PostgreSQL %.2f ms, pgbench %.2f ms
                        read path, %d readers, %d s: 50-session alliance report  p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   (%d reports)
                        start-up to first ready answer                          %d ms
                        resident memory                                         %d MiB after start, %d MiB after the load
                        sustained %d min at %.1f sessions/s (70%%)               %d written, %d errors; resident memory %d -> %d MiB (%+.1f%%)
                        pool size %s, JVM %s, options: %s
                        """, CONNECTIONS, PHASE.toSeconds(), serviceRate, pgbenchRate, serviceRate / pgbenchRate, writes[0], writes[1],
                        WARMUP.toSeconds(), 1000 * writeCpu.service() / writes[0], 1000 * writeCpu.database() / writes[0],
                        1000 * writeCpu.generator() / writes[0], 1000 * pgbenchCpu.database() / pgbenchTransactions,
                        1000 * pgbenchCpu.children() / pgbenchTransactions,
                        READERS, PHASE.toSeconds(), percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                        latencies.size(), startup, rssStarted, rssLoaded, SUSTAIN.toMinutes(), target, sustained[0], sustained[1],
                        rssBeforeSustain, rssAfterSustain, 100.0 * (rssAfterSustain - rssBeforeSustain) / rssBeforeSustain, POOL,
                        Runtime.version(), JVM_OPTIONS.isBlank() ? "none (defaults)" : JVM_OPTIONS);
            }
        }
    }

    private static void printStatements(PostgresCluster cluster, int sessions) throws Exception {
        try (Connection db = cluster.connect(); Statement sql = db.createStatement();
                var rows = sql.executeQuery("select calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)"
                        + " from pg_stat_statements order by total_exec_time desc limit 25")) {
            System.out.printf("%nstatements during the measured writes (%d sessions): calls per session, execution ms per session%n",
                    sessions);
            while (rows.next()) {
                System.out.printf("%6.2f %7.3f  %s%n", rows.getLong(1) / (double) sessions, rows.getDouble(2) / sessions,
                        rows.getString(3));
            }
        }
    }

    /** CPU seconds so far of the service, PostgreSQL (postmaster and backends), this generator and its finished children. */
    private record Usage(double service, double database, double generator, double children) {

        Usage minus(Usage earlier) {
            return new Usage(service - earlier.service, database - earlier.database, generator - earlier.generator,
                    children - earlier.children);
        }
    }

    private Usage usage(PostgresCluster cluster) throws Exception {
        return new Usage(CpuTime.of(service.process.pid()), CpuTime.ofTree(Long.parseLong(cluster.postmasterPid())),
                CpuTime.ofThisProcess(), CpuTime.ofReapedChildren());
    }

    /** Writers, one per alliance, each with its own Idempotency-Key per request; paced when rate > 0. Returns {written, errors}. */
    private int[] writeFor(List<String> alliances, Duration length, double rate) throws InterruptedException {
        AtomicInteger written = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long deadline = System.nanoTime() + length.toNanos();
        long interval = rate > 0 ? (long) (alliances.size() / rate * 1e9) : 0;
        ExecutorService writers = Executors.newFixedThreadPool(alliances.size());
        for (String alliance : alliances) {
            writers.submit(() -> {
                write(alliance, deadline, interval, written, errors);
                return null;
            });
        }
        writers.shutdown();
        writers.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS);
        return new int[] {written.get(), errors.get()};
    }

    private void write(String alliance, long deadline, long interval, AtomicInteger written, AtomicInteger errors)
            throws InterruptedException {
        String path = "/api/v1/alliances/" + alliance + "/sessions";
        int n = 0;
        long next = System.nanoTime();
        try (KeepAliveClient client = new KeepAliveClient(service.port)) {
            while (System.nanoTime() < deadline) {
                int status;
                try {
                    status = client.post(path, tokens.get(alliance), UUID.randomUUID().toString(), SESSION.formatted(1 + n++ % 28));
                } catch (IOException e) {
                    status = -1;
                }
                (status == 201 ? written : errors).incrementAndGet();
                if (interval > 0) {
                    next += interval;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
            }
        }
    }

    private List<Long> readFor(String alliance, Duration length) throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + length.toNanos();
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        for (int r = 0; r < READERS; r++) {
            readers.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long started = System.nanoTime();
                    HttpResponse<Void> answer = PackagedService.HTTP.send(HttpRequest.newBuilder(
                            service.uri("/api/v1/alliances/" + alliance + "/report")).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() == 200) {
                        latencies.add(System.nanoTime() - started);
                    }
                }
                return null;
            });
        }
        readers.shutdown();
        readers.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS);
        return new ArrayList<>(latencies);
    }

    /** Opens an alliance with the given token; writers then post to it with the same token. */
    private String openAlliance(String as) throws Exception {
        String client = JSON.readTree(postForBody(as, "/api/v1/clients", "{\"displayLabel\": \"Load client\"}")).get("id").asText();
        String alliance = JSON.readTree(postForBody(as, "/api/v1/alliances", "{\"clientId\": \"" + client
                + "\", \"startedOn\": \"2026-09-01\"}")).get("id").asText();
        tokens.put(alliance, as);
        return alliance;
    }

    private static String tokenOf(String organization) {
        return DevToken.forSubject("load-therapist").org(organization).groups("therapist")
                .expiresAt(Instant.now().plusSeconds(7200)).sign();
    }

    private String postForBody(String as, String path, String body) throws Exception {
        HttpResponse<String> answer = send(as, path, body);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private HttpResponse<String> send(String as, String path, String body) throws Exception {
        return PackagedService.HTTP.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + as).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
