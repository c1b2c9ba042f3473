package app.attune.api;

/** A validated page request: page from 0, size from 1 to {@link #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 100_000;

    /** Checks the raw query parameters; a bad one is a 400 naming it. */
    public static PageRequest of(String page, String size) {
        InputErrors errors = new InputErrors();
        int p = parse(page, 0);
        int s = parse(size, DEFAULT_SIZE);
        if (p < 0 || p > MAX_PAGE) {
            errors.add("page", "must be a whole number from 0 to " + MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add("size", "must be a whole number from 1 to " + MAX_SIZE);
        }
        errors.throwIfAny();
        return new PageRequest(p, s);
    }

    private static int parse(String value, int absent) {
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
