package app.attune.openapi;

import app.attune.api.RequestTrace;
import app.attune.http.RateLimit;
import app.attune.idempotency.IdempotencyKeys;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Every header the service reads or sends, declared once and referenced where it applies. */
final class Headers {

    private static final String REQUEST_ID_PATTERN = "^[A-Za-z0-9._:-]{8,64}$";

    private Headers() {
    }

    /** The variant of a header sent only when the request got far enough (past the rate limiter). */
    private static final String WHEN_COUNTED = "-WhenCounted";
    private static final String CORS_ORIGIN = "Access-Control-Allow-Origin";

    static void addComponents(Components components) {
        components.addHeader(RequestTrace.HEADER, header("The request's id, in the service's log and audit trail: the "
                + "caller's own X-Request-Id when it is 8 to 64 letters, digits or ._:-, a new UUID otherwise",
                text(64).pattern(REQUEST_ID_PATTERN)));
        components.addHeader(RateLimit.POLICY_HEADER, header("The caller's rate-limit policy (draft-ietf-httpapi-"
                + "ratelimit-headers): q requests per w seconds, per practitioner", text(100).pattern(RateLimit.POLICY_PATTERN)
                .example("\"default\";q=600;w=60")));
        components.addHeader(RateLimit.STATE_HEADER, header("What is left of the caller's budget: r requests, and t "
                + "seconds until it is whole again", text(100).pattern(RateLimit.STATE_PATTERN)
                .example("\"default\";r=599;t=1")));
        for (String name : new String[] {RateLimit.POLICY_HEADER, RateLimit.STATE_HEADER}) {
            Header always = components.getHeaders().get(name);
            components.addHeader(name + WHEN_COUNTED, OASFactory.createHeader().schema(always.getSchema()).required(false)
                    .description(always.getDescription() + "; absent when the request was refused before its token "
                            + "was read (an oversized body, say) or without a valid token (401)"));
        }
        components.addHeader(CORS_ORIGIN, OASFactory.createHeader().required(false).schema(text(2000))
                .description("Sent only when cross-origin access is on (QUARKUS_HTTP_CORS_ENABLED, with the allowed "
                        + "origins in QUARKUS_HTTP_CORS_ORIGINS) and the request's Origin is one of them; off by default"));
        components.addHeader("Retry-After", header("Seconds to wait before retrying",
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(86_400))));
        components.addHeader("ETag", header("The resource's version, to send back in If-Match",
                text(22).pattern("^\"[0-9]{1,19}\"$").example("\"0\"")));
        components.addHeader("Location", header("Where the new resource can be read",
                text(2000).format("uri-reference")));
        components.addHeader(IdempotencyKeys.REPLAYED, header("true when this answer is the stored "
                + "answer to an earlier request with the same Idempotency-Key",
                OASFactory.createSchema().addType(Schema.SchemaType.STRING).addEnumeration("true")).required(false));
    }

    static void declare(PathItem.HttpMethod method, Operation operation, Set<String> versioned) {
        operation.addParameter(OASFactory.createParameter().name(RequestTrace.HEADER).in(Parameter.In.HEADER)
                .description("An id for this request, echoed in the answer and kept in the log and audit trail; "
                        + "one that is not 8 to 64 letters, digits or ._:- is replaced by a new UUID")
                .schema(text(8192)));
        Operations.forEachParameter(operation, (parameter, name) -> {
            if (parameter.getIn() == Parameter.In.HEADER && Operations.IF_MATCH.equalsIgnoreCase(name)) {
                // A missing If-Match is refused (428): the contract requires it.
                parameter.required(true).description("The ETag of the version this change is based on, or *")
                        .schema(text(24).example("\"3\""));
            }
        });
        operation.getResponses().getAPIResponses().forEach((status, response) -> declare(method, status, response, versioned));
    }

    private static void declare(PathItem.HttpMethod method, String status, APIResponse response, Set<String> versionedSchemas) {
        boolean success = status.startsWith("2");
        add(response, RequestTrace.HEADER);
        if (success || status.equals("429")) {
            add(response, RateLimit.POLICY_HEADER);
            add(response, RateLimit.STATE_HEADER);
        } else {
            // A 401 is never counted (no caller to count it against): the fields are then absent.
            add(response, RateLimit.POLICY_HEADER, RateLimit.POLICY_HEADER + WHEN_COUNTED);
            add(response, RateLimit.STATE_HEADER, RateLimit.STATE_HEADER + WHEN_COUNTED);
        }
        add(response, CORS_ORIGIN);
        if (status.equals("429") || status.equals("503")) {
            add(response, "Retry-After");
        }
        boolean versioned = versionedSchemas.contains(Schemas.jsonSchemaName(response));
        if (status.equals("201") && versioned) {
            // A resource with its own address and version; a measure or an addendum lives in its session's.
            add(response, "Location");
        }
        if (status.equals("202")) {
            // Work accepted for later: where to follow it.
            add(response, "Location");
        }
        if (success && method == PathItem.HttpMethod.POST) {
            add(response, IdempotencyKeys.REPLAYED);
        }
        if (success && versioned) {
            add(response, "ETag");
        }
    }

    private static void add(APIResponse response, String name) {
        add(response, name, name);
    }

    private static void add(APIResponse response, String name, String component) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref("#/components/headers/" + component));
        }
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema).required(true);
    }

    private static Schema text(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }
}
