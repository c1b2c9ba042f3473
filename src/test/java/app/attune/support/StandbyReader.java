package app.attune.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A stand-in for a standby in the test database: the standby datasource connects as a role that may
 * only read (select, in read-only transactions), so that a test can tell from pg_stat_statements
 * which statements went there. Started after {@link TestDatabase}, whose database it reads.
 */
public class StandbyReader implements QuarkusTestResourceLifecycleManager {

    public static final String ROLE = "attune_standby_reader";

    @Override
    public Map<String, String> start() {
        try (Connection connection = DriverManager.getConnection(TestDatabase.url(), "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("create role " + ROLE + " login password 'standby'");
            statement.execute("grant usage on schema public to " + ROLE);
            // Flyway creates the tables after this, as postgres.
            statement.execute("alter default privileges for role postgres in schema public grant select on tables to " + ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the standby reader", e);
        }
        return Map.of(
                "quarkus.datasource.standby.jdbc.url", TestDatabase.url().replace("?user=postgres", "")
                        + "?ApplicationName=attune-standby&options=-c%20default_transaction_read_only%3Don",
                "quarkus.datasource.standby.username", ROLE,
                "quarkus.datasource.standby.password", "standby");
    }

    @Override
    public void stop() {
        // The database goes with TestDatabase.
    }

    @Override
    public int order() {
        return 1;
    }
}
