package app.attune.database;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;
import java.util.function.Function;

/**
 * The order PostgreSQL gives to "order by a time, id", for lists built in memory that must come out
 * as a read would return them: times at microsecond precision, uuids compared byte by byte
 * (unsigned), which is the order of their lower-case text and not that of UUID.compareTo.
 */
public final class ReadOrder {

    private ReadOrder() {
    }

    public static <T> Comparator<T> byTimeThenId(Function<T, OffsetDateTime> time, Function<T, UUID> id) {
        return Comparator.<T, java.time.Instant>comparing(row -> time.apply(row).toInstant())
                .thenComparing(row -> id.apply(row).toString());
    }
}
