package app.attune.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Holds every exchange of the test suite to the committed OpenAPI document (openapi/openapi.json,
 * which OpenApiDocumentTest keeps equal to openapi.yaml and to the served one): each answer of the
 * API must be one the document describes (status, headers, body), refusals included, and each
 * request the service accepted must be one the document allows, so that an integrator's generated
 * client never meets an answer or a rule that the document does not state. Installed before every
 * {@code @QuarkusTest} method (META-INF/services).
 */
public final class ContractValidation implements Filter, QuarkusTestBeforeEachCallback {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createFor(ContractDocument.read())
            // An Accept that names JSON is fine for an answer without a body (204), and a query parameter an
            // operation does not read is ignored (a cache-buster, say): the service does both.
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE).build())
            .build();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (RestAssured.filters().stream().noneMatch(ContractValidation.class::isInstance)) {
            RestAssured.filters(new ContractValidation());
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification requestSpec, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(requestSpec, responseSpec);
        Request request = asReceived(RestAssuredRequest.of(requestSpec));
        if (!request.getPath().startsWith("/api/")) {
            return response;
        }
        ValidationReport report = VALIDATOR.validateResponse(request.getPath(), request.getMethod(),
                RestAssuredResponse.of(response));
        if (response.statusCode() / 100 == 2) {
            // A request the service refused may break the document on purpose; one it accepted may not.
            report = report.merge(VALIDATOR.validateRequest(request));
        }
        if (report.hasErrors() && !unknownRoute(report, response)) {
            throw new AssertionError(request.getMethod() + " " + request.getPath() + " answered " + response.statusCode()
                    + ", which openapi/ does not describe:\n" + report.getMessages().stream()
                            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                            .map(m -> "- " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n")));
        }
        return response;
    }

    /** The request as the service reads it: HTTP drops the blanks around a header's value. */
    private static Request asReceived(Request sent) {
        SimpleRequest.Builder request = new SimpleRequest.Builder(sent.getMethod(), sent.getPath());
        sent.getRequestBody().ifPresent(request::withBody);
        sent.getHeaders().forEach((name, values) -> request.withHeader(name, values.stream().map(String::strip).toList()));
        sent.getQueryParameters().forEach(name -> request.withQueryParam(name, List.copyOf(sent.getQueryParameterValues(name))));
        return request.build();
    }

    /** A test may call a route the API does not have, to see it refused: only the refusal matters then. */
    private static boolean unknownRoute(ValidationReport report, Response response) {
        boolean refused = response.statusCode() == 404 || response.statusCode() == 405;
        return refused && report.getMessages().stream().anyMatch(m -> m.getKey().startsWith("validation.request.path.missing")
                || m.getKey().startsWith("validation.request.operation.notAllowed"));
    }
}
