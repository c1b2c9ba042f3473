package app.attune.api;

/** One offending input field of a refused request, named as the caller wrote it. */
public record FieldError(String field, String message) {
}
