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
    private static volatile String url;
    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        try {
            // pg_stat_statements lets a test read back every statement the service sent (TenantScopedStatementsTest).
            postgres = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.max", "10000").start();
            port = postgres.getPort();
            databaseName = "attune_test_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + databaseName);
            }
            url = postgres.getJdbcUrl("postgres", databaseName);
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
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

    /** The JDBC URL of the database this run created (with user=postgres), once started. */
    static String url() {
        return url;
    }

    /** Fails unless the connection leads to the database this run created. */
    public static void assertIsOurs(String currentDatabase, int serverPort) {
        if (databaseName == null || !databaseName.equals(currentDatabase) || serverPort != port) {
            throw new IllegalStateException("Refusing to touch a database the test suite did not create");
        }
    }
}
