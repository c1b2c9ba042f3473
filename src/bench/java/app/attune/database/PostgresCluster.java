package app.attune.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 cluster of a command's own (fsync on, loopback only, trust authentication) in
 * a folder it removes afterwards, run with the server binaries of the machine; as root, they run
 * as the postgres user. -Dpg.options adds server settings, for diagnosis ("-c synchronous_commit=off").
 */
final class PostgresCluster implements AutoCloseable {

    static final Path BIN = Path.of(System.getProperty("pg.bin", "/usr/lib/postgresql/15/bin"));

    final Path work;
    final Path data;
    final int port;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    PostgresCluster(Path work, int port) throws Exception {
        this.work = work;
        this.data = work.resolve("pgdata");
        this.port = port;
        Files.createDirectories(work);
        if (root) {
            run(List.of("chown", "postgres:postgres", work.toString()));
        }
        server("initdb", "-D", data.toString(), "--auth=trust", "-U", "postgres");
    }

    void start() throws Exception {
        server("pg_ctl", "-D", data.toString(), "-l", work.resolve("postgres.log").toString(), "-w",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + work + " " + System.getProperty("pg.options", ""),
                "start");
    }

    void stop(String mode) throws Exception {
        server("pg_ctl", "-D", data.toString(), "-m", mode, "-w", "stop");
    }

    String postmasterPid() throws Exception {
        return Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** The driver directly: DriverManager does not see it from exec:java's class loader. */
    Connection connect() throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        return new org.postgresql.Driver().connect(jdbcUrl(), credentials);
    }

    /** Runs a server program as the cluster's owner; returns its output, or fails with it. */
    String server(String program, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(BIN.resolve(program).toString());
        command.addAll(List.of(arguments));
        return run(command);
    }

    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command.get(command.size() > 4 ? 4 : 0) + " failed: " + output);
        }
        return output;
    }

    @Override
    public void close() throws Exception {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            stop("fast");
        }
        run(List.of("rm", "-rf", work.toString()));
    }
}
