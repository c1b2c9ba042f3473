package app.attune.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Journal;
import app.attune.support.Practitioner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

/**
 * Property-based hostile input: jqwik generates thousands of malformed, boundary and oversized
 * bodies, query parameters and headers from valid requests to every POST, PUT and PATCH. Every
 * answer is below 500 and problem+json when refused, and a refused write leaves nothing behind.
 * The choice of mutations follows a fixed seed; jqwik draws the values themselves, so every run
 * tries new ones, and a failure names the request that caused it.
 */
@QuarkusTest
class HostileInputTest {

    private static final long SEED = 20261130L;
    private static final int REQUESTS_PER_OPERATION = 150;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Inject
    AgroalDataSource database;

    private final Random random = new Random(SEED);

    /** One operation: how to send a body, and a valid body to start from. */
    private record Operation(String name, String method, String path, Supplier<Object> validBody) {
    }

    @Test
    void noGeneratedRequestGets500OrWritesPartOfItself() throws Exception {
        Practitioner therapist = Practitioner.therapist();
        String alliance = therapist.createAlliance();
        String session = therapist.createSession(alliance, "2026-09-03");
        String rupture = therapist.postSession(alliance, Journal.session("2026-09-04")
                .ruptures(Journal.rupture("WITHDRAWAL", 2, List.of()))).statusCode(201).extract().path("ruptures[0].id");
        String practitioner = therapist.id();
        therapist.createClient();
        List<Operation> operations = List.of(
                new Operation("client", "POST", "/api/v1/clients", () -> Map.of("externalId", "EHR-1", "displayLabel", "C", "birthYear", 1990)),
                new Operation("alliance", "POST", "/api/v1/alliances",
                        () -> Map.of("clientId", therapist.createClient(), "startedOn", "2026-09-01", "therapistId", practitioner)),
                new Operation("session", "POST", "/api/v1/alliances/" + alliance + "/sessions",
                        () -> Journal.session("2026-09-10").with("note", "n").measures(Journal.srs(8.0))
                                .ruptures(Journal.rupture("CONFRONTATION", 3, List.of("t"), Journal.repair("CLARIFY_MISUNDERSTANDING", "RESOLVED")))),
                new Operation("rupture", "POST", "/api/v1/sessions/" + session + "/ruptures",
                        () -> Journal.rupture("WITHDRAWAL", 2, List.of("x"))),
                new Operation("measure", "POST", "/api/v1/sessions/" + session + "/measures", () -> Journal.ors(5.5)),
                new Operation("repair", "POST", "/api/v1/ruptures/" + rupture + "/repairs",
                        () -> Map.of("strategies", List.of("CLARIFY_MISUNDERSTANDING"), "outcome", "PARTIALLY_RESOLVED", "performedAt", "2026-09-05T10:00:00Z")),
                new Operation("alliance patch", "PATCH", "/api/v1/alliances/" + alliance, () -> Map.of("format", "GROUP", "participants", List.of("member-1", "member-2"))),
                new Operation("session patch", "PATCH", "/api/v1/sessions/" + session, () -> Map.of("note", "changed", "durationMinutes", 45)),
                new Operation("rupture patch", "PATCH", "/api/v1/ruptures/" + rupture, () -> Map.of("significance", 4)),
                new Operation("practitioner", "POST", "/api/v1/practitioners",
                        () -> Map.of("subject", "s-" + UUID.randomUUID(), "roles", List.of("therapist"))),
                new Operation("practitioner patch", "PATCH", "/api/v1/practitioners/" + practitioner, () -> Map.of("displayName", "D")),
                new Operation("settings", "PUT", "/api/v1/organization/settings", () -> Map.of("srsCutoff", 36, "srsItemFloor", 9,
                        "orsCutoff", 25, "orsReliableChange", 5, "repairWindowSessions", 3, "openRuptureLimitDays", 21)));

        List<String> failures = new ArrayList<>();
        int sent = 0;
        int sessionsCreated = 0;
        int rupturesCreated = 0;
        for (Operation operation : operations) {
            boolean administrative = operation.path().contains("practitioners") || operation.path().contains("settings");
            Practitioner caller = null;
            for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                // Fresh callers keep each one under the rate limit: an integration writes any alliance of its organization.
                if (i % 50 == 0) {
                    caller = therapist.colleague(administrative ? "admin" : "integration");
                }
                String body = hostileBody(JSON.valueToTree(operation.validBody().get()));
                RequestSpecification request = caller.request().body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                hostileHeaders(request);
                String path = operation.path() + hostileQuery();
                Response response = switch (operation.method()) {
                    case "PUT" -> request.put(path);
                    case "PATCH" -> request.patch(path);
                    default -> request.post(path);
                };
                sent++;
                int status = response.statusCode();
                String type = response.contentType();
                if (status >= 500) {
                    failures.add(operation.name() + " answered " + status + " to " + abbreviate(body));
                } else if (status >= 400 && !type.startsWith("application/problem+json")) {
                    failures.add(operation.name() + " answered " + status + " as " + type + " to " + abbreviate(body));
                } else if (status == 201 && operation.name().equals("session")) {
                    sessionsCreated++;
                    rupturesCreated += response.jsonPath().getList("ruptures").size();
                }
            }
        }
        assertTrue(sent >= 1500, "sent " + sent);
        assertEquals(List.of(), failures);
        // Refused sessions left no session, rupture, measure or repair of theirs behind.
        assertEquals(1 + 1 + sessionsCreated, count("select count(*) from session where alliance_id = ?::uuid", alliance));
        assertEquals(1 + rupturesCreated, count("select count(*) from rupture where alliance_id = ?::uuid and session_id <> ?::uuid",
                alliance, session));
    }

    /** A valid body, mutated one to three times. */
    private String hostileBody(JsonNode valid) {
        int kind = random.nextInt(12);
        if (kind == 0) {
            String text = valid.toString();
            return text.substring(0, random.nextInt(text.length()));
        }
        if (kind == 1) {
            return sample(Arbitraries.strings().ofMaxLength(200));
        }
        if (kind == 2) {
            return "[".repeat(2000) + "]".repeat(2000);
        }
        JsonNode body = valid.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            body = mutate(body);
        }
        return body.toString();
    }

    private JsonNode mutate(JsonNode node) {
        if (!(node instanceof ObjectNode object) || object.isEmpty()) {
            return hostileValue();
        }
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        switch (random.nextInt(5)) {
            case 0 -> object.remove(field);
            case 1 -> object.set(sample(Arbitraries.of("id", "version", "status", "organizationId", "therapistId", "total",
                    "x" + random.nextInt(100), "__proto__", "")), hostileValue());
            case 2 -> object.set(field, mutate(object.get(field)));
            default -> object.set(field, hostileValue());
        }
        return object;
    }

    private JsonNode hostileValue() {
        Arbitrary<JsonNode> values = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(300).map(NODES::textNode),
                Arbitraries.strings().withChars('\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '"', '\\').ofMaxLength(10).map(NODES::textNode),
                Arbitraries.strings().ofLength(200_001).map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(Double.MAX_VALUE, -0.0, 1e308, 4.9e-324).map(NODES::numberNode),
                Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(40), java.math.BigInteger.TEN.pow(60)).map(NODES::numberNode),
                Arbitraries.of("2026-13-45", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-09-01T25:00:00Z",
                        "P1D", "", " ", "null", "true", "'; drop table session; --", "${jndi:ldap://x}", "{{7*7}}",
                        UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000").map(NODES::textNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode()),
                Arbitraries.integers().between(0, 50).map(n -> {
                    ArrayNode array = NODES.arrayNode();
                    for (int i = 0; i < n; i++) {
                        array.add(i % 2 == 0 ? NODES.textNode("x") : NODES.objectNode());
                    }
                    return (JsonNode) array;
                }),
                // A fresh node each time: a shared one could be mutated into containing itself.
                Arbitraries.create(() -> NODES.objectNode().set("nested", NODES.objectNode().put("deeper", 1))));
        return sample(values);
    }

    private void hostileHeaders(RequestSpecification request) {
        if (random.nextInt(4) == 0) {
            request.header("If-Match", sample(Arbitraries.of("\"0\"", "*", "W/\"0\"", "\"-1\"", "\"99999999999999999999\"", "garbage",
                    "\"\"", "\"0\", \"1\"")));
        }
        if (random.nextInt(6) == 0) {
            request.header("Idempotency-Key", sample(Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(300)));
        }
        if (random.nextInt(8) == 0) {
            request.contentType(sample(Arbitraries.of("text/plain", "application/xml", "application/json; charset=latin1",
                    "application/merge-patch+json", "multipart/form-data; boundary=x")));
        }
        if (random.nextInt(8) == 0) {
            request.header("X-Request-Id", sample(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(100)));
        }
    }

    private String hostileQuery() {
        if (random.nextInt(5) != 0) {
            return "";
        }
        return "?" + sample(Arbitraries.of("page", "size", "from", "to", "status", "since", "limit", "externalId"))
                + "=" + java.net.URLEncoder.encode(sample(Arbitraries.strings().ofMaxLength(40)), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One value from jqwik, including its edge cases (outside a property, jqwik draws its own randomness). */
    private static <T> T sample(Arbitrary<T> arbitrary) {
        return arbitrary.sample();
    }

    private long count(String sql, String... parameters) throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
