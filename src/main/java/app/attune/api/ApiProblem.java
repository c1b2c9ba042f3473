package app.attune.api;

import java.util.List;

/**
 * A refusal the service decided on: thrown from services, answered as problem+json by
 * {@link ProblemMappers}. Never carries clinical text.
 */
public class ApiProblem extends RuntimeException {

    private final transient Problem problem;

    private ApiProblem(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(ProblemType.NOT_FOUND.problem("No " + what + " with that id"));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(ProblemType.FORBIDDEN.problem(detail));
    }

    public static ApiProblem keyReused() {
        return new ApiProblem(ProblemType.IDEMPOTENCY_KEY_REUSED.problem(
                "This Idempotency-Key was used for a different request; use a new key for a new request"));
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(ProblemType.CONFLICT.problem(detail));
    }

    public static ApiProblem preconditionFailed() {
        return new ApiProblem(ProblemType.PRECONDITION_FAILED.problem(
                "The resource has changed since it was read; read it again and retry with its new ETag"));
    }

    public static ApiProblem preconditionRequired() {
        return new ApiProblem(ProblemType.PRECONDITION_REQUIRED.problem(
                "Send the ETag of your last read in If-Match to update this resource"));
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(validation(errors));
    }

    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new Problem(ProblemType.VALIDATION.uri(), ProblemType.VALIDATION.title, 400, detail, List.copyOf(errors));
    }
}
