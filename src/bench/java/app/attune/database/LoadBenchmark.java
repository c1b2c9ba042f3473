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
import java.util.Locale;
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
 * - write path: 16 connections for 30 s (after a warm-up) posting whole sessions (a note, an SRS,
 *   two ruptures each with a repair), and in the same run pgbench inserting the same clinical rows
 *   in one SQL transaction, then every row and lock the service's transaction has; CPU per session;
 * - read path: p50, p95 and p99 of alliance reports (a 50-session alliance) under 8 readers;
 * - start-up time to the first ready answer, resident memory after start and after the load, each
 *   beside the same figures of a minimal Quarkus REST and Panache application (src/bench/minimal-app);
 * - a sustained run at 70% of the measured write rate: errors and resident memory growth;
 * - scaling, side by side: 16 writers on one organization against 16 on 16 organizations (in halves,
 *   one, sixteen, sixteen, one), without and with commit_delay, the sequencer's lag on each side, and
 *   a report alone and under writes.
 *
 * ./mvnw -Pbench -DskipTests package exec:java -Dbench.main=app.attune.database.LoadBenchmark
 *
 * Options: -Dload.seconds (30), -Dload.warmup-seconds (120), -Dload.sustain-minutes (10), -Dload.pool (16),
 * -Dload.one-organization-per-writer (false), -Dload.statements (false), -Dload.yardstick (true),
 * -Dload.scaling (true), -Dload.commit-delay-micros (20000), -Dload.scaling-only (false: only the warm-up and
 * the scaling comparison), -Dload.one-therapist-per-writer (false: the one organization's writers share one
 * practitioner),
 * -Dload.jvm="options" (both applications' JVMs; by default the setting chosen, "-XX:+UseSerialGC -Xmx384m";
 * empty for the JVM's defaults), -Dload.attune-jvm="options" (added to Attune's JVM only, for example its
 * AppCDS archive), -Dload.footprint-only (false: start-up and memory after start of both, no load),
 * -Dpg.bin, -Dpg.options.
 */
public final class LoadBenchmark {

    private static final int CONNECTIONS = 16;
    private static final int READERS = 8;
    private static final Duration PHASE = Duration.ofSeconds(Integer.getInteger("load.seconds", 30));
    /** Writes before the measured ones, so that the figures are those of a service whose code is compiled. */
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("load.warmup-seconds", 120));
    private static final Duration SUSTAIN = Duration.ofMinutes(Integer.getInteger("load.sustain-minutes", 10));
    private static final String POOL = System.getProperty("load.pool", "16");
    /** Measures the minimal application beside Attune (false: skip it, when comparing Attune's own settings). */
    private static final boolean YARDSTICK = Boolean.parseBoolean(System.getProperty("load.yardstick", "true"));
    /** Prints what PostgreSQL ran for the measured writes (needs -Dpg.options="-c shared_preload_libraries=pg_stat_statements"). */
    private static final boolean STATEMENTS = Boolean.getBoolean("load.statements");
    /** The JVM options of Attune and of the yardstick: the ones chosen for 2 cores, or others to compare or profile with. */
    private static final String JVM_OPTIONS = System.getProperty("load.jvm", "-XX:+UseSerialGC -Xmx384m");
    private static final String[] JVM = JVM_OPTIONS.isBlank() ? new String[0] : JVM_OPTIONS.trim().split("\\s+");
    /** Options for Attune's JVM alone, such as -XX:SharedArchiveFile=app-cds.jsa (it runs in target/quarkus-app). */
    private static final String[] ATTUNE_JVM = java.util.stream.Stream.concat(java.util.Arrays.stream(JVM),
            java.util.Arrays.stream(System.getProperty("load.attune-jvm", "").trim().split("\\s+")).filter(o -> !o.isEmpty()))
            .toArray(String[]::new);
    /** Only start-up and memory after start, of Attune and the yardstick: no load. */
    private static final boolean FOOTPRINT_ONLY = Boolean.getBoolean("load.footprint-only");
    /** Writers share one organization by default; each organization's audit chain orders its commits. */
    private static final boolean SPREAD = Boolean.getBoolean("load.one-organization-per-writer");
    /**
     * Side by side in one run: 16 writers on one organization against 16 writers on 16
     * organizations, without and with PostgreSQL's commit_delay (a stand-in for a synchronous
     * standby further away), and reports under writes of their own organization.
     */
    private static final boolean SCALING = Boolean.parseBoolean(System.getProperty("load.scaling", "true"));
    private static final int COMMIT_DELAY_MICROS = Integer.getInteger("load.commit-delay-micros", 20_000);
    /** Only the warm-up and the scaling comparison, for repeating it. */
    private static final boolean SCALING_ONLY = Boolean.getBoolean("load.scaling-only");
    /**
     * The one organization's writers as one practitioner (an EHR's account posting for everyone,
     * the default) or each as its own therapist, as the sixteen organizations' writers are.
     */
    private static final boolean ONE_THERAPIST_PER_WRITER = Boolean.getBoolean("load.one-therapist-per-writer");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SESSION = """
            {"occurredAt": "2026-10-%02dT15:00:00Z", "durationMinutes": 50, "attendance": "ATTENDED",
             "note": "The client arrived late and quiet; we named the missed session and she said she had felt forgotten.",
             "measures": [{"instrument": "SRS", "timing": "POST_SESSION",
                           "items": {"RELATIONSHIP": 8.5, "GOALS_AND_TOPICS": 7.0, "APPROACH": 9.0, "OVERALL": 8.0}}],
             "ruptures": [{"type": "WITHDRAWAL", "significance": 2, "tags": ["missed-session"],
                           "repairs": [{"strategies": ["CLARIFY_MISUNDERSTANDING"], "outcome": "RESOLVED"}]},
                          {"type": "CONFRONTATION", "significance": 3, "tags": [],
                           "repairs": [{"strategies": ["ACKNOWLEDGE_OWN_CONTRIBUTION"], "outcome": "RESOLVED"}]}]}""";
    /** The clinical rows of one whole-session POST in one statement; %s: further CTEs, then the session number. */
    private static final String CLINICAL_ROWS = """
            with a as (select organization_id, alliance_id from bench_alliance where n = :a)%s,
            s as (insert into session (id, organization_id, alliance_id, number, occurred_at, duration_minutes, attendance, note, status)
                  select gen_random_uuid(), organization_id, alliance_id, %s, now(), 50, 'ATTENDED',
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
            insert into repair (id, organization_id, alliance_id, rupture_id, session_id, performed_at, strategies, initiated_by, outcome)
            select gen_random_uuid(), organization_id, alliance_id, id, session_id, now(), array['CLARIFY_MISUNDERSTANDING'], 'THERAPIST',
                   'RESOLVED' from r;
            """;
    /** The same clinical rows as one whole-session POST, in one SQL statement per transaction. */
    private static final String PGBENCH_SCRIPT = "\\set a random(1, 16)\n" + CLINICAL_ROWS.formatted("", "nextval('bench_number')");

    /**
     * Like for like: every row the service writes for one session, in one transaction that takes
     * the same locks: the idempotency key's advisory lock, the alliance's session counter, the
     * clinical rows as above, then the commit log's row with an audit event and six changes (into a
     * copy of pending_commit, which the service's sequencer leaves alone; the sequencing itself is
     * background work that pgbench does not do), and the stored answer.
     */
    private static final String PGBENCH_SCRIPT_ALL_ROWS = """
            \\set a random(1, 16)
            begin;
            select pg_try_advisory_xact_lock(hashtextextended(gen_random_uuid()::text, 0));
            """ + CLINICAL_ROWS.formatted(",\nnum as (update alliance set last_session_number = last_session_number + 1"
                    + " where id = (select alliance_id from a) returning last_session_number)", "(select last_session_number from num)")
            + """
            insert into bench_pending_commit (id, organization_id, ticket, written_at, seal, events, changes)
            select gen_random_uuid(), organization_id, nextval('commit_ticket'), clock_timestamp(), 'bench:' || repeat('0', 64),
                   (select jsonb_agg(jsonb_build_object('id', gen_random_uuid(), 'occurredAt', now(), 'actorId', gen_random_uuid(),
                       'actorRoles', 'therapist', 'action', 'CREATE', 'resourceType', 'SESSION', 'resourceId', gen_random_uuid(),
                       'allianceId', gen_random_uuid(), 'outcome', 'SUCCESS', 'requestId', gen_random_uuid()::text,
                       'clientAddress', '127.0.0.1'))),
                   (select jsonb_agg(jsonb_build_object('resourceType', 'SESSION', 'resourceId', gen_random_uuid(),
                       'allianceId', gen_random_uuid(), 'action', 'CREATE', 'occurredAt', now())) from generate_series(1, 6))
            from bench_alliance where n = :a;
            insert into idempotency_key (practitioner_id, idempotency_key, request_hash, response_status, response_body,
                response_location, response_etag, created_at, expires_at)
            select therapist_id, gen_random_uuid()::text, repeat('0', 64), 201, repeat('x', 1800), '/api/v1/sessions/x', '"0"',
                   now(), now() + interval '24 hours' from bench_alliance where n = :a;
            commit;
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
        Path yardstick = YARDSTICK ? buildYardstick() : null;
        try (PostgresCluster cluster = new PostgresCluster(work, PackagedService.freePort())) {
            cluster.start();
            Footprint minimal = yardstick == null ? new Footprint(-1, -1, -1, 0, 0, 0) : measureYardstick(cluster, yardstick);
            Map<String, String> settings = Map.of("ATTUNE_RATE_LIMIT_PER_MINUTE", "100000000", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", POOL);
            // The first start applies the migrations; the measured ones find the schema in place (the yardstick makes its one table at each start).
            long firstStart = startAndStop(() -> new PackagedService(cluster.jdbcUrl(), work.resolve("service.log"), settings, ATTUNE_JVM));
            long startup = medianStartup(() -> new PackagedService(cluster.jdbcUrl(), work.resolve("service.log"), settings, ATTUNE_JVM));
            try (PackagedService started = new PackagedService(cluster.jdbcUrl(), work.resolve("service.log"), settings, ATTUNE_JVM)) {
                service = started;
                PackagedService.waitUntil(() -> service.status("/q/health/ready") == 200, Duration.ofSeconds(60), "never ready");
                long rssStarted = service.residentMiB();
                if (FOOTPRINT_ONLY) {
                    System.out.printf("%s%nAttune's JVM: %s%n", started(startup, firstStart, rssStarted, minimal),
                            String.join(" ", ATTUNE_JVM));
                    return;
                }

                List<String> oneOrganization = new ArrayList<>();
                List<String> spread = new ArrayList<>();
                service.provision("load-org");
                for (int i = 0; i < CONNECTIONS; i++) {
                    oneOrganization.add(openAlliance(ONE_THERAPIST_PER_WRITER ? tokenOf("load-org", "load-therapist-" + i) : token));
                    if (SPREAD || SCALING) {
                        service.provision("load-org-" + i);
                        spread.add(openAlliance(tokenOf("load-org-" + i)));
                    }
                }
                List<String> alliances = SPREAD ? spread : oneOrganization;
                writeFor(alliances, WARMUP, 0);
                String scaling = SCALING ? scaling(cluster, oneOrganization, spread) : "(scaling not measured: -Dload.scaling=false)";
                if (SCALING_ONLY) {
                    System.out.printf("%s%n(one organization's writers: %s)%n", scaling,
                            ONE_THERAPIST_PER_WRITER ? "16 therapists" : "one practitioner");
                    return;
                }
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
                // The sequencer's lag over the last minutes of writing (commit log written to sequenced).
                service.metrics("attune_sequencer_lag_seconds").forEach(line -> System.out.println("sequencer lag: " + line));
                if (STATEMENTS) {
                    printStatements(cluster, writes[0]);
                }

                try (Connection db = cluster.connect(); Statement sql = db.createStatement()) {
                    sql.execute("create table bench_alliance as select row_number() over (order by id) as n, organization_id,"
                            + " id as alliance_id, therapist_id from alliance");
                    sql.execute("create sequence bench_number start 1000000");
                    sql.execute("create table bench_pending_commit (like pending_commit including defaults)");
                }
                Usage beforePgbench = usage(cluster);
                double pgbenchRate = pgbench(cluster, "session.sql", PGBENCH_SCRIPT);
                Usage pgbenchCpu = usage(cluster).minus(beforePgbench);
                double pgbenchTransactions = pgbenchRate * PHASE.toSeconds();
                double pgbenchAllRowsRate = pgbench(cluster, "all-rows.sql", PGBENCH_SCRIPT_ALL_ROWS);

                String reported = openAlliance(token);
                for (int i = 0; i < 50; i++) {
                    postForBody(token, "/api/v1/alliances/" + reported + "/sessions", SESSION.formatted(1 + i % 28));
                }
                List<Long> latencies = readFor(reported, PHASE);
                long rssLoaded = service.residentMiB();

                double target = 0.7 * serviceRate;
                int[] sustained = writeFor(alliances, SUSTAIN, target);
                long rssAfterSustain = service.residentMiB();

                Collections.sort(latencies);
                System.out.printf("""

                        write path, %d connections, %d s                     service %8.1f sessions/s   pgbench %8.1f tx/s   ratio %.2f
                        (service: %d written, %d errors; each session: note, SRS with 4 items, 2 ruptures, 2 repairs,
                         plus what the service adds: audit event, 6 change-feed rows, idempotency key; after %d s of warm-up)
                        CPU per session written: service %.2f ms, PostgreSQL %.2f ms, load generator %.2f ms
                        CPU per pgbench transaction: PostgreSQL %.2f ms, pgbench %.2f ms
                        like for like: pgbench writing every row the service writes, same locks  %8.1f tx/s   ratio %.2f
                        read path, %d readers, %d s: 50-session alliance report  p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   (%d reports)
                        %s
                        resident memory after the load                          %d MiB   minimal app %d MiB   ratio %.2f
                        %s
                        sustained %d min at %.1f sessions/s (70%%)               %d written, %d errors; resident memory %d -> %d MiB (%+.1f%%)
                        pool size %s, JVM %s, options: %s
                        %s
                        """, CONNECTIONS, PHASE.toSeconds(), serviceRate, pgbenchRate, serviceRate / pgbenchRate, writes[0], writes[1],
                        WARMUP.toSeconds(), 1000 * writeCpu.service() / writes[0], 1000 * writeCpu.database() / writes[0],
                        1000 * writeCpu.generator() / writes[0], 1000 * pgbenchCpu.database() / pgbenchTransactions,
                        1000 * pgbenchCpu.children() / pgbenchTransactions, pgbenchAllRowsRate, serviceRate / pgbenchAllRowsRate,
                        READERS, PHASE.toSeconds(), percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                        latencies.size(), started(startup, firstStart, rssStarted, minimal),
                        rssLoaded, minimal.loaded(), rssLoaded / (double) minimal.loaded(),
                        yardstick == null ? "(minimal app not measured, -Dload.yardstick=false: its figures read -1)"
                                : "(minimal app: %d s of 16 writers and 8 readers: %d written, %d read, %d failed)".formatted(
                                        WARMUP.plus(PHASE).toSeconds(), minimal.written(), minimal.read(), minimal.failed()),
                        SUSTAIN.toMinutes(), target, sustained[0], sustained[1],
                        rssLoaded, rssAfterSustain, 100.0 * (rssAfterSustain - rssLoaded) / rssLoaded, POOL,
                        Runtime.version(), JVM_OPTIONS.isBlank() ? "none (defaults)" : JVM_OPTIONS, scaling);
            }
        }
    }

    /**
     * One organization's 16 writers against 16 organizations' (after a short warm-up of the
     * latter), at commit_delay 0 and at the delay asked for, with the sequencer's lag in each
     * phase; then a report's latency alone and under its organization's writes.
     */
    private String scaling(PostgresCluster cluster, List<String> oneOrganization, List<String> spread) throws Exception {
        writeFor(spread, Duration.ofSeconds(Math.min(30, WARMUP.toSeconds())), 0);
        StringBuilder out = new StringBuilder("one organization against sixteen, in this run:\n");
        for (int delay : new int[] {0, COMMIT_DELAY_MICROS}) {
            commitDelay(cluster, delay);
            // In the order one, sixteen, sixteen, one (half a phase each), so that a drift of the
            // machine's speed during the four weighs on both sides alike.
            Phase one = new Phase();
            Phase sixteen = new Phase();
            for (boolean oneFirst : new boolean[] {true, false}) {
                for (Phase phase : oneFirst ? List.of(one, sixteen) : List.of(sixteen, one)) {
                    phase.write(phase == one ? oneOrganization : spread);
                }
            }
            out.append(String.format(Locale.ROOT, "  commit_delay %5.1f ms: 1 organization %7.1f sessions/s (%d errors,"
                    + " lag p50 %s p99 %s)   16 organizations %7.1f sessions/s (%d errors, lag p50 %s p99 %s)   ratio %.2f%n",
                    delay / 1000.0, one.rate(), one.errors, lagQuantile(Map.of(), one.lag, 0.5), lagQuantile(Map.of(), one.lag, 0.99),
                    sixteen.rate(), sixteen.errors, lagQuantile(Map.of(), sixteen.lag, 0.5),
                    lagQuantile(Map.of(), sixteen.lag, 0.99), one.rate() / sixteen.rate()));
        }
        commitDelay(cluster, 0);
        String reported = openAlliance(token);
        for (int i = 0; i < 50; i++) {
            postForBody(token, "/api/v1/alliances/" + reported + "/sessions", SESSION.formatted(1 + i % 28));
        }
        List<Long> quiet = readFor(reported, PHASE);
        ExecutorService background = Executors.newSingleThreadExecutor();
        var writes = background.submit(() -> writeFor(oneOrganization, PHASE, 0));
        List<Long> underWrites = readFor(reported, PHASE);
        int[] written = writes.get();
        background.shutdown();
        Collections.sort(quiet);
        Collections.sort(underWrites);
        out.append(String.format(Locale.ROOT, "  50-session report, %d readers: alone p50 %.1f ms p95 %.1f ms (%d);"
                + " under 16 writers of its organization p50 %.1f ms p95 %.1f ms (%d; %.1f sessions/s written meanwhile)",
                READERS, percentile(quiet, 50), percentile(quiet, 95), quiet.size(), percentile(underWrites, 50),
                percentile(underWrites, 95), underWrites.size(), written[0] / (double) PHASE.toSeconds()));
        return out.toString();
    }

    /** One side of the comparison, written in halves: sessions, errors and the lag histogram's counts, summed. */
    private final class Phase {
        int written;
        int errors;
        final Map<Double, Double> lag = new java.util.TreeMap<>();

        void write(List<String> alliances) throws Exception {
            Map<Double, Double> before = lagBuckets();
            int[] counts = writeFor(alliances, PHASE.dividedBy(2), 0);
            lagBuckets().forEach((bound, count) -> lag.merge(bound, count - before.getOrDefault(bound, 0.0), Double::sum));
            written += counts[0];
            errors += counts[1];
        }

        double rate() {
            return written / (double) PHASE.toSeconds();
        }
    }

    /** Sets commit_delay for the whole cluster and waits until a new session sees it. */
    private static void commitDelay(PostgresCluster cluster, int micros) throws Exception {
        try (Connection db = cluster.connect(); Statement sql = db.createStatement()) {
            sql.execute("alter system set commit_delay = " + micros);
            sql.execute("select pg_reload_conf()");
        }
        PackagedService.waitUntil(() -> {
            try (Connection db = cluster.connect(); Statement sql = db.createStatement();
                    var row = sql.executeQuery("select setting::int from pg_settings where name = 'commit_delay'")) {
                return row.next() && row.getInt(1) == micros;
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofSeconds(10), "commit_delay not applied");
    }

    /** The sequencer lag histogram's cumulative counts by upper bound (seconds). */
    private Map<Double, Double> lagBuckets() throws Exception {
        Map<Double, Double> buckets = new java.util.TreeMap<>();
        Pattern line = Pattern.compile("attune_sequencer_lag_seconds_bucket\\{.*le=\"([^\"]+)\".*\\} ([0-9.eE+-]+)");
        for (String metric : service.metrics("attune_sequencer_lag_seconds_bucket")) {
            Matcher m = line.matcher(metric);
            if (m.matches()) {
                double bound = m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
                buckets.merge(bound, Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return buckets;
    }

    /** The upper bound of the bucket holding the quantile of what was sequenced between two snapshots. */
    private static String lagQuantile(Map<Double, Double> before, Map<Double, Double> after, double quantile) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return "n/a";
        }
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= quantile * total) {
                return bucket.getKey().isInfinite() ? "> max" : String.format(Locale.ROOT, "<= %.0f ms", bucket.getKey() * 1000);
            }
        }
        return "n/a";
    }

    private static final String GREETING = "{\"text\": \"The client arrived late and quiet; we named the missed session.\"}";

    /** Runs pgbench with 16 clients for the write phase's length; returns its transactions per second. */
    private double pgbench(PostgresCluster cluster, String name, String script) throws Exception {
        Files.writeString(work.resolve(name), script);
        String output = cluster.server("pgbench", "-n", "-h", "127.0.0.1", "-p", Integer.toString(cluster.port),
                "-U", "postgres", "-c", Integer.toString(CONNECTIONS), "-j", "2", "-T", Long.toString(PHASE.toSeconds()),
                "-f", work.resolve(name).toString(), "postgres");
        Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(output);
        if (!tps.find() || output.contains("aborted")) {
            throw new IllegalStateException("pgbench failed: " + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** Attune's start-up and memory after start beside the yardstick's: two lines of the report. */
    private static String started(long startup, long firstStart, long rssStarted, Footprint minimal) {
        return """
                start-up to first ready answer (median of 3)             %d ms   minimal app %d ms   ratio %.2f   (first start, migrating: %d ms)
                resident memory after start                             %d MiB   minimal app %d MiB   ratio %.2f""".formatted(
                startup, minimal.startup(), startup / (double) minimal.startup(), firstStart,
                rssStarted, minimal.started(), rssStarted / (double) minimal.started());
    }

    /** Start-up (median of 3) and resident memory of the yardstick, after start and after the same load. */
    private record Footprint(long startup, long started, long loaded, int written, int read, int failed) {
    }

    /** Builds the minimal Quarkus REST and Panache application of src/bench/minimal-app with this project's Maven wrapper. */
    private static Path buildYardstick() throws Exception {
        Path pom = Path.of("src/bench/minimal-app/pom.xml");
        PostgresCluster.run(List.of("./mvnw", "-q", "-B", "-f", pom.toString(), "-DskipTests", "package"));
        return pom.resolveSibling("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The yardstick against a database of its own in the same cluster: start-up, memory after
     * start, then 16 writers and 8 readers for as long as Attune's write and read phases, and
     * memory after that load.
     */
    private Footprint measureYardstick(PostgresCluster cluster, Path jar) throws Exception {
        try (Connection db = cluster.connect(); Statement sql = db.createStatement()) {
            sql.execute("create database minimal");
        }
        String url = cluster.jdbcUrl().replace("/postgres", "/minimal");
        Path log = work.resolve("minimal-app.log");
        startAndStop(() -> new PackagedService(jar, url, log, Map.of(), JVM));
        long startup = medianStartup(() -> new PackagedService(jar, url, log, Map.of(), JVM));
        try (PackagedService minimal = new PackagedService(jar, url, log, Map.of(), JVM)) {
            PackagedService.waitUntil(() -> minimal.status("/q/health/ready") == 200, Duration.ofSeconds(60), "never ready");
            long started = minimal.residentMiB();
            if (FOOTPRINT_ONLY) {
                return new Footprint(startup, started, -1, 0, 0, 0);
            }
            long deadline = System.nanoTime() + WARMUP.plus(PHASE).toNanos();
            AtomicInteger written = new AtomicInteger();
            AtomicInteger read = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(CONNECTIONS + READERS);
            for (int i = 0; i < CONNECTIONS + READERS; i++) {
                boolean writer = i < CONNECTIONS;
                load.submit(() -> {
                    try (KeepAliveClient client = new KeepAliveClient(minimal.port)) {
                        while (System.nanoTime() < deadline) {
                            if (writer) {
                                int status = client.post("/greetings", "-", UUID.randomUUID().toString(), GREETING);
                                (status == 201 ? written : failed).incrementAndGet();
                            } else {
                                (client.get("/greetings") == 200 ? read : failed).incrementAndGet();
                            }
                        }
                    }
                    return null;
                });
            }
            load.shutdown();
            load.awaitTermination(WARMUP.plus(PHASE).toSeconds() + 60, TimeUnit.SECONDS);
            return new Footprint(startup, started, minimal.residentMiB(), written.get(), read.get(), failed.get());
        }
    }

    private interface Launch {
        PackagedService start() throws Exception;
    }

    /** Milliseconds from launch to the first ready answer, then stops the application. */
    private static long startAndStop(Launch launch) throws Exception {
        long launched = System.nanoTime();
        try (PackagedService app = launch.start()) {
            PackagedService.waitUntil(() -> app.status("/q/health/ready") == 200, Duration.ofSeconds(60), "never ready");
            return (System.nanoTime() - launched) / 1_000_000;
        }
    }

    private static long medianStartup(Launch launch) throws Exception {
        long[] starts = {startAndStop(launch), startAndStop(launch), startAndStop(launch)};
        java.util.Arrays.sort(starts);
        return starts[1];
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
        return tokenOf(organization, "load-therapist");
    }

    private static String tokenOf(String organization, String subject) {
        return DevToken.forSubject(subject).org(organization).groups("therapist")
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
