package app.attune.api;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads query parameters as text and refuses bad ones by name (400), rather than as an unknown 404. */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid(name, "must be a UUID");
        }
    }

    /** A tag: a lower-case slug. */
    public static String slug(String name, String value) {
        if (value != null && (value.length() > 40 || !value.matches(Text.SLUG))) {
            throw ApiProblem.invalid(name, "must be a lower-case slug such as missed-session");
        }
        return value;
    }

    /** Free text such as an external id: bounded, storable, and not blank. */
    public static String text(String name, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String problem = TextRules.problemWith(value);
        if (problem != null) {
            throw ApiProblem.invalid(name, problem);
        }
        if (value.isBlank() || value.length() > maxLength) {
            throw ApiProblem.invalid(name, "must be 1 to " + maxLength + " characters");
        }
        return value;
    }
}
