package app.attune.query;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A where-clause built from the filters a caller gave: each clause names its own parameter, and a
 * filter left out adds neither. Reads as HQL for Panache's {@code find(where, parameters)} or for
 * an {@link jakarta.persistence.EntityManager} query through {@link #bind}.
 */
public final class Filter {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private Filter() {
    }

    /** Clauses that always apply, such as a scope, with their parameters. */
    public static Filter where(String clause, Map<String, Object> parameters) {
        Filter filter = new Filter();
        filter.clauses.add(clause);
        filter.parameters.putAll(parameters);
        return filter;
    }

    /** A clause that always applies, with its one parameter. */
    public static Filter where(String clause, String name, Object value) {
        return where(clause, Map.of(name, value));
    }

    /** Adds the clause when the caller gave {@code value}, the clause's parameter {@code name}. */
    public Filter andIf(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds a clause that always applies. */
    public Filter and(String clause, String name, Object value) {
        return and(clause, Map.of(name, value));
    }

    /** Adds a clause that always applies, with its parameters. */
    public Filter and(String clause, Map<String, Object> parameters) {
        clauses.add(clause);
        this.parameters.putAll(parameters);
        return this;
    }

    public String clause() {
        return String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }

    /** The query with every parameter of the filter set. */
    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
