package app.attune.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.DocumentOperations;
import app.attune.support.Operator;
import app.attune.support.Practitioner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Deny by default, proved from the API's own description: every operation of the OpenAPI
 * document answers 401 without a token, and each role gets 403 exactly where the matrix below
 * says it may not act. An operation missing from the matrix fails the test, so a new endpoint
 * cannot ship without a decision about who may call it.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final Set<String> EVERYONE = Set.of("therapist", "supervisor", "integration", "admin", "researcher");
    private static final Set<String> READERS = Set.of("therapist", "supervisor", "integration");
    private static final Set<String> WRITERS = Set.of("therapist", "integration");
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> HOOKS = Set.of("admin", "integration");
    private static final Set<String> OPERATOR = Set.of("operator");
    private static final Set<String> SUPERVISOR = Set.of("supervisor");
    private static final Set<String> RESEARCH = Set.of("admin", "researcher");

    /** Who may call each operation; everyone else gets 403. */
    private static final Map<String, Set<String>> MATRIX = Map.ofEntries(
            Map.entry("POST /api/v1/clients", WRITERS),
            Map.entry("GET /api/v1/clients", READERS),
            Map.entry("GET /api/v1/clients/{id}", READERS),
            Map.entry("POST /api/v1/alliances", WRITERS),
            Map.entry("GET /api/v1/alliances", READERS),
            Map.entry("GET /api/v1/alliances/{id}", READERS),
            Map.entry("PATCH /api/v1/alliances/{id}", WRITERS),
            Map.entry("POST /api/v1/alliances/{allianceId}/sessions", WRITERS),
            Map.entry("GET /api/v1/alliances/{allianceId}/sessions", READERS),
            Map.entry("GET /api/v1/alliances/{allianceId}/ruptures", READERS),
            Map.entry("GET /api/v1/alliances/{id}/report", READERS),
            Map.entry("GET /api/v1/sessions/{id}", READERS),
            Map.entry("GET /api/v1/sessions", READERS),
            Map.entry("GET /api/v1/changes", READERS),
            Map.entry("GET /api/v1/alliances/{id}/fhir", READERS),
            Map.entry("GET /api/v1/fhir/CodeSystem/{id}", EVERYONE),
            Map.entry("GET /api/v1/fhir/Questionnaire/{id}", EVERYONE),
            Map.entry("POST /api/v1/webhooks", HOOKS),
            Map.entry("GET /api/v1/webhooks", HOOKS),
            Map.entry("DELETE /api/v1/webhooks/{id}", HOOKS),
            Map.entry("GET /api/v1/webhooks/{id}/deliveries", HOOKS),
            Map.entry("PATCH /api/v1/sessions/{id}", WRITERS),
            Map.entry("POST /api/v1/sessions/{id}/sign", WRITERS),
            Map.entry("POST /api/v1/sessions/{id}/addenda", WRITERS),
            Map.entry("POST /api/v1/sessions/{sessionId}/ruptures", WRITERS),
            Map.entry("POST /api/v1/sessions/{sessionId}/measures", WRITERS),
            Map.entry("GET /api/v1/ruptures/{id}", READERS),
            Map.entry("PATCH /api/v1/ruptures/{id}", WRITERS),
            Map.entry("POST /api/v1/ruptures/{id}/repairs", WRITERS),
            Map.entry("GET /api/v1/reports/caseload", READERS),
            Map.entry("GET /api/v1/reports/supervisees", SUPERVISOR),
            Map.entry("GET /api/v1/reports/review-queue", SUPERVISOR),
            Map.entry("POST /api/v1/research-exports", RESEARCH),
            Map.entry("GET /api/v1/research-exports/{id}", RESEARCH),
            Map.entry("GET /api/v1/research-exports/{id}/data", RESEARCH),
            Map.entry("GET /api/v1/organization/settings", EVERYONE),
            Map.entry("PUT /api/v1/organization/settings", ADMIN),
            Map.entry("GET /api/v1/vocabulary", EVERYONE),
            Map.entry("GET /api/v1/practitioners/me", EVERYONE),
            Map.entry("POST /api/v1/practitioners", ADMIN),
            Map.entry("GET /api/v1/practitioners", ADMIN),
            Map.entry("GET /api/v1/practitioners/{id}", ADMIN),
            Map.entry("PATCH /api/v1/practitioners/{id}", ADMIN),
            Map.entry("GET /api/v1/audit-events", ADMIN),
            Map.entry("GET /api/v1/audit-events/verify", ADMIN),
            Map.entry("POST /api/v1/sessions/{id}/cosign", SUPERVISOR),
            Map.entry("POST /api/v1/sessions/{id}/return", SUPERVISOR),
            Map.entry("POST /api/v1/audit-events/verify", ADMIN),
            Map.entry("GET /api/v1/audit-events/checkpoint", ADMIN),
            Map.entry("POST /api/v1/operator/organizations", OPERATOR),
            Map.entry("GET /api/v1/operator/organizations", OPERATOR),
            Map.entry("GET /api/v1/operator/organizations/{id}", OPERATOR),
            Map.entry("PATCH /api/v1/operator/organizations/{id}", OPERATOR));


    @Test
    void everyOperationIsInTheMatrixAndAnswersEachRoleAsItSays() throws IOException {
        Practitioner base = Practitioner.therapist();
        Map<String, Practitioner> byRole = Map.of("therapist", base, "supervisor", base.colleague("supervisor"),
                "integration", base.colleague("integration"), "admin", base.colleague("admin"), "researcher",
                base.colleague("researcher"));
        Practitioner noRole = base.colleague();
        Map<String, JsonNode> described = DocumentOperations.of(new ObjectMapper().readTree(
                given().queryParam("format", "json").get("/q/openapi").asString()));
        List<String> operations = List.copyOf(described.keySet());
        List<String> failures = new ArrayList<>();
        Set<String> unlisted = new TreeSet<>(operations);
        unlisted.removeAll(MATRIX.keySet());
        Set<String> stale = new TreeSet<>(MATRIX.keySet());
        stale.removeAll(operations);
        assertTrue(unlisted.isEmpty(), "operations without a decision in the role matrix: " + unlisted);
        assertTrue(stale.isEmpty(), "matrix entries for operations that no longer exist: " + stale);

        for (String operation : operations) {
            int anonymous = call(given(), operation, described.get(operation)).statusCode();
            if (anonymous != 401) {
                failures.add(operation + " without a token answered " + anonymous);
            }
            for (var role : byRole.entrySet()) {
                int status = call(role.getValue().request(), operation, described.get(operation)).statusCode();
                boolean allowed = MATRIX.get(operation).contains(role.getKey());
                if (allowed == (status == 403) || status == 401 || status >= 500) {
                    failures.add(operation + " as " + role.getKey() + " answered " + status
                            + (allowed ? " (allowed)" : " (must be 403)"));
                }
            }
            int asOperator = call(Operator.request(), operation, described.get(operation)).statusCode();
            if (MATRIX.get(operation).contains("operator") == (asOperator == 403) || asOperator == 401 || asOperator >= 500) {
                failures.add(operation + " as the operator answered " + asOperator);
            }
            int withoutRoles = call(noRole.request(), operation, described.get(operation)).statusCode();
            if (!MATRIX.get(operation).equals(EVERYONE) && withoutRoles != 403) {
                failures.add(operation + " with no role answered " + withoutRoles);
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    /** The document tells integrators who may call what (x-roles and the description): it must be this matrix. */
    @Test
    void theDocumentStatesTheRolesOfTheMatrix() throws IOException {
        JsonNode document = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        List<String> wrong = new ArrayList<>();
        DocumentOperations.of(document).forEach((name, operation) -> {
            Set<String> declared = new TreeSet<>();
            operation.path("x-roles").forEach(role -> declared.add(role.asText()));
            String roles = "Roles: " + String.join(", ", new TreeSet<>(MATRIX.getOrDefault(name, Set.of()))) + ".";
            if (!declared.equals(new TreeSet<>(MATRIX.getOrDefault(name, Set.of())))
                    || !operation.path("description").asText().endsWith(roles)
                    || !operation.path("security").toString().equals("[{\"bearer\":[]}]")) {
                wrong.add(name + " declares " + declared + " / " + operation.path("security"));
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyResourceMethodDeclaresWhoMayCallIt() throws IOException {
        List<String> undeclared = new ArrayList<>();
        int methods = 0;
        for (Class<?> resource : resourceClasses()) {
            boolean classDeclares = declares(resource.getAnnotations());
            for (Method method : resource.getDeclaredMethods()) {
                if (!isEndpoint(method)) {
                    continue;
                }
                methods++;
                if (!classDeclares && !declares(method.getAnnotations())) {
                    undeclared.add(resource.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertTrue(methods >= 30, "expected the API's endpoints, found " + methods);
        assertEquals(List.of(), undeclared);
    }

    /** Calls the operation asking for what it answers (JSON, or a download's own type), and problem details. */
    private static Response call(RequestSpecification request, String operation, JsonNode described) {
        String[] parts = operation.split(" ", 2);
        String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        String answers = "application/json";
        for (Iterator<Map.Entry<String, JsonNode>> responses = described.path("responses").fields(); responses.hasNext();) {
            Map.Entry<String, JsonNode> response = responses.next();
            if (response.getKey().startsWith("2") && response.getValue().path("content").fieldNames().hasNext()) {
                answers = response.getValue().path("content").fieldNames().next();
                break;
            }
        }
        request = request.contentType("application/json").accept(answers + ", application/problem+json");
        return switch (parts[0]) {
            case "POST" -> request.body("{}").post(path);
            case "PUT" -> request.body("{}").put(path);
            case "PATCH" -> request.body("{}").patch(path);
            case "DELETE" -> request.delete(path);
            default -> request.get(path);
        };
    }

    private static List<Class<?>> resourceClasses() throws IOException {
        java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, RoleMatrixTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        resources.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // generated or unloadable helper classes are not resources
                }
            }
        }
        return resources;
    }

    private static boolean isEndpoint(Method method) {
        return Stream.of(method.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
    }

    private static boolean declares(java.lang.annotation.Annotation[] annotations) {
        return Stream.of(annotations).anyMatch(a -> a instanceof RolesAllowed || a instanceof Authenticated
                || a instanceof PermitAll || a instanceof DenyAll);
    }
}
