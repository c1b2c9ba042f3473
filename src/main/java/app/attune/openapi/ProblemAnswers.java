package app.attune.openapi;

import app.attune.api.ApiExamples;
import app.attune.api.Problem;
import app.attune.api.ProblemType;
import app.attune.idempotency.IdempotencyInterceptor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The problem+json answers every operation can give, from the same rules the mappers follow:
 * which depend on the method, a path id, a body and If-Match.
 */
final class ProblemAnswers {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    private ProblemAnswers() {
    }

    static void declare(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> problems = new LinkedHashMap<>();
        boolean hasBody = operation.getRequestBody() != null;
        boolean conditional = Operations.readsIfMatch(operation);
        problems.put("400", "Invalid input: malformed JSON, unknown or read-only fields, bad query parameters, or broken "
                + "rules, each field named");
        problems.put("401", "Missing, expired or invalid bearer token");
        problems.put("403", "The caller's role may not take this action");
        if (path.contains("{")) {
            problems.put("404", "No such resource, or one the caller may not see");
        } else if (method == PathItem.HttpMethod.POST) {
            problems.put("404", "A replay (same Idempotency-Key) of an answer showing a resource the caller may no longer see");
        }
        problems.put("406", "None of the media types in Accept can be produced");
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PATCH) {
            problems.put("409", "Conflicts with the journal's state (closed alliance, signed session, duplicate externalId),"
                    + " or a request with the same Idempotency-Key is still running");
        }
        if (conditional) {
            problems.put("412", "If-Match does not name the current version: read again and retry");
        }
        if (hasBody) {
            problems.put("413", "The body is larger than the service accepts");
            problems.put("415", "The body is not application/json");
        }
        if (method == PathItem.HttpMethod.POST) {
            problems.put("422", "The Idempotency-Key was used for a different request");
            operation.addParameter(idempotencyKey());
        }
        if (conditional) {
            problems.put("428", "If-Match is missing");
        }
        problems.put("429", "Too many requests from this caller: wait for Retry-After seconds");
        problems.put("500", "An unexpected failure; the detail carries an error id that is also in the service's log");
        problems.put("503", "The journal's database is unavailable: retry after Retry-After seconds");
        var responses = operation.getResponses();
        // A refusal an operation declares itself (a GET's 409) is answered as problem details too.
        if (responses.getAPIResponses() != null) {
            responses.getAPIResponses().forEach((status, declared) -> {
                if (status.matches("[45]\\d\\d") && declared.getContent() == null && declared.getDescription() != null) {
                    problems.putIfAbsent(status, declared.getDescription());
                }
            });
        }
        // Replaces the bare 400/401/403 that the scanner adds from @Valid and @RolesAllowed.
        problems.forEach((status, description) -> {
            var existing = responses.getAPIResponse(status);
            if (existing == null || existing.getContent() == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                                .addExample("problem", OASFactory.createExample().value(example(status, description))))));
            }
        });
    }

    private static Parameter idempotencyKey() {
        return OASFactory.createParameter().name(IdempotencyInterceptor.HEADER).in(Parameter.In.HEADER)
                .description("Makes a retry safe: the same key and request replay the first answer (with "
                        + "Idempotent-Replayed: true) and store nothing twice. Kept 24 hours per caller; required "
                        + "for integrations.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)
                        .pattern("^[!-~]{1,255}$"))
                .example("5f0c2b8e-3d4a-4f1b-9e6c-7a8b9c0d1e2f");
    }

    private static Object example(String status, String description) {
        if (status.equals("400")) {
            return parse(ApiExamples.PROBLEM);
        }
        ProblemType type = switch (status) {
            case "401" -> ProblemType.UNAUTHENTICATED;
            case "403" -> ProblemType.FORBIDDEN;
            case "404" -> ProblemType.NOT_FOUND;
            case "406" -> ProblemType.NOT_ACCEPTABLE;
            case "409" -> ProblemType.CONFLICT;
            case "412" -> ProblemType.PRECONDITION_FAILED;
            case "413" -> ProblemType.PAYLOAD_TOO_LARGE;
            case "415" -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case "422" -> ProblemType.IDEMPOTENCY_KEY_REUSED;
            case "429" -> ProblemType.TOO_MANY_REQUESTS;
            case "500" -> ProblemType.INTERNAL;
            case "503" -> ProblemType.SERVICE_UNAVAILABLE;
            default -> ProblemType.PRECONDITION_REQUIRED;
        };
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type.uri());
        problem.put("title", type.title);
        problem.put("status", type.status);
        problem.put("detail", description);
        return problem;
    }

    private static Object parse(String json) {
        try {
            return new ObjectMapper().readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ApiExamples.PROBLEM is not JSON", e);
        }
    }

    /** The problem schema, written out here because Problem omits absent members (NON_NULL). */
    static void addProblemSchema(Components components) {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(2000);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .required(List.of("field", "message"))
                .addProperty("field", text).addProperty("message", text);
        components.addSchema("FieldError", fieldError.description("One offending input field, named as the caller wrote it"));
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details (application/problem+json)")
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")
                        .maxLength(200).example(ProblemType.VALIDATION.uri()))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.valueOf(400)).maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().ref("#/components/schemas/FieldError"))
                        .maxItems(1000).description("For validation problems: every offending field")));
    }
}
