package app.attune.openapi;

import app.attune.api.PageRequest;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Makes the scanned document a contract a generated client can trust: typed pages and required
 * answer properties, problem answers, headers, paging parameters and roles, in that order (each
 * step reads what the one before it declared). Runs when the application is built.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String BEARER = "bearer";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Schemas.apply(openAPI);
        ProblemAnswers.addProblemSchema(openAPI.getComponents());
        Headers.addComponents(openAPI.getComponents());
        Set<String> versioned = Schemas.versioned(openAPI.getComponents());
        Map<String, List<String>> roles = ResourceRoles.read();
        Operations.forEach(openAPI, (path, method, operation) -> {
            ProblemAnswers.declare(path, method, operation);
            Headers.declare(method, operation, versioned);
            typeParameters(operation);
            Access.declare(path, method, operation, roles);
        });
    }

    /** page and size are read as text (so that a bad value is a named 400) but are whole numbers; texts are bounded. */
    private static void typeParameters(Operation operation) {
        Operations.forEachParameter(operation, (parameter, name) -> {
            Bounds.parameter(parameter.getSchema());
            if (parameter.getIn() != Parameter.In.QUERY) {
                return;
            }
            if (name.equals("page")) {
                parameter.schema(Schemas.integer("int32", 0, PageRequest.MAX_PAGE).defaultValue(0))
                        .description("Page number, from 0");
            } else if (name.equals("size")) {
                parameter.schema(Schemas.integer("int32", 1, PageRequest.MAX_SIZE).defaultValue(PageRequest.DEFAULT_SIZE))
                        .description("Items per page, 1 to " + PageRequest.MAX_SIZE);
            }
        });
    }
}
