package app.attune.api;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads a request's query parameters as text and collects every bad one, so that a single 400
 * names them all (a typed JAX-RS parameter would answer a bad value with a bare 404).
 */
public final class QueryParams {

    private final InputErrors errors = new InputErrors();

    public <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }

    public UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        errors.add(name, "must be a UUID");
        return null;
    }

    /** An ISO date such as 2026-09-01. */
    public java.time.LocalDate date(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            java.time.LocalDate date = java.time.LocalDate.parse(value);
            if (JournalDates.holds(date)) {
                return date;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // answered below
        }
        errors.add(name, "must be an ISO date from 1900-01-01 to 2199-12-31");
        return null;
    }

    /** A whole number from min to max; {@code absent} when not given. */
    public long wholeNumber(String name, String value, long min, long max, long absent) {
        if (value == null) {
            return absent;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(name, "must be a whole number from " + min + " to " + max);
        return absent;
    }

    /** Records a missing required parameter. */
    public void require(String name) {
        errors.add(name, "is required");
    }

    /** One of a fixed set of words. */
    public String oneOf(String name, String value, java.util.Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(name, "must be one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            return null;
        }
        return value;
    }

    /** true or false. */
    public Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(name, "must be true or false");
            return null;
        }
        return Boolean.valueOf(value);
    }

    /** An instant with its offset, such as 2026-10-02T15:00:00Z. */
    public java.time.OffsetDateTime time(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            java.time.OffsetDateTime time = java.time.OffsetDateTime.parse(value);
            if (JournalDates.holds(time.toLocalDate())) {
                return time;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // answered below
        }
        errors.add(name, "must be an ISO date-time with offset from 1900 to 2199");
        return null;
    }

    /** A tag: a lower-case slug. */
    public String slug(String name, String value) {
        if (value != null && (value.length() > 40 || !value.matches(Text.SLUG))) {
            errors.add(name, "must be a lower-case slug such as missed-session");
            return null;
        }
        return value;
    }

    /** Free text such as an external id: bounded, storable, and not blank. */
    public String text(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String problem = TextRules.problemWith(value);
        if (problem != null) {
            errors.add(name, problem);
        } else if (value.isBlank() || value.length() > maxLength) {
            errors.add(name, "must be 1 to " + maxLength + " characters");
        } else {
            return value;
        }
        return null;
    }

    /** The page asked for: page from 0, size from 1 to {@link PageRequest#MAX_SIZE}. */
    public PageRequest page(String page, String size) {
        int p = wholeNumber(page, 0);
        int s = wholeNumber(size, PageRequest.DEFAULT_SIZE);
        if (p < 0 || p > PageRequest.MAX_PAGE) {
            errors.add("page", "must be a whole number from 0 to " + PageRequest.MAX_PAGE);
        }
        if (s < 1 || s > PageRequest.MAX_SIZE) {
            errors.add("size", "must be a whole number from 1 to " + PageRequest.MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    /** Answers 400 naming every bad parameter read so far, if any. */
    public void check() {
        errors.throwIfAny();
    }

    private static int wholeNumber(String value, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
