package app.attune.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The suite writes only to the database it created: even with QUARKUS_DATASOURCE_JDBC_URL exported
 * in the shell, the application under test is connected to the throwaway instance.
 */
@QuarkusTest
class TestDatabaseGuardTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theApplicationUsesTheThrowawayDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_database(), current_setting('port')::int")) {
            row.next();
            TestDatabase.assertIsOurs(row.getString(1), row.getInt(2));
        }
    }
}
