package app.attune.database;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One SQL statement assembled from parts, each with its positional parameters, so that several
 * writes (data-modifying WITH clauses) cost one round trip.
 */
public final class NativeStatement {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** An absent value as empty text, which the SQL turns back into null with nullif(?, ''). */
    public static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Appends SQL with a ? for each of the given parameters. */
    public NativeStatement append(String part, Object... values) {
        sql.append(part);
        parameters.addAll(Arrays.asList(values));
        return this;
    }

    /** Appends another statement's SQL and parameters. */
    public NativeStatement append(NativeStatement other) {
        sql.append(other.sql);
        parameters.addAll(other.parameters);
        return this;
    }

    public int executeUpdate(EntityManager em) {
        var statement = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            statement.setParameter(i + 1, parameters.get(i));
        }
        return statement.executeUpdate();
    }
}
