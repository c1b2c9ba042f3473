package app.attune.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One row of a report statement, its columns read by alias. Native statements hand back numbers
 * as whichever Number the driver chose and timestamptz as one of three types; this is the one
 * place that turns them into the API's types. Maps and lists arrive as JSON text.
 */
final class ReportRow {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader COUNTS = JSON.readerFor(new TypeReference<Map<String, Long>>() {
    });
    private static final ObjectReader SCORES = JSON.readerFor(new TypeReference<Map<String, BigDecimal>>() {
    });
    private static final ObjectReader CODES = JSON.readerFor(new TypeReference<List<String>>() {
    });

    private final Map<String, Object> columns;

    /** The row's values by column alias, as the driver returned them. */
    ReportRow(Map<String, Object> columns) {
        this.columns = columns;
    }

    private Object value(String column) {
        if (!columns.containsKey(column)) {
            throw new IllegalStateException("the statement has no column " + column);
        }
        return columns.get(column);
    }

    boolean isNull(String column) {
        return value(column) == null;
    }

    /** A count: zero when the statement had nothing to count. */
    long count(String column) {
        Object value = value(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    Long whole(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).longValue();
    }

    Integer integer(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).intValue();
    }

    Double real(String column) {
        Object value = value(column);
        return value == null ? null : ((Number) value).doubleValue();
    }

    BigDecimal decimal(String column) {
        Object value = value(column);
        return value == null ? null : new BigDecimal(value.toString());
    }

    BigDecimal decimal(String column, int scale) {
        BigDecimal value = decimal(column);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    boolean flag(String column) {
        return Boolean.TRUE.equals(value(column));
    }

    String text(String column) {
        return (String) value(column);
    }

    <E extends Enum<E>> E code(String column, Class<E> type) {
        String value = text(column);
        return value == null ? null : Enum.valueOf(type, value);
    }

    UUID id(String column) {
        return (UUID) value(column);
    }

    /** A timestamptz in UTC, as reports speak it. */
    OffsetDateTime time(String column) {
        Object value = value(column);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("column " + column + " is not a timestamp");
    }

    /** A JSON object of code to count, in code order; empty when absent. */
    Map<String, Long> counts(String column) {
        Map<String, Long> counts = read(column, COUNTS);
        return counts == null ? new TreeMap<>() : new TreeMap<>(counts);
    }

    /** A JSON object of participant label to score, in label order; empty when absent. */
    Map<String, BigDecimal> scores(String column) {
        Map<String, BigDecimal> scores = read(column, SCORES);
        return scores == null ? new TreeMap<>() : new TreeMap<>(scores);
    }

    /** A JSON array of codes; empty when absent. */
    List<String> codes(String column) {
        List<String> codes = read(column, CODES);
        return codes == null ? List.of() : codes;
    }

    private <T> T read(String column, ObjectReader reader) {
        String json = text(column);
        if (json == null) {
            return null;
        }
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            // The statement's own output: never caller input, so this is a defect, not a 400.
            throw new IllegalStateException("column " + column + " is not the JSON its statement builds", e);
        }
    }
}
