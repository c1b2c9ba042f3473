package app.attune.api;

import jakarta.ws.rs.core.EntityTag;

/** Optimistic concurrency over HTTP: a resource's version is its ETag; updates send it in If-Match. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version the caller last read, from its If-Match header: 428 when missing, 412 when it
     * cannot be the current one.
     */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.preconditionRequired();
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ApiProblem.preconditionFailed();
        }
    }

    public static void check(String ifMatch, long current) {
        if (expected(ifMatch) != current) {
            throw ApiProblem.preconditionFailed();
        }
    }
}
