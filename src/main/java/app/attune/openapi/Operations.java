package app.attune.openapi;

import java.util.function.BiConsumer;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/** Walks the API's own operations (under /api/, not Quarkus's /q/ endpoints). */
final class Operations {

    static final String IF_MATCH = "If-Match";

    private Operations() {
    }

    interface Visitor {
        void visit(String path, PathItem.HttpMethod method, Operation operation);
    }

    static void forEach(OpenAPI openAPI, Visitor visitor) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> visitor.visit(path, method, operation));
            }
        });
    }

    static void forEachParameter(Operation operation, BiConsumer<Parameter, String> action) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> action.accept(p, p.getName()));
        }
    }

    /** An operation is conditional when it reads If-Match (declared from its @HeaderParam). */
    static boolean readsIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && IF_MATCH.equalsIgnoreCase(p.getName()));
    }
}
