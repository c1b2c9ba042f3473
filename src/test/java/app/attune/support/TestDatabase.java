package app.attune.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A throwaway PostgreSQL 15 for the test suite, in a fresh temporary folder on a free port, with a
 * database whose random name is known only to this run. {@link #assertIsOurs} lets a test prove
 * that the application is connected to it and to nothing else.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private static volatile String databaseName;
    private static volatile int port;
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            port = postgres.getPort();
            databaseName = "attune_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + databaseName);
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", databaseName),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database", e);
        }
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Fails unless the connection leads to the database this run created. */
    public static void assertIsOurs(String currentDatabase, int serverPort) {
        if (databaseName == null || !databaseName.equals(currentDatabase) || serverPort != port) {
            throw new IllegalStateException("Refusing to touch a database the test suite did not create");
        }
    }
}
