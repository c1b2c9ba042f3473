package app.attune.api;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Optimistic concurrency over HTTP: a resource's version is its ETag; updates send it in If-Match. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the resource and its version as ETag. */
    public static Response ok(Object resource, long version) {
        return Response.ok(resource).tag(etag(version)).build();
    }

    /** 201 with the new resource, where it lives, and its version as ETag. */
    public static Response created(String location, Object resource, long version) {
        return Response.created(URI.create(location)).tag(etag(version)).entity(resource).build();
    }

    /** If-Match: * matches whatever version is current (RFC 9110). */
    public static final long ANY = -1;

    /**
     * The version the caller last read, from its If-Match header ({@link #ANY} for "*"): 428 when
     * missing, 412 when it cannot be the current one.
     */
    public static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiProblem.preconditionRequired();
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return ANY;
        }
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

    /** 412 unless the expected version is the current one (or any). */
    public static void check(long expected, long current) {
        if (expected != ANY && expected != current) {
            throw ApiProblem.preconditionFailed();
        }
    }
}
