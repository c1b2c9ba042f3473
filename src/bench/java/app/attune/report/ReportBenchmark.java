package app.attune.report;

import app.attune.journal.RepairStrategy;
import app.attune.support.DevToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The report benchmark (a command, not a test): on a local PostgreSQL it creates a database of its
 * own, starts the packaged service against it, generates an organization of 2,000 alliances
 * (100,000 sessions, 200,000 ruptures with repairs and measures; one alliance of 500 sessions; one
 * supervisor with 30 supervised alliances; a mentor supervising 10 therapists of 30 alliances each),
 * measures report, caseload and supervisees-report latency over HTTP and the
 * time PostgreSQL spends executing the report statements (EXPLAIN ANALYZE), then grows the database
 * tenfold with nine more such organizations and measures again. It drops its database at the end.
 *
 * <pre>./mvnw -Pbench -DskipTests package exec:java</pre>
 *
 * Settings (system properties): bench.admin-url (a database to create the benchmark's own in,
 * default jdbc:postgresql://localhost:5432/postgres), bench.user, bench.password, bench.port
 * (the service's, default 18080), bench.requests (per measurement, default 200), bench.grow
 * (false stops before the tenfold growth), bench.keep (true keeps the database), bench.research-export (true
 * also exports the organization as a researcher and measures it), bench.reports (false skips the reports).
 */
public final class ReportBenchmark {

    private static final String ORG = "bench-org";
    private static final int ALLIANCES = 2_000;
    private static final int THERAPISTS = 100;
    private static final int SESSIONS_PER_ALLIANCE = 50;
    private static final int LONG_ALLIANCE_SESSIONS = 500;
    private static final int SUPERVISED_ALLIANCES = 30;
    /** The mentor supervises therapist-1 to therapist-10, each with 30 alliances (31 to 330). */
    private static final int MENTORED_THERAPISTS = 10;
    private static final int MENTORED_LAST = SUPERVISED_ALLIANCES + MENTORED_THERAPISTS * SUPERVISED_ALLIANCES;
    private static final int LONG_THERAPIST = MENTORED_THERAPISTS + 1;

    private final String adminUrl = System.getProperty("bench.admin-url", "jdbc:postgresql://localhost:5432/postgres");
    private final String user = System.getProperty("bench.user", "attune_bench");
    private final String password = System.getProperty("bench.password", "attune_bench");
    private final int port = Integer.getInteger("bench.port", 18080);
    /** The packaged service serves /q/ (health) on its management interface. */
    private final int managementPort = Integer.getInteger("bench.management-port", 19000);
    private final int requests = Integer.getInteger("bench.requests", 200);
    private final String database = "attune_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final HttpClient http = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        new ReportBenchmark().run();
    }

    private void run() throws Exception {
        execute(adminUrl, "create database " + database);
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + database;
        Process service = null;
        try {
            service = startService(url);
            try (Connection db = connect(url)) {
                db.setAutoCommit(true);
                long started = System.nanoTime();
                generate(db, ORG, true);
                analyze(db);
                System.out.printf(Locale.ROOT, "generated %s in %.0f s%n", counts(db), seconds(started));
                if (Boolean.getBoolean("bench.research-export")) {
                    researchExport(service);
                }
                if (!Boolean.parseBoolean(System.getProperty("bench.reports", "true"))) {
                    return;
                }
                Result base = measure(db);

                if (!Boolean.parseBoolean(System.getProperty("bench.grow", "true"))) {
                    print(base, base);
                    return;
                }
                started = System.nanoTime();
                for (int copy = 1; copy <= 9; copy++) {
                    generate(db, ORG + "-growth-" + copy, false);
                }
                analyze(db);
                System.out.printf(Locale.ROOT, "grew tenfold to %s in %.0f s%n", counts(db), seconds(started));
                Result grown = measure(db);

                print(base, grown);
            }
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            if (!Boolean.getBoolean("bench.keep")) {
                execute(adminUrl, "drop database if exists " + database + " with (force)");
            }
        }
    }

    // ----------------------------------------------------------------------------------------
    // The service under test

    private Process startService(String url) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the service first: ./mvnw -Pbench -DskipTests package exec:java");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", user);
        env.put("QUARKUS_DATASOURCE_PASSWORD", password);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("src/test/resources/dev-keys/public-key.pem").toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevToken.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", DevToken.AUDIENCE);
        env.put("ATTUNE_AUDIT_KEY_DIRECTORY", Path.of("src/test/resources/dev-audit-keys").toAbsolutePath().toString());
        env.put("ATTUNE_AUDIT_ACTIVE_KEY", "dev-2026");
        // The benchmark is one caller sending thousands of requests; the per-practitioner limit would pace it.
        env.put("ATTUNE_RATE_LIMIT_PER_MINUTE", "100000000");
        env.put("ATTUNE_LOCAL_DB", "false");
        builder.redirectErrorStream(true).redirectOutput(Path.of("target/bench-service.log").toFile());
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped; see target/bench-service.log");
            }
            try {
                if (get("/q/health/ready", null, "application/json").statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        process.destroy();
        throw new IllegalStateException("The service did not become ready within 90 s");
    }

    /**
     * Exports the organization's first five years (every 50-session alliance, 260 sessions of the
     * long one) as a researcher would, and prints the time, the rows per second and the service's
     * resident memory before and at its peak during the export (sampled every 50 ms).
     */
    private void researchExport(Process service) throws Exception {
        String researcher = DevToken.forSubject("researcher").org(ORG).groups("researcher").sign();
        long rssBefore = residentKiB(service);
        long started = System.nanoTime();
        HttpRequest start = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/research-exports"))
                .header("Authorization", "Bearer " + researcher).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"from\": \"2010-01-01\", \"to\": \"2014-12-31\"}")).build();
        HttpResponse<String> accepted = http.send(start, HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("research export answered " + accepted.statusCode());
        }
        String path = "/api/v1/research-exports/" + new ObjectMapper().readTree(accepted.body()).path("id").asText();
        long peak = rssBefore;
        JsonNode export;
        do {
            Thread.sleep(50);
            peak = Math.max(peak, residentKiB(service));
            export = new ObjectMapper().readTree(get(path, researcher, "application/json").body());
        } while (!export.path("status").asText().equals("DONE") && !export.path("status").asText().equals("FAILED"));
        double seconds = seconds(started);
        long rows = export.path("rowsWritten").asLong();
        HttpResponse<byte[]> zip = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + "/data"))
                .header("Authorization", "Bearer " + researcher).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf(Locale.ROOT, "research export: %s in %.1f s, %d rows (%.0f rows/s), ZIP %.1f MiB (download %d);"
                + " service resident memory %d MiB before, %d MiB at its peak during the export%n  rows per file: %s%n",
                export.path("status").asText(), seconds, rows, rows / seconds, zip.body().length / 1048576.0, zip.statusCode(),
                rssBefore / 1024, peak / 1024, export.path("rowCounts"));
    }

    private static long residentKiB(Process process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private HttpResponse<String> get(String path, String token, String accept) throws IOException, InterruptedException {
        int to = path.startsWith("/q/") ? managementPort : port;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ----------------------------------------------------------------------------------------
    // Data

    /** One organization; the first also gets the 500-session alliance and the supervisor's caseload. */
    private static void generate(Connection db, String org, boolean measured) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "insert into organization (id, org_key, display_name) values (gen_random_uuid(), ?, ?) returning id")) {
            insert.setString(1, org);
            insert.setString(2, org);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
            }
        }
        String scope = "(select id from organization where org_key = '" + org + "')";
        String[] statements = {
            "insert into organization_settings (organization_id, srs_cutoff, srs_item_floor, ors_cutoff, ors_reliable_change,"
                + " repair_window_sessions, open_rupture_limit_days) select id, 36, 9, 25, 5, 3, 21 from organization"
                + " where org_key = '" + org + "'",
            // Provisioned as the operator API would: the start of its audit trail too.
            "insert into audit_chain (organization_id) select id from organization where org_key = '" + org + "'",
            "insert into practitioner (id, organization_id, subject, roles) select gen_random_uuid(), " + scope
                + ", 'therapist-' || g, '{therapist}' from generate_series(0, " + (THERAPISTS - 1) + ") g",
            "insert into practitioner (id, organization_id, subject, roles) values (gen_random_uuid(), " + scope
                + ", 'supervisor', '{supervisor}')",
            // therapist-0 is the supervisee; it holds alliances 1 to 30 (the supervisor's caseload).
            "update practitioner set supervisor_id = (select id from practitioner where organization_id = " + scope
                + " and subject = 'supervisor') where organization_id = " + scope + " and subject = 'therapist-0'",
            "insert into practitioner (id, organization_id, subject, roles) values (gen_random_uuid(), " + scope
                + ", 'mentor', '{supervisor}')",
            "insert into practitioner (id, organization_id, subject, roles) values (gen_random_uuid(), " + scope
                + ", 'researcher', '{researcher}')",
            "update practitioner set supervisor_id = (select id from practitioner where organization_id = " + scope
                + " and subject = 'mentor') where organization_id = " + scope + " and subject in (select 'therapist-' || g"
                + " from generate_series(1, " + MENTORED_THERAPISTS + ") g)",
            "insert into client (id, organization_id, external_id, created_by) select gen_random_uuid(), " + scope
                + ", 'client-' || g, (select id from practitioner where organization_id = " + scope
                + " and subject = 'therapist-1') from generate_series(1, " + ALLIANCES + ") g",
            "insert into alliance (id, organization_id, client_id, therapist_id, format, status, started_on, external_id)"
                + " select gen_random_uuid(), c.organization_id, c.id, p.id, 'INDIVIDUAL', 'ACTIVE', date '2010-01-04',"
                + " case when n = " + ALLIANCES + " then 'long' else 'alliance-' || n end"
                + " from (select c.*, cast(substr(c.external_id, 8) as int) as n from client c where c.organization_id = "
                + scope + ") c join practitioner p on p.organization_id = c.organization_id and p.subject = 'therapist-'"
                + " || case when c.n <= " + SUPERVISED_ALLIANCES + " then 0"
                + " when c.n <= " + MENTORED_LAST + " then 1 + (c.n - " + (SUPERVISED_ALLIANCES + 1) + ") / " + SUPERVISED_ALLIANCES
                + " when c.n = " + ALLIANCES + " then " + LONG_THERAPIST
                + " else " + (LONG_THERAPIST + 1) + " + c.n % " + (THERAPISTS - LONG_THERAPIST - 1) + " end",
            // Weekly sessions; one in seventeen a client no-show.
            "insert into session (id, organization_id, alliance_id, number, occurred_at, duration_minutes, mode, attendance,"
                + " note, status) select gen_random_uuid(), a.organization_id, a.id, g,"
                + " (a.started_on + g * 7 + time '15:00') at time zone 'UTC', 50, 'IN_PERSON',"
                + " case when g % 17 = 0 then 'CLIENT_NO_SHOW' else 'ATTENDED' end, 'Benchmark note', 'DRAFT'"
                + " from alliance a cross join lateral generate_series(1, case when a.external_id = 'long' then "
                + LONG_ALLIANCE_SESSIONS + " else " + SESSIONS_PER_ALLIANCE + " end) g where a.organization_id = " + scope,
            "update alliance a set last_session_number = (select max(number) from session s where s.alliance_id = a.id)"
                + " where a.organization_id = " + scope,
            // Two ruptures per session.
            "insert into rupture (id, organization_id, alliance_id, session_id, type, markers, tags, significance, reported_by,"
                + " status) select gen_random_uuid(), s.organization_id, s.alliance_id, s.id,"
                + " (array['WITHDRAWAL', 'CONFRONTATION', 'MIXED'])[1 + (s.number + k) % 3], '{}',"
                + " case when k = 1 then cast('{scheduling}' as varchar[]) else cast('{}' as varchar[]) end,"
                + " 1 + (s.number + k) % 5, 'THERAPIST', 'OPEN'"
                + " from session s cross join generate_series(1, 2) k where s.organization_id = " + scope,
            // Six in ten resolved at the next session, two in ten partly repaired in their own.
            "insert into repair (id, organization_id, alliance_id, rupture_id, session_id, performed_at, strategies, initiated_by,"
                + " outcome, resolution_rating) select gen_random_uuid(), r.organization_id, r.alliance_id, r.id, nxt.id,"
                + " nxt.occurred_at, array['ACKNOWLEDGE_OWN_CONTRIBUTION', 'INVITE_DISCUSSION_OF_RUPTURE'], 'THERAPIST', 'RESOLVED', 4"
                + " from rupture r join session s on s.id = r.session_id"
                + " join session nxt on nxt.alliance_id = s.alliance_id and nxt.number = s.number + 1"
                + " where r.organization_id = " + scope + " and abs(hashtext(cast(r.id as text))) % 10 < 6",
            "insert into repair (id, organization_id, alliance_id, rupture_id, session_id, performed_at, strategies, initiated_by,"
                + " outcome) select gen_random_uuid(), r.organization_id, r.alliance_id, r.id, s.id, s.occurred_at,"
                + " array['PROVIDE_RATIONALE'], 'THERAPIST', 'PARTIALLY_RESOLVED'"
                + " from rupture r join session s on s.id = r.session_id"
                + " where r.organization_id = " + scope + " and abs(hashtext(cast(r.id as text))) % 10 between 6 and 7",
            "update rupture r set status = case when exists (select 1 from repair rp where rp.rupture_id = r.id"
                + " and rp.outcome = 'RESOLVED') then 'RESOLVED' else 'PARTIALLY_RESOLVED' end"
                + " where r.organization_id = " + scope + " and exists (select 1 from repair rp where rp.rupture_id = r.id)",
            // An SRS after every attended session, an ORS before every fourth.
            "insert into measure (id, organization_id, alliance_id, session_id, instrument, respondent, timing)"
                + " select gen_random_uuid(), s.organization_id, s.alliance_id, s.id, 'SRS', 'CLIENT', 'POST_SESSION'"
                + " from session s where s.organization_id = " + scope + " and s.attendance = 'ATTENDED'",
            "insert into measure (id, organization_id, alliance_id, session_id, instrument, respondent, timing)"
                + " select gen_random_uuid(), s.organization_id, s.alliance_id, s.id, 'ORS', 'CLIENT', 'PRE_SESSION'"
                + " from session s where s.organization_id = " + scope + " and s.attendance = 'ATTENDED' and s.number % 4 = 1",
            "insert into measure_item (measure_id, item_code, score) select m.id, item,"
                + " round(6 + (abs(hashtext(cast(m.id as text) || item)) % 40) / 10.0, 1)"
                + " from measure m cross join unnest(case when m.instrument = 'SRS'"
                + " then array['RELATIONSHIP', 'GOALS_AND_TOPICS', 'APPROACH', 'OVERALL']"
                + " else array['INDIVIDUAL', 'INTERPERSONAL', 'SOCIAL', 'OVERALL'] end) item"
                + " where m.organization_id = " + scope,
            "update measure m set total = (select sum(score) from measure_item i where i.measure_id = m.id)"
                + " where m.organization_id = " + scope,
        };
        try (Statement statement = db.createStatement()) {
            for (int i = 0; i < statements.length; i++) {
                try {
                    statement.execute(statements[i]);
                } catch (SQLException e) {
                    throw new SQLException("generator statement " + i + " failed: " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Fresh statistics and a quiet database before measuring: a checkpoint, and no autovacuum
     * worker still busy with the rows just written (on two cores it would share the CPU).
     */
    private static void analyze(Connection db) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("vacuum analyze");
            try {
                statement.execute("checkpoint");
            } catch (SQLException notAllowed) {
                System.out.println("(no checkpoint: grant pg_checkpoint to the benchmark role to have one)");
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet busy = statement.executeQuery(
                        "select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
                    busy.next();
                    if (busy.getInt(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(1000);
            }
        }
    }

    private static String counts(Connection db) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery("""
                select (select count(*) from alliance), (select count(*) from session), (select count(*) from rupture),
                       (select count(*) from repair), (select count(*) from measure)""")) {
            row.next();
            return String.format(Locale.ROOT, "%,d alliances, %,d sessions, %,d ruptures, %,d repairs, %,d measures",
                    row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
        }
    }

    // ----------------------------------------------------------------------------------------
    // Measurements

    private record Result(double reportP50, double reportP95, double caseloadP50, double caseloadP95,
            double superviseesP50, double superviseesP95, double dbExecution,
            double dbPlanning, int caseloadSize, double[] statementExecution) {
    }

    /** The report's statements, in the order the service runs them. */
    private static final Map<String, String> STATEMENTS = new LinkedHashMap<>();

    static {
        STATEMENTS.put("sessions", ReportQueries.SESSIONS);
        STATEMENTS.put("ruptures", ReportQueries.RUPTURES);
        STATEMENTS.put("summaries", ReportQueries.SUMMARIES);
    }

    private Result measure(Connection db) throws Exception {
        String therapist = DevToken.forSubject("therapist-" + LONG_THERAPIST).org(ORG).groups("therapist").sign();
        String mentor = DevToken.forSubject("mentor").org(ORG).groups("supervisor").sign();
        String supervisor = DevToken.forSubject("supervisor").org(ORG).groups("supervisor").sign();
        UUID longAlliance;
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                "select a.id from alliance a join organization o on o.id = a.organization_id"
                        + " where o.org_key = '" + ORG + "' and a.external_id = 'long'")) {
            row.next();
            longAlliance = row.getObject(1, UUID.class);
        }
        String reportPath = "/api/v1/alliances/" + longAlliance + "/report";
        HttpResponse<String> report = get(reportPath, therapist, "application/json");
        JsonNode body = new ObjectMapper().readTree(report.body());
        if (report.statusCode() != 200 || body.path("sessions").size() != LONG_ALLIANCE_SESSIONS) {
            throw new IllegalStateException("unexpected report: " + report.statusCode());
        }
        HttpResponse<String> caseload = get("/api/v1/reports/caseload?size=100", supervisor, "application/json");
        int caseloadSize = new ObjectMapper().readTree(caseload.body()).path("totalItems").asInt();
        if (caseload.statusCode() != 200 || caseloadSize != SUPERVISED_ALLIANCES) {
            throw new IllegalStateException("unexpected caseload: " + caseload.statusCode() + " " + caseloadSize);
        }
        double[] reportTimes = time(reportPath, therapist);
        double[] caseloadTimes = time("/api/v1/reports/caseload?size=100", supervisor);
        String superviseesPath = "/api/v1/reports/supervisees?size=100";
        JsonNode supervisees = new ObjectMapper().readTree(get(superviseesPath, mentor, "application/json").body());
        if (supervisees.path("totalItems").asInt() != MENTORED_THERAPISTS
                || !supervisees.path("items").findValues("alliances").stream().allMatch(n -> n.asInt() == SUPERVISED_ALLIANCES)) {
            throw new IllegalStateException("unexpected supervisees report: " + supervisees.path("totalItems"));
        }
        double[] superviseesTimes = time(superviseesPath, mentor);
        double[] database = explain(db, longAlliance);
        return new Result(percentile(reportTimes, 50), percentile(reportTimes, 95), percentile(caseloadTimes, 50),
                percentile(caseloadTimes, 95), percentile(superviseesTimes, 50), percentile(superviseesTimes, 95),
                database[0], database[1], caseloadSize,
                Arrays.copyOfRange(database, 2, database.length));
    }

    private double[] time(String path, String token) throws Exception {
        for (int i = 0; i < 30; i++) {
            get(path, token, "application/json");
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = get(path, token, "application/json");
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        return millis;
    }

    /**
     * Median over runs of PostgreSQL's own execution and planning time for the report's statements
     * together, then each statement's execution alone.
     */
    private double[] explain(Connection db, UUID alliance) throws Exception {
        OffsetDateTime from = OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime to = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);
        Map<String, Object> params = Map.ofEntries(Map.entry("ids", "{" + alliance + "}"), Map.entry("from", from),
                Map.entry("to", to), Map.entry("window", 3), Map.entry("srsCutoff", new BigDecimal("36")),
                Map.entry("srsItemFloor", new BigDecimal("9")), Map.entry("orsCutoff", new BigDecimal("25")),
                Map.entry("orsChange", new BigDecimal("5")), Map.entry("now", OffsetDateTime.now(ZoneOffset.UTC)),
                Map.entry("srsDrop", new BigDecimal("1.0")), Map.entry("exploratory", exploratoryStrategies()),
                Map.entry("lastDay", LocalDate.of(9999, 12, 30)));
        int runs = 30;
        double[] execution = new double[runs];
        double[] planning = new double[runs];
        double[][] each = new double[STATEMENTS.size()][runs];
        for (int run = 0; run < runs; run++) {
            int i = 0;
            for (String sql : STATEMENTS.values()) {
                JsonNode plan = explain(db, sql, params);
                each[i++][run] = plan.path("Execution Time").asDouble();
                execution[run] += plan.path("Execution Time").asDouble();
                planning[run] += plan.path("Planning Time").asDouble();
            }
        }
        double[] medians = new double[2 + each.length];
        medians[0] = percentile(execution, 50);
        medians[1] = percentile(planning, 50);
        for (int i = 0; i < each.length; i++) {
            medians[2 + i] = percentile(each[i], 50);
        }
        return medians;
    }

    private static String exploratoryStrategies() {
        return Arrays.stream(RepairStrategy.values()).filter(s -> "exploratory".equals(s.group()))
                .map(Enum::name).collect(Collectors.joining(",", "{", "}"));
    }

    private static JsonNode explain(Connection db, String sql, Map<String, Object> params) throws Exception {
        List<Object> values = new ArrayList<>();
        Matcher named = Pattern.compile("(?<!:):([a-zA-Z]+)").matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (named.find()) {
            if (!params.containsKey(named.group(1))) {
                throw new IllegalArgumentException("no value for :" + named.group(1));
            }
            values.add(params.get(named.group(1)));
            named.appendReplacement(positional, "?");
        }
        named.appendTail(positional);
        try (Statement settings = db.createStatement()) {
            // As the service plans its report transactions.
            settings.execute("set jit = off");
            settings.execute("set plan_cache_mode = force_custom_plan");
        }
        // Timing off: PostgreSQL's total execution time without the cost of timing every node.
        try (PreparedStatement statement = db.prepareStatement("explain (analyze, timing off, format json) " + positional)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new ObjectMapper().readTree(row.getString(1)).get(0);
            }
        }
    }

    private void print(Result base, Result grown) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-52s %12s %12s %8s%n", "", "base", "tenfold", "change");
        row("500-session report p50 (ms)", base.reportP50(), grown.reportP50());
        row("500-session report p95 (ms)", base.reportP95(), grown.reportP95());
        row("PostgreSQL execution, report statements (ms)", base.dbExecution(), grown.dbExecution());
        row("PostgreSQL planning, report statements (ms)", base.dbPlanning(), grown.dbPlanning());
        int i = 0;
        for (String statement : STATEMENTS.keySet()) {
            row("  execution of " + statement + " (ms)", base.statementExecution()[i], grown.statementExecution()[i]);
            i++;
        }
        row("report p50 / PostgreSQL execution", base.reportP50() / base.dbExecution(), grown.reportP50() / grown.dbExecution());
        row("caseload (" + base.caseloadSize() + " alliances) p50 (ms)", base.caseloadP50(), grown.caseloadP50());
        row("caseload (" + base.caseloadSize() + " alliances) p95 (ms)", base.caseloadP95(), grown.caseloadP95());
        row("supervisees (10 therapists x 30 alliances) p50 (ms)", base.superviseesP50(), grown.superviseesP50());
        row("supervisees (10 therapists x 30 alliances) p95 (ms)", base.superviseesP95(), grown.superviseesP95());
        System.out.printf(Locale.ROOT, "%n%d requests per measurement, sequential, over loopback HTTP with JSON.%n", requests);
    }

    private static void row(String label, double base, double grown) {
        System.out.printf(Locale.ROOT, "%-52s %12.2f %12.2f %+7.0f%%%n", label, base, grown, (grown / base - 1) * 100);
    }

    private static double percentile(double[] values, int percentile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The driver directly: DriverManager does not see it from exec:java's class loader. */
    private Connection connect(String url) throws SQLException {
        java.util.Properties credentials = new java.util.Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        return new org.postgresql.Driver().connect(url, credentials);
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection db = connect(url); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
