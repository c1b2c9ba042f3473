package app.attune.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures are the database being away (503, try again) and which are faults (500). */
class DatabaseOutageTest {

    @Test
    void aCommitAbortedUnderTheServiceIsAnOutage() {
        // As the failover drill met it: the connection closed at commit, Narayana aborted, with no cause kept.
        assertTrue(DatabaseOutage.causes(new ArcUndeclaredThrowableException(new RollbackException())));
    }

    @Test
    void connectionAndServerStatesAreOutagesAndOtherStatesAreNot() {
        assertTrue(DatabaseOutage.causes(new IllegalStateException(new SQLException("gone", "08006"))));
        assertTrue(DatabaseOutage.causes(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseOutage.causes(new SQLException("Acquisition timeout while waiting for new connection")));
        assertFalse(DatabaseOutage.causes(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.causes(new IllegalStateException("a defect")));
    }
}
