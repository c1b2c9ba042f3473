package app.attune.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Journal;
import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the service writes to its log (the test profile also writes it to target/attune-test.log):
 * a request id on every line about a request, never a note's text or a client's identifiers.
 */
@QuarkusTest
class LogHygieneTest {

    private static final Path LOG = Path.of("target", "attune-test.log");

    @Test
    void requestLinesCarryTheRequestIdAndNoClinicalText() throws IOException, InterruptedException {
        Practitioner therapist = Practitioner.therapist();
        String secret = "LOGSECRET" + UUID.randomUUID().toString().replace("-", "");
        String requestId = "logcheck-" + UUID.randomUUID();
        String client = therapist.request().header("X-Request-Id", requestId)
                .body(Map.of("externalId", "EHR-" + secret, "displayLabel", "Client " + secret))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        String alliance = therapist.createAlliance(client, "2026-09-01");
        therapist.request().header("X-Request-Id", requestId).body(Journal.session("2026-09-03")
                .with("note", "Note " + secret).with("privateNote", "Private " + secret))
                .post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(201);
        therapist.request().header("X-Request-Id", requestId).queryParam("externalId", "EHR-" + secret)
                .get("/api/v1/clients").then().statusCode(200);
        // An identifier typed into a path is starred out; refusals and failures are logged too.
        therapist.request().header("X-Request-Id", requestId).get("/api/v1/clients/EHR-" + secret).then().statusCode(404);
        therapist.request().header("X-Request-Id", requestId).body("{\"note\": \"" + secret)
                .post("/api/v1/alliances/{id}/sessions", alliance).then().statusCode(400);

        List<String> lines = linesMentioning(requestId);
        assertTrue(lines.size() >= 5, "expected a line per request, found " + lines);
        List<String> all = Files.readAllLines(LOG);
        assertFalse(all.stream().anyMatch(line -> line.contains(secret)), "the log holds clinical text or a client id");
        List<String> requestLinesWithoutId = all.stream().filter(line -> line.contains("[app.at.request]"))
                .filter(line -> line.contains("[] ")).toList();
        assertTrue(requestLinesWithoutId.isEmpty(), "request lines without a request id: " + requestLinesWithoutId);
    }

    /** The access log line is written as the response ends; give it a moment to reach the file. */
    private static List<String> linesMentioning(String requestId) throws IOException, InterruptedException {
        List<String> lines = List.of();
        for (int attempt = 0; attempt < 50 && lines.size() < 5; attempt++) {
            lines = Files.readAllLines(LOG).stream().filter(line -> line.contains(requestId)).toList();
            if (lines.size() < 5) {
                Thread.sleep(100);
            }
        }
        return lines;
    }
}
