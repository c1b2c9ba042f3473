package app.attune.api;

import jakarta.ws.rs.core.Response;

/** The kinds of problem the API answers with; `type` is a stable URN a client can switch on. */
public enum ProblemType {
    MALFORMED_REQUEST(400, "Malformed request"),
    VALIDATION(400, "Invalid request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Not allowed"),
    UNKNOWN_ORGANIZATION(403, "Unknown organization"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    INTERNAL(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable");

    public final int status;
    public final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return "urn:attune:problem:" + name().toLowerCase().replace('_', '-');
    }

    public Problem problem(String detail) {
        return new Problem(uri(), title, status, detail, null);
    }

    public Response response(String detail) {
        return ProblemResponses.of(problem(detail));
    }
}
