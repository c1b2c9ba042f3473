package app.attune.localdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL 15 inside the JVM for local runs, keeping its data in a folder between runs.
 * It runs with fsync off: for a developer's machine, never for production.
 */
public final class LocalDatabase {

    private static final Logger LOG = Logger.getLogger(LocalDatabase.class);

    private LocalDatabase() {
    }

    /** Starts the database (or finds it already started in this JVM) and returns its JDBC URL. */
    public static synchronized String start(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.warn("The local PostgreSQL did not stop cleanly");
                }
            }, "local-postgres-stop"));
            LOG.warnf("Started a local PostgreSQL on port %d with its data in %s (fsync off: not for production)",
                    port, directory.toAbsolutePath());
            return postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the local PostgreSQL", e);
        }
    }
}
