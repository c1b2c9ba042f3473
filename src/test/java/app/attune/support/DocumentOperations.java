package app.attune.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operations of an OpenAPI document (as JSON), each under its "METHOD /path" name, in document order. */
public final class DocumentOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private DocumentOperations() {
    }

    public static Map<String, JsonNode> of(JsonNode document) {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()) {
                    operations.put(method.toUpperCase() + " " + path.getKey(), operation);
                }
            }
        }
        return operations;
    }
}
