package app.attune.api;

import jakarta.ws.rs.core.Response;

final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(Problem problem) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }
}
