package app.attune.database;

import app.attune.support.DevToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The failover drill (a command, not a test), entirely on loopback: an etcd member, two
 * PostgreSQL 15 nodes under Patroni with synchronous replication, HAProxy in front of the
 * primary (checking Patroni's REST API) and of two packaged service replicas, and a local webhook
 * receiver. Writers post whole sessions through HAProxy, each with its own Idempotency-Key,
 * while the drill kills the primary's postmaster (kill -9), later stops the new primary's
 * Patroni cleanly (a switchover), and finally starts that node again so that it rejoins as a
 * standby. Then it retries the indefinite requests with their keys and prints what was lost,
 * duplicated or answered 500, whether the change feed is gapless and the audit chain intact,
 * whether every webhook delivery arrived exactly once, and the seconds without a write at each fault.
 *
 * ./mvnw -Pbench -DskipTests package exec:java -Dbench.main=app.attune.database.FailoverDrill
 *
 * Needs etcd, patroni, haproxy (Debian: apt-get install etcd-server patroni haproxy) and
 * PostgreSQL 15's server binaries; it installs nothing and says what is missing. As root it runs
 * Patroni (and so PostgreSQL) as the postgres user. Options: -Ddrill.writers, -Ddrill.seconds, -Ddrill.dir.
 */
public final class FailoverDrill {

    private static final int WRITERS = Integer.getInteger("drill.writers", 8);
    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("drill.seconds", 120));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "drill-org";
    private static final String PASSWORD = "drill";

    private final Path work = Path.of(System.getProperty("drill.dir", "/tmp/attune-drill-" + ProcessHandle.current().pid()));
    private final boolean root = "root".equals(System.getProperty("user.name"));
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

    private int etcdPort;
    private int databasePort;
    private int standbyPort;
    private int apiPort;
    private final Node[] nodes = new Node[2];
    private final PackagedService[] replicas = new PackagedService[2];

    /** A PostgreSQL node under Patroni: its ports, folder and configuration. */
    private record Node(String name, int port, int restPort, Path data, Path config) {
    }

    public static void main(String[] args) throws Exception {
        FailoverDrill drill = new FailoverDrill();
        int status = 1;
        try {
            status = drill.run();
        } catch (Exception e) {
            System.out.println("The drill stopped: " + e.getMessage() + " (its folder, with every log, is kept: " + drill.work + ")");
        } finally {
            drill.tearDown(status != 0 || Boolean.getBoolean("drill.keep"));
        }
        System.exit(status);
    }

    private int run() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String program : List.of("etcd", "patroni", "haproxy")) {
            if (!onPath(program)) {
                missing.add(program);
            }
        }
        if (!Files.isExecutable(PostgresCluster.BIN.resolve("postgres"))) {
            missing.add("PostgreSQL 15 server binaries in " + PostgresCluster.BIN + " (or -Dpg.bin)");
        }
        if (!missing.isEmpty()) {
            System.out.println("The drill needs what is not installed: " + String.join(", ", missing));
            System.out.println("On Debian: apt-get install etcd-server patroni haproxy postgresql-15");
            return 2;
        }
        Files.createDirectories(work);
        startEtcd();
        nodes[0] = node("node1");
        nodes[1] = node("node2");
        startPatroni(nodes[0]);
        PackagedService.waitUntil(() -> isPrimary(nodes[0]), Duration.ofSeconds(90), "node1 never became the primary");
        startPatroni(nodes[1]);
        PackagedService.waitUntil(() -> isSyncStandby(nodes[1]), Duration.ofSeconds(90), "node2 never became a synchronous standby");
        int receiverPort = startReceiver();
        startHaproxyFor(List.of());
        String url = "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres";
        Map<String, String> settings = Map.of("ATTUNE_RATE_LIMIT_PER_MINUTE", "100000000",
                "QUARKUS_DATASOURCE_PASSWORD", PASSWORD, "ATTUNE_WEBHOOKS_PRIVATE_RECEIVERS", "127.0.0.1/32",
                // Report figures from the standby, through HAProxy, and from the primary while no standby runs.
                "QUARKUS_DATASOURCE_STANDBY_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + standbyPort + ",127.0.0.1:" + databasePort
                        + "/postgres?targetServerType=preferSecondary",
                "QUARKUS_DATASOURCE_STANDBY_USERNAME", "postgres", "QUARKUS_DATASOURCE_STANDBY_PASSWORD", PASSWORD,
                // One receiver takes every delivery of the run: let it take eight at a time.
                "ATTUNE_WEBHOOKS_PER_RECEIVER", "8", "ATTUNE_WEBHOOKS_PER_ORGANIZATION", "8");
        replicas[0] = new PackagedService(url, work.resolve("replica-1.log"), settings);
        PackagedService.waitUntil(() -> replicas[0].status("/q/health/ready") == 200, Duration.ofSeconds(90),
                "the first replica never became ready");
        replicas[1] = new PackagedService(url, work.resolve("replica-2.log"), settings);
        PackagedService.waitUntil(() -> replicas[1].status("/q/health/ready") == 200, Duration.ofSeconds(90),
                "the second replica never became ready");
        startHaproxyFor(List.of(replicas));
        PackagedService.waitUntil(() -> status(api("/api/v1/vocabulary")) == 401, Duration.ofSeconds(30),
                "HAProxy never reached the replicas");

        replicas[0].provision(ORG);
        Instant expiry = Instant.now().plusSeconds(3600);
        String therapist = DevToken.forSubject("drill-therapist").org(ORG).groups("therapist").expiresAt(expiry).sign();
        String admin = DevToken.forSubject("admin-" + ORG).org(ORG).groups("admin").expiresAt(expiry).sign();
        post(admin, "/api/v1/webhooks", "{\"url\": \"http://127.0.0.1:" + receiverPort + "/hook\", \"eventTypes\": [\"session.created\"]}");
        SessionWriters writes = new SessionWriters("drill-", therapist, this::api);
        List<String> alliances = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            String client = post(therapist, "/api/v1/clients", "{\"displayLabel\": \"Drill client\"}").get("id").asText();
            alliances.add(post(therapist, "/api/v1/alliances", "{\"clientId\": \"" + client + "\", \"startedOn\": \"2026-09-01\"}")
                    .get("id").asText());
        }
        System.out.printf("etcd on %d, PostgreSQL nodes on %d and %d, HAProxy on %d (primary), %d (standby) and %d (API), %d writers for %d s%n",
                etcdPort, nodes[0].port(), nodes[1].port(), databasePort, standbyPort, apiPort, WRITERS, RUN.toSeconds());

        long start = System.nanoTime();
        long deadline = start + RUN.toNanos();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (String alliance : alliances) {
            writers.submit(() -> writes.write(alliance, deadline));
        }
        // A supervisor-like reader: one alliance's report every 0.2 s, its figures from the standby.
        Map<Integer, AtomicInteger> reportAnswers = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> {
            while (System.nanoTime() < deadline) {
                int answer;
                try {
                    answer = PackagedService.HTTP.send(HttpRequest.newBuilder(api("/api/v1/alliances/" + alliances.get(0) + "/report"))
                            .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + therapist).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    answer = -1;
                } catch (InterruptedException e) {
                    return;
                }
                reportAnswers.computeIfAbsent(answer, k -> new AtomicInteger()).incrementAndGet();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "report-reader");
        reader.start();
        List<Long> faultsAt = new ArrayList<>();
        // 1. The primary's postmaster dies: Patroni promotes the synchronous standby.
        waitFor(start, 0.15);
        long killed = System.nanoTime();
        PostgresCluster.run(List.of("kill", "-9", postmasterPid(nodes[0])));
        PackagedService.waitUntil(() -> isPrimary(nodes[1]), Duration.ofSeconds(60), "node2 was never promoted");
        snapshot("after-kill.txt");
        System.out.println("  " + reapOrphans(Duration.ofSeconds(10)));
        System.out.println("kill -9 of node1's postmaster: node2 primary after %d ms".formatted((System.nanoTime() - killed) / 1_000_000));
        // node1's Patroni rewinds it and rejoins it as a standby.
        PackagedService.waitUntil(() -> isSyncStandby(nodes[0]), Duration.ofSeconds(90), "node1 never rejoined as a synchronous standby");
        System.out.println("  node1 back as synchronous standby after %d ms".formatted((System.nanoTime() - killed) / 1_000_000));
        faultsAt.add(killed);
        // 2. The new primary's Patroni is stopped cleanly: a switchover to node1.
        waitFor(start, 0.45);
        long stopped = System.nanoTime();
        PostgresCluster.run(List.of("pkill", "-TERM", "-f", "patroni " + nodes[1].config()));
        PackagedService.waitUntil(() -> isPrimary(nodes[0]), Duration.ofSeconds(60), "node1 was never promoted");
        System.out.println("clean stop of node2's Patroni: node1 primary after %d ms".formatted((System.nanoTime() - stopped) / 1_000_000));
        faultsAt.add(stopped);
        // 3. node2 starts again and rejoins as a standby.
        waitFor(start, 0.7);
        long restarted = System.nanoTime();
        startPatroni(nodes[1]);
        PackagedService.waitUntil(() -> isSyncStandby(nodes[1]), Duration.ofSeconds(90), "node2 never rejoined as a synchronous standby");
        System.out.println("node2 started again: synchronous standby after %d ms".formatted((System.nanoTime() - restarted) / 1_000_000));
        faultsAt.add(restarted);
        writers.shutdown();
        writers.awaitTermination(RUN.toSeconds() + 60, TimeUnit.SECONDS);
        reader.join();
        int retried = writes.retryIndefinite(Duration.ofSeconds(60));

        // Each fault's window runs to the next fault (the last one to the end of the run).
        List<String> gaps = new ArrayList<>();
        String[] names = {"kill -9", "switchover", "rejoin"};
        for (int i = 0; i < faultsAt.size(); i++) {
            long from = faultsAt.get(i);
            long to = i + 1 < faultsAt.size() ? faultsAt.get(i + 1) : deadline;
            gaps.add("%-11s longest time without an acknowledged write: %.1f s".formatted(names[i] + ":",
                    writes.longestGapAfter(from, to) / 1000.0));
        }

        try (Connection db = connect()) {
            SessionWriters.Checks checks = writes.check(db);
            long expected = SessionWriters.count(db, "select count(*) from session where external_id like ?", "drill-%");
            // Every session.created of the run reaches the receiver: wait while the outbox drains, until
            // nothing new arrives for 30 s (at most 15 minutes).
            long waitStarted = System.nanoTime();
            long lastProgress = waitStarted;
            int seen = received.size();
            while (received.size() < expected && System.nanoTime() - lastProgress < Duration.ofSeconds(30).toNanos()
                    && System.nanoTime() - waitStarted < Duration.ofMinutes(15).toNanos()) {
                Thread.sleep(500);
                if (received.size() > seen) {
                    seen = received.size();
                    lastProgress = System.nanoTime();
                }
            }
            long drained = (System.nanoTime() - waitStarted) / 1_000_000_000;
            long twice = received.values().stream().filter(n -> n.get() > 1).count();
            String feed = changeFeed(therapist);
            JsonNode verified = JSON.readTree(get(admin, "/api/v1/audit-events/verify").body());
            System.out.println();
            gaps.forEach(System.out::println);
            System.out.print(writes.report(retried, checks));
            System.out.printf("""
                    change feed                        %s
                    audit chain                        %s (%d events checked)
                    webhook deliveries expected        %d (the sessions stored)
                    webhook deliveries received        %d distinct, %d more than once (%d s after the writers stopped)
                    """, feed, verified.path("intact").asBoolean() ? "intact" : "BROKEN " + verified.path("firstFailure"),
                    verified.path("eventsChecked").asLong(), expected, received.size(), twice, drained);
            System.out.println("reports (figures from the standby)  answers by status " + new java.util.TreeMap<>(reportAnswers)
                    + " (-1: no answer)");
            attemptsOfRepeated(db);
            boolean met = writes.allTargetsMet(checks) && reportAnswers.keySet().stream().allMatch(a -> a == 200 || a == 503)
                    && feed.startsWith("gapless") && verified.path("intact").asBoolean() && received.size() == expected && twice == 0;
            System.out.println(met ? "every target met" : "a target was missed: the drill's folder is kept");
            return met ? 0 : 2;
        }
    }

    private void startEtcd() throws Exception {
        etcdPort = PackagedService.freePort();
        int peerPort = PackagedService.freePort();
        String client = "http://127.0.0.1:" + etcdPort;
        String peer = "http://127.0.0.1:" + peerPort;
        start(List.of("etcd", "--name", "drill", "--data-dir", work.resolve("etcd").toString(), "--listen-client-urls", client,
                "--advertise-client-urls", client, "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "drill=" + peer, "--enable-v2=true"), "etcd.log", false);
        PackagedService.waitUntil(() -> status(URI.create(client + "/health")) == 200, Duration.ofSeconds(30),
                "etcd never answered");
    }

    private Node node(String name) throws Exception {
        Node node = new Node(name, PackagedService.freePort(), PackagedService.freePort(), work.resolve(name),
                work.resolve(name + ".yml"));
        // Failover at once after a crash (primary_start_timeout 0) and only to the synchronous standby.
        Files.writeString(node.config(), """
                scope: attune-drill
                name: %s
                restapi:
                  listen: 127.0.0.1:%d
                  connect_address: 127.0.0.1:%d
                etcd:
                  host: 127.0.0.1:%d
                bootstrap:
                  dcs:
                    ttl: 10
                    loop_wait: 1
                    retry_timeout: 5
                    primary_start_timeout: 0
                    master_start_timeout: 0
                    synchronous_mode: true
                    postgresql:
                      use_pg_rewind: true
                      parameters:
                        wal_log_hints: "on"
                        max_connections: 100
                  initdb:
                    - encoding: UTF8
                    - auth: scram-sha-256
                  pg_hba:
                    - local all all trust
                    - host replication replicator 127.0.0.1/32 scram-sha-256
                    - host all all 127.0.0.1/32 scram-sha-256
                postgresql:
                  listen: 127.0.0.1:%d
                  connect_address: 127.0.0.1:%d
                  data_dir: %s
                  bin_dir: %s
                  pgpass: %s
                  authentication:
                    superuser: {username: postgres, password: %s}
                    replication: {username: replicator, password: %s}
                    rewind: {username: postgres, password: %s}
                  parameters:
                    unix_socket_directories: %s
                """.formatted(name, node.restPort(), node.restPort(), etcdPort, node.port(), node.port(), node.data(),
                PostgresCluster.BIN, work.resolve(name + ".pgpass"), PASSWORD, PASSWORD, PASSWORD, work));
        return node;
    }

    private void startPatroni(Node node) throws Exception {
        if (root) {
            PostgresCluster.run(List.of("chown", "-R", "postgres:postgres", work.toString()));
        }
        start(List.of("patroni", node.config().toString()), node.name() + "-patroni.log", true);
    }

    /** HAProxy: the database port follows Patroni's primary; the API port balances the replicas that are ready. */
    /** A TCP frontend leading to the node whose Patroni answers 200 on the given check path. */
    private void databaseFrontend(StringBuilder config, String name, int port, String check) {
        config.append("""
                listen %s
                  mode tcp
                  bind 127.0.0.1:%d
                  option httpchk GET %s
                  http-check expect status 200
                  default-server inter 500ms fall 2 rise 1 on-marked-down shutdown-sessions
                """.formatted(name, port, check));
        for (Node node : nodes) {
            config.append("  server %s 127.0.0.1:%d check port %d%n".formatted(node.name(), node.port(), node.restPort()));
        }
    }

    private void startHaproxyFor(List<PackagedService> services) throws Exception {
        if (databasePort == 0) {
            databasePort = PackagedService.freePort();
            standbyPort = PackagedService.freePort();
            apiPort = PackagedService.freePort();
        }
        StringBuilder config = new StringBuilder("""
                global
                  maxconn 2000
                defaults
                  timeout connect 2s
                  timeout client 30m
                  timeout server 30m
                  timeout check 1s
                """);
        databaseFrontend(config, "postgres", databasePort, "/primary");
        // The reports' standby: whichever node Patroni reports as a running replica (none while one node is alone).
        databaseFrontend(config, "postgres-standby", standbyPort, "/replica");
        if (!services.isEmpty()) {
            config.append("""
                    listen api
                      mode http
                      bind 127.0.0.1:%d
                      balance roundrobin
                      option httpchk GET /q/health/ready
                      http-check expect status 200
                      default-server inter 500ms fall 2 rise 1
                    """.formatted(apiPort));
            int i = 0;
            for (PackagedService service : services) {
                config.append("  server replica%d 127.0.0.1:%d check port %d%n".formatted(++i, service.port, service.managementPort));
            }
        }
        Path file = work.resolve("haproxy.cfg");
        Files.writeString(file, config.toString());
        // The second configuration replaces the first process (its database connections are handed over by -sf).
        List<String> command = new ArrayList<>(List.of("haproxy", "-f", file.toString(), "-db"));
        Process previous = processes.stream().filter(p -> p.info().command().orElse("").endsWith("haproxy")).findFirst().orElse(null);
        if (previous != null) {
            command.addAll(List.of("-sf", Long.toString(previous.pid())));
        }
        start(command, "haproxy-" + (services.isEmpty() ? 1 : 2) + ".log", false);
    }

    private int startReceiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null) {
                received.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server.getAddress().getPort();
    }

    /** Reads the whole feed as the therapist, whose changes are all of them: positions 1 to the head, each once. */
    private String changeFeed(String therapist) throws Exception {
        long expectedNext = 1;
        String since = "0";
        int read = 0;
        while (true) {
            JsonNode page = JSON.readTree(get(therapist, "/api/v1/changes?limit=1000&since=" + since).body());
            for (JsonNode change : page.path("changes")) {
                long position = Long.parseLong(change.path("cursor").asText());
                if (position != expectedNext) {
                    return "GAP or repeat: " + position + " after " + (expectedNext - 1);
                }
                expectedNext++;
                read++;
            }
            since = page.path("nextCursor").asText();
            if (!page.path("more").asBoolean()) {
                return "gapless, positions 1 to " + (expectedNext - 1) + " (" + read + " changes)";
            }
        }
    }

    /**
     * The server processes the killed postmaster left behind. They should exit on their own once
     * they notice it died; one that does not keeps the shared memory attached, and its node cannot
     * start again. After the grace period the drill kills them, as a container runtime kills the
     * rest of a container whose main process died, and says what they were doing.
     */
    private String reapOrphans(Duration grace) throws Exception {
        long deadline = System.nanoTime() + grace.toNanos();
        List<String> left = orphans();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            left = orphans();
        }
        if (left.isEmpty()) {
            return "node1's server processes all exited on their own";
        }
        for (String line : left) {
            PostgresCluster.run(List.of("kill", "-9", line.trim().split("\\s+")[0]));
        }
        return "killed after " + grace.toSeconds() + " s, still running: " + String.join("; ", left);
    }

    /** Server processes of the cluster whose postmaster is gone (their parent is now init). */
    private List<String> orphans() throws Exception {
        return PostgresCluster.run(List.of("ps", "-eo", "pid=,ppid=,cmd=")).lines()
                .filter(line -> line.contains("postgres: attune-drill:"))
                .filter(line -> "1".equals(line.trim().split("\\s+")[1]))
                .toList();
    }

    /** The server processes left and the shared memory segments, for the folder: what a restart has to wait for. */
    private void snapshot(String name) throws Exception {
        Files.writeString(work.resolve(name), PostgresCluster.run(List.of("ps", "-eo", "pid,ppid,stat,etime,wchan:32,cmd"))
                + PostgresCluster.run(List.of("ipcs", "-m", "-p")));
    }

    private boolean isPrimary(Node node) {
        return status(URI.create("http://127.0.0.1:" + node.restPort() + "/primary")) == 200;
    }

    private boolean isSyncStandby(Node node) {
        return status(URI.create("http://127.0.0.1:" + node.restPort() + "/sync")) == 200;
    }

    private String postmasterPid(Node node) throws IOException {
        return Files.readAllLines(node.data().resolve("postmaster.pid")).get(0).trim();
    }

    private Connection connect() throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("password", PASSWORD);
        return new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres", credentials);
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + apiPort + path);
    }

    private JsonNode post(String token, String path, String body) throws Exception {
        HttpResponse<String> answer = PackagedService.HTTP.send(HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> get(String token, String path) throws Exception {
        HttpResponse<String> answer = PackagedService.HTTP.send(HttpRequest.newBuilder(api(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    /** The status of an unauthenticated GET, or -1 when there was no answer. */
    private static int status(URI uri) {
        try {
            return PackagedService.HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static void waitFor(long start, double share) throws InterruptedException {
        long when = start + (long) (RUN.toNanos() * share);
        while (System.nanoTime() < when) {
            Thread.sleep(50);
        }
    }

    private void start(List<String> command, String log, boolean asPostgres) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres && root) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        processes.add(new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(work.resolve(log).toFile()).start());
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** For each delivery received more than once, the attempts its senders recorded: why it was sent again. */
    private void attemptsOfRepeated(Connection db) throws Exception {
        List<String> repeated = received.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).toList();
        try (PreparedStatement attempts = db.prepareStatement("""
                select delivery_id, attempt, response_status, error, duration_ms, attempted_at from webhook_attempt
                where delivery_id = any(cast(? as uuid[])) order by delivery_id, attempt""")) {
            attempts.setString(1, "{" + String.join(",", repeated) + "}");
            try (ResultSet rows = attempts.executeQuery()) {
                while (rows.next()) {
                    System.out.printf("  received twice: %s attempt %d: status %s, %s, %d ms, at %s%n", rows.getString(1),
                            rows.getInt(2), rows.getObject(3), rows.getString(4), rows.getInt(5), rows.getString(6));
                }
            }
        }
    }

    private void tearDown(boolean keep) throws Exception {
        for (PackagedService replica : replicas) {
            if (replica != null) {
                replica.close();
            }
        }
        if (nodes[0] != null) {
            // Patroni stops its PostgreSQL on SIGTERM (pkill fails when none is left).
            new ProcessBuilder("pkill", "-TERM", "-f", "patroni " + work).start().waitFor();
            Thread.sleep(5000);
        }
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (keep) {
            System.out.println("The drill's folder, with every log, is kept: " + work);
        } else {
            PostgresCluster.run(List.of("rm", "-rf", work.toString()));
        }
    }
}
