package app.attune.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** For tests that hold a row lock to catch a request half-way: waits until a query waits on a lock. */
public final class Blocking {

    private Blocking() {
    }

    public static void waitForABlockedQuery(AgroalDataSource database) throws SQLException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Connection c = database.getConnection(); PreparedStatement q = c.prepareStatement(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"); ResultSet r = q.executeQuery()) {
                r.next();
                if (r.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no request ever waited for the lock held by the test");
    }
}
