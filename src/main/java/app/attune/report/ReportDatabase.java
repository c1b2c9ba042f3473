package app.attune.report;

import app.attune.database.DatabaseOutage;
import app.attune.database.DatabaseOutage.DatabaseUnavailable;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the report statements run. By default on the primary, in the request's transaction. When
 * a standby is configured (the {@code standby} datasource, QUARKUS_DATASOURCE_STANDBY_JDBC_URL),
 * the figures are read there, each statement in a read-only transaction of its own, while the
 * access checks and the audit event stay on the primary: a report from a standby is as old as the
 * standby's replay, so a session written a moment ago may be missing from it.
 */
@ApplicationScoped
public class ReportDatabase {

    /**
     * Report statements read few rows: JIT compilation costs more than running them (about 170 ms
     * of a 320 ms summary of a 500-session alliance), and the generic plan PostgreSQL switches to
     * after a few executions of a prepared statement ignores which alliances are asked for (65 ms
     * became 150).
     */
    private static final String PLAN_FOR_THESE_ALLIANCES =
            "select set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)";

    private final EntityManager em;
    private final AgroalDataSource standby;
    private final Map<String, Positional> positional = new ConcurrentHashMap<>();

    ReportDatabase(EntityManager em, @DataSource("standby") InjectableInstance<AgroalDataSource> standby) {
        this.em = em;
        List<AgroalDataSource> active = standby.listActive();
        this.standby = active.isEmpty() ? null : active.get(0);
    }

    public boolean readsFromStandby() {
        return standby != null;
    }

    /** Plans the rest of the transaction's statements for the alliances at hand (on a standby, each statement's). */
    public void planForTheseAlliances() {
        if (standby == null) {
            em.createNativeQuery(PLAN_FOR_THESE_ALLIANCES).getSingleResult();
        }
    }

    /** The rows of one report statement, its parameters named as {@code :name} in the SQL. */
    @SuppressWarnings("unchecked")
    List<ReportRow> rows(String sql, Map<String, Object> parameters) {
        if (standby == null) {
            Query query = em.createNativeQuery(sql, Tuple.class);
            parameters.forEach(query::setParameter);
            return ((List<Tuple>) query.getResultList()).stream().map(ReportDatabase::columns).map(ReportRow::new).toList();
        }
        return fromStandby(positional.computeIfAbsent(sql, Positional::of), parameters);
    }

    private List<ReportRow> fromStandby(Positional statement, Map<String, Object> parameters) {
        try (Connection connection = connectToStandby()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                try (Statement plan = connection.createStatement()) {
                    plan.executeQuery(PLAN_FOR_THESE_ALLIANCES).close();
                }
                List<ReportRow> rows = new ArrayList<>();
                try (PreparedStatement query = connection.prepareStatement(statement.sql())) {
                    for (int i = 0; i < statement.names().size(); i++) {
                        String name = statement.names().get(i);
                        if (!parameters.containsKey(name)) {
                            throw new IllegalArgumentException("report statement parameter not bound: " + name);
                        }
                        query.setObject(i + 1, parameters.get(name));
                    }
                    try (ResultSet result = query.executeQuery()) {
                        ResultSetMetaData columns = result.getMetaData();
                        while (result.next()) {
                            Map<String, Object> row = new HashMap<>();
                            for (int c = 1; c <= columns.getColumnCount(); c++) {
                                row.put(columns.getColumnLabel(c), result.getObject(c));
                            }
                            rows.add(new ReportRow(row));
                        }
                    }
                }
                connection.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            // Away, or a statement cancelled by the standby's replay (a conflict with recovery): 503, try again.
            if (DatabaseOutage.causes(e) || "40001".equals(e.getSQLState())) {
                throw new DatabaseUnavailable(e);
            }
            throw new IllegalStateException("a report statement failed on the standby", e);
        }
    }

    /** No connection to the standby, whatever the reason (away, refused, its credentials wrong): 503. */
    private Connection connectToStandby() {
        try {
            return standby.getConnection();
        } catch (SQLException e) {
            throw new DatabaseUnavailable(e);
        }
    }

    private static Map<String, Object> columns(Tuple tuple) {
        Map<String, Object> row = new HashMap<>();
        for (TupleElement<?> element : tuple.getElements()) {
            row.put(element.getAlias(), tuple.get(element));
        }
        return row;
    }

    /**
     * A statement with named parameters rewritten for JDBC: each {@code :name} becomes {@code ?},
     * skipping string literals, comments and {@code ::} casts.
     */
    record Positional(String sql, List<String> names) {

        static Positional of(String named) {
            StringBuilder sql = new StringBuilder(named.length());
            List<String> names = new ArrayList<>();
            int i = 0;
            while (i < named.length()) {
                char c = named.charAt(i);
                if (c == '\'') {
                    int end = named.indexOf('\'', i + 1);
                    end = end < 0 ? named.length() : end + 1;
                    sql.append(named, i, end);
                    i = end;
                } else if (c == '-' && named.startsWith("--", i)) {
                    int end = named.indexOf('\n', i);
                    end = end < 0 ? named.length() : end;
                    sql.append(named, i, end);
                    i = end;
                } else if (c == ':' && named.startsWith("::", i)) {
                    sql.append("::");
                    i += 2;
                } else if (c == ':' && i + 1 < named.length() && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
                    int end = i + 1;
                    while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
                        end++;
                    }
                    names.add(named.substring(i + 1, end));
                    sql.append('?');
                    i = end;
                } else {
                    sql.append(c);
                    i++;
                }
            }
            return new Positional(sql.toString(), List.copyOf(names));
        }
    }
}
