package app.attune.api;

/** A page of a list: page from 0, size from 1 to {@link #MAX_SIZE}; built by {@link QueryParams#page}. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 100_000;
}
