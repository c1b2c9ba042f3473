package app.attune.database;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells a failure caused by the database being away from any other failure. */
public final class DatabaseOutage {

    /** PostgreSQL shutting down, starting up or out of connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseOutage() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // A commit the transaction manager aborted: no code here marks a transaction rollback-only and carries
            // on, so it is the connection failing at commit (Narayana keeps no cause). Nothing was stored.
            if (cause instanceof DatabaseUnavailable || cause instanceof ConnectException
                    || cause instanceof jakarta.transaction.RollbackException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return true;
                }
                // Agroal's pool, when no connection could be made within the acquisition timeout.
                if (sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Thrown where the service itself finds the database away. */
    public static final class DatabaseUnavailable extends RuntimeException {

        public DatabaseUnavailable(Throwable cause) {
            super("database unavailable", cause, false, false);
        }
    }
}
