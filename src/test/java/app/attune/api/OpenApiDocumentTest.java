package app.attune.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.DocumentOperations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the one the code generates, and it documents every operation:
 * a summary, its problem+json answers and example bodies. Regenerate it with
 * {@code ./mvnw package -Dmaven.test.skip=true} (the packaged build writes openapi/).
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final String REGENERATE = "openapi/ is stale: run ./mvnw package -Dmaven.test.skip=true and commit openapi/ "
            + "(the served document is in target/openapi-served/ for a diff)";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    @Test
    void theCommittedJsonDocumentIsWhatTheCodeGenerates() throws IOException {
        String served = given().queryParam("format", "json").get("/q/openapi").asString();
        keepForDiff("openapi.json", served);
        ObjectMapper json = new ObjectMapper();
        assertTrue(json.readTree(Files.readString(Path.of("openapi/openapi.json"))).equals(json.readTree(served)), REGENERATE);
    }

    @Test
    void theCommittedYamlDocumentIsWhatTheCodeGenerates() throws IOException {
        String served = given().get("/q/openapi").asString();
        keepForDiff("openapi.yaml", served);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        assertTrue(yaml.readTree(Files.readString(Path.of("openapi/openapi.yaml"))).equals(yaml.readTree(served)), REGENERATE);
    }

    /** Leaves the served document in target/openapi-served/ so that a failure can be diffed. */
    private static void keepForDiff(String name, String document) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "openapi-served"));
        Files.writeString(dir.resolve(name), document);
    }

    @Test
    void everyOperationHasASummaryProblemAnswersAndExamples() throws IOException {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path.getKey();
                if (operation.path("summary").asText("").isBlank()) {
                    gaps.add(name + ": no summary");
                }
                for (String status : List.of("400", "401", "403")) {
                    if (operation.path("responses").path(status).path("content").path("application/problem+json").isMissingNode()) {
                        gaps.add(name + ": no problem+json answer for " + status);
                    }
                }
                if (path.getKey().contains("{")
                        && operation.path("responses").path("404").path("content").path("application/problem+json").isMissingNode()) {
                    gaps.add(name + ": no 404 problem");
                }
                JsonNode requestBody = operation.path("requestBody");
                if (!requestBody.isMissingNode() && !hasExample(requestBody.path("content"))) {
                    gaps.add(name + ": request body without example");
                }
                boolean successWithExample = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext();) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    // A 204 has no body to show.
                    if (response.getKey().equals("204")
                            || response.getKey().startsWith("2") && hasExample(response.getValue().path("content"))) {
                        successWithExample = true;
                    }
                }
                if (!successWithExample) {
                    gaps.add(name + ": success answer without example");
                }
                if (operation.path("security").isMissingNode() && document.path("security").isMissingNode()) {
                    gaps.add(name + ": no security requirement");
                }
            }
        }
        assertTrue(operations >= 20, "expected the journal's operations, found " + operations);
        assertTrue(gaps.isEmpty(), () -> String.join("\n", gaps));
    }

    /** The README's API table lists exactly the document's operations, with their operationIds and roles. */
    @Test
    void theReadmeTableMatchesTheOperations() throws IOException {
        JsonNode document = new ObjectMapper().readTree(Files.readString(Path.of("openapi/openapi.json")));
        Set<String> documented = new TreeSet<>();
        DocumentOperations.of(document).forEach((name, operation) -> {
            List<String> roles = new ArrayList<>();
            operation.path("x-roles").forEach(role -> roles.add(role.asText()));
            String[] methodAndPath = name.split(" ", 2);
            documented.add(row(methodAndPath[0], methodAndPath[1].substring("/api/v1".length()),
                    operation.path("operationId").asText(), roles));
        });
        Set<String> listed = new TreeSet<>();
        var table = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) ([^`?]+)[^`]*` \\| `(\\w+)` \\| ([^|]+) \\|");
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            var match = table.matcher(line);
            if (match.find()) {
                List<String> roles = new ArrayList<>();
                for (String letter : match.group(4).trim().split(" ")) {
                    roles.addAll(switch (letter) {
                        case "T" -> List.of("therapist");
                        case "S" -> List.of("supervisor");
                        case "I" -> List.of("integration");
                        case "A" -> List.of("admin");
                        case "O" -> List.of("operator");
                        case "R" -> List.of("researcher");
                        default -> List.of("admin", "integration", "researcher", "supervisor", "therapist");
                    });
                }
                listed.add(row(match.group(1), match.group(2), match.group(3), roles));
            }
        }
        assertEquals(documented, listed, "README.md's API table and openapi/openapi.json list different operations");
    }

    private static String row(String method, String path, String operationId, List<String> roles) {
        return method + " " + path.replaceAll("\\{[^}]+}", "{}") + " " + operationId + " " + new TreeSet<>(roles);
    }

    @Test
    void swaggerUiIsServed() {
        String page = given().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertFalse(page.isBlank());
    }

    private static boolean hasExample(JsonNode content) {
        for (Iterator<JsonNode> media = content.elements(); media.hasNext();) {
            JsonNode type = media.next();
            if (type.has("example") || (type.has("examples") && type.path("examples").size() > 0)) {
                return true;
            }
        }
        return false;
    }
}
