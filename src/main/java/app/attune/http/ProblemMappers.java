package app.attune.http;

import app.attune.api.ApiProblem;
import app.attune.api.BodySizeLimit;
import app.attune.api.FieldError;
import app.attune.api.MergePatch;
import app.attune.api.ProblemResponses;
import app.attune.api.ProblemType;
import app.attune.api.RejectedText;
import app.attune.audit.AuditTrail;
import app.attune.database.DatabaseOutage;
import app.attune.identity.CurrentCaller;
import app.attune.identity.OrganizationGate;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure a request can meet into RFC 9457 problem+json. Messages name fields and
 * rules, never values: an input may hold clinical text, and so may a database error.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Fields a caller may read but never write; named as such when sent. */
    private static final Set<String> READ_ONLY = Set.of("id", "version", "status", "number", "signedAt",
            "total", "subscales", "addenda", "repairs", "allianceId", "sessionId", "ruptureId", "organization",
            "organizationId", "createdAt", "updatedAt");

    /** How long a caller should wait after a 503: the database is usually back within seconds. */
    private static final int RETRY_AFTER_SECONDS = 5;

    private final AuditTrail audit;

    private final CurrentCaller caller;

    ProblemMappers(AuditTrail audit, CurrentCaller caller) {
        this.caller = caller;
        this.audit = audit;
    }

    @ServerExceptionMapper
    public Uni<Response> apiProblem(ApiProblem e, HttpServerRequest request) {
        int status = e.problem().status();
        Response response = ProblemResponses.of(e.problem());
        return status == 403 || status == 404 ? recordingRefusal(response, request, status) : Uni.createFrom().item(response);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return ProblemResponses.of(ApiProblem.validation(errors));
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e) {
        String field = pathOf(e);
        String message = READ_ONLY.contains(e.getPropertyName()) ? "is read-only" : "is not a known field";
        return ProblemResponses.of(ApiProblem.validation(List.of(new FieldError(field, message))));
    }

    /** Replaces Quarkus's own answer, which would name Java classes. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return invalidValue(e);
    }

    @ServerExceptionMapper
    public Response invalidValue(JsonMappingException e) {
        String field = pathOf(e);
        String message = "has the wrong type or format";
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof RejectedText r) {
            message = r.reason();
        }
        if (field.isEmpty()) {
            return ProblemType.MALFORMED_REQUEST.response("The body does not have the expected JSON structure");
        }
        return ProblemResponses.of(ApiProblem.validation(List.of(new FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response patchBinding(MergePatch.PatchBindingFailure e) {
        JsonProcessingException cause = e.binding();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return unrecognizedField(unknown);
        }
        if (cause instanceof JsonMappingException mapping) {
            return invalidValue(mapping);
        }
        return otherJson(cause);
    }

    @ServerExceptionMapper
    public Response numberOutOfRange(InputCoercionException e) {
        return ProblemType.VALIDATION.response("A number in the body is out of range");
    }

    @ServerExceptionMapper
    public Response malformedJson(StreamReadException e) {
        return ProblemType.MALFORMED_REQUEST.response("The body is not well-formed JSON");
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        return ProblemType.MALFORMED_REQUEST.response("The body could not be read as JSON");
    }

    @ServerExceptionMapper
    public Response tooLarge(BodySizeLimit.TooLarge e) {
        return Response.fromResponse(ProblemType.PAYLOAD_TOO_LARGE.response("The body is larger than this service accepts"))
                .header("Connection", "close").build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e) {
        return ProblemType.UNAUTHENTICATED.response("A valid bearer token is required");
    }

    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, HttpServerRequest request) {
        if (caller.ofUnknownOrganization()) {
            // Nothing to record it in: the organization has no trail here, or is suspended.
            return Uni.createFrom().item(OrganizationGate.unknownOrganization());
        }
        return recordingRefusal(ProblemType.FORBIDDEN.response("Your role may not take this action"), request, 403);
    }

    /**
     * The answer, once the refusal is in the audit trail. A role check can refuse on an I/O
     * thread, where the database must not be waited for; the record is then written on a worker.
     */
    private Uni<Response> recordingRefusal(Response response, HttpServerRequest request, int status) {
        Optional<AuditTrail.Refusal> refusal = audit.refusal(request.method().name(), request.path(), status);
        if (refusal.isEmpty()) {
            return Uni.createFrom().item(response);
        }
        Uni<Response> recorded = Uni.createFrom().item(() -> {
            audit.record(refusal.get());
            return response;
        });
        return Context.isOnEventLoopThread() ? recorded.runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) : recorded;
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response staleVersion(RuntimeException e) {
        return ProblemResponses.of(ApiProblem.preconditionFailed().problem());
    }

    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e) {
        return ProblemResponses.of(DatabaseConstraints.problemFor(e.getConstraintName()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.MALFORMED_REQUEST;
        };
        String detail = switch (type) {
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "This resource does not support that method";
            case NOT_ACCEPTABLE -> "This resource cannot answer in the requested media type";
            case UNSUPPORTED_MEDIA_TYPE -> "Send application/json";
            case PAYLOAD_TOO_LARGE -> "The body is larger than this service accepts";
            case INTERNAL -> "The request could not be completed";
            default -> "The request could not be understood";
        };
        Response problem = type.response(detail);
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(problem).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseOutage.causes(e)) {
            LOG.warn("The database is unavailable; answered 503");
            return Response.fromResponse(ProblemType.SERVICE_UNAVAILABLE.response(
                    "The journal's database is unavailable; retry shortly")).header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        // Neither the message nor the stack trace is logged: both may hold SQL or clinical text. The
        // exception types and where the first one was thrown say enough to find the fault.
        String errorId = UUID.randomUUID().toString();
        LOG.errorf("Unexpected failure answered with 500, error id %s: %s", errorId, shapeOf(e));
        return ProblemType.INTERNAL.response("The request could not be completed (error id " + errorId + ")");
    }

    /** The chain of exception types, and the frame that threw the first: no message, no SQL. */
    static String shapeOf(Throwable e) {
        StringBuilder shape = new StringBuilder();
        for (Throwable t = e; t != null && shape.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            shape.append(shape.isEmpty() ? "" : " <- ").append(t.getClass().getName());
        }
        StackTraceElement[] frames = e.getStackTrace();
        if (frames.length > 0) {
            shape.append(" at ").append(frames[0].getClassName()).append('.').append(frames[0].getMethodName())
                    .append(':').append(frames[0].getLineNumber());
        }
        return shape.toString();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
