package app.attune.database;

import app.attune.support.DevToken;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** The packaged service (target/quarkus-app) run as a process of its own, as production runs it. */
final class PackagedService implements AutoCloseable {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final int port;
    /** Where /q/ (health, metrics, OpenAPI) is served: the management interface of the packaged service. */
    final int managementPort;
    final Process process;

    /** Starts the service against the given database, with the dev key pair and any further settings. */
    PackagedService(String jdbcUrl, Path log, Map<String, String> settings, String... jvmOptions) throws IOException {
        this(Path.of("target/quarkus-app/quarkus-run.jar"), true, jdbcUrl, log, settings, jvmOptions);
    }

    /** Starts another packaged Quarkus application (the load benchmark's yardstick) the same way. */
    PackagedService(Path application, String jdbcUrl, Path log, Map<String, String> settings, String... jvmOptions)
            throws IOException {
        this(application, false, jdbcUrl, log, settings, jvmOptions);
    }

    private PackagedService(Path application, boolean management, String jdbcUrl, Path log, Map<String, String> settings,
            String... jvmOptions) throws IOException {
        this.port = freePort();
        this.managementPort = management ? freePort() : port;
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(List.of(jvmOptions));
        // From the application's own folder, as its container runs it: an AppCDS archive names its jars relative to it.
        command.addAll(List.of("-jar", application.getFileName().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(application.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile());
        var env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "");
        env.put("ATTUNE_LOCAL_DB", "false");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", Path.of("src/test/resources/dev-keys/public-key.pem").toAbsolutePath().toString());
        env.put("MP_JWT_VERIFY_ISSUER", DevToken.ISSUER);
        env.put("MP_JWT_VERIFY_AUDIENCES", DevToken.AUDIENCE);
        env.put("ATTUNE_AUDIT_KEY_DIRECTORY", Path.of("src/test/resources/dev-audit-keys").toAbsolutePath().toString());
        env.put("ATTUNE_AUDIT_ACTIVE_KEY", "dev-2026");
        env.putAll(settings);
        this.process = builder.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Has the operator provision an organization (a second time is a 409, which is as good). */
    void provision(String key) throws IOException, InterruptedException {
        String operator = DevToken.forSubject("operator").groups("operator").sign();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/operator/organizations"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + operator)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"key\": \"" + key + "\", \"displayName\": \"" + key + "\", \"firstAdminSubject\": \"admin-" + key + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201 && answer.statusCode() != 409) {
            throw new IllegalStateException("provisioning " + key + " answered " + answer.statusCode());
        }
    }

    /** The lines of the management interface's /q/metrics that start with the given name. */
    List<String> metrics(String name) throws IOException, InterruptedException {
        String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/metrics"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return text.lines().filter(line -> line.startsWith(name)).toList();
    }

    /** The status of a GET on the public port, or -1 when there was no answer. */
    int publicStatus(String path) {
        return status(uri(path));
    }

    /** The status of a GET (of /q/ on the management interface), or -1 when there was no answer. */
    int status(String path) {
        return status(path.startsWith("/q/") ? URI.create("http://127.0.0.1:" + managementPort + path) : uri(path));
    }

    private static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** Resident memory of the process in MiB, from /proc. */
    long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    static Duration waitUntil(BooleanSupplier condition, Duration limit, String failure) throws InterruptedException {
        long started = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - started > limit.toNanos()) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
