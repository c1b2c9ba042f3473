package app.attune.journal;

import static app.attune.support.Journal.ors;
import static app.attune.support.Journal.repair;
import static app.attune.support.Journal.repairOf;
import static app.attune.support.Journal.rupture;
import static app.attune.support.Journal.session;
import static app.attune.support.Journal.srs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Journal;
import app.attune.support.Practitioner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

/**
 * Recording a whole session is the write path under load: its statements must not grow with what
 * the session carries (rows of one table go in one batch), and its answer is built from what was
 * stored, so it must be exactly what a read returns.
 */
@QuarkusTest
class SessionWriteCostTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SessionFactory sessionFactory;

    private final Practitioner therapist = Practitioner.therapist();

    @Test
    void aWholeSessionCostsTheSameStatementsHoweverMuchItCarries() {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        therapist.postSession(alliance, session("2026-01-05").measures(srs(8))
                .ruptures(rupture("WITHDRAWAL", 2, List.of("a"), repair("CLARIFY_MISUNDERSTANDING", "RESOLVED")))).statusCode(201);

        long small = statements(alliance, session("2026-01-12").measures(srs(8))
                .ruptures(rupture("WITHDRAWAL", 2, List.of("a"), repair("CLARIFY_MISUNDERSTANDING", "RESOLVED"))));
        long large = statements(alliance, session("2026-01-19").measures(srs(7), ors(6))
                .ruptures(rupture("WITHDRAWAL", 2, List.of("a", "b"), repair("CLARIFY_MISUNDERSTANDING", "PARTIALLY_RESOLVED"),
                                repair("ACKNOWLEDGE_OWN_CONTRIBUTION", "RESOLVED")),
                        rupture("CONFRONTATION", 3, List.of(), repair("INVITE_DISCUSSION_OF_RUPTURE", "RESOLVED")),
                        rupture("CONFRONTATION", 4, List.of("c"), repair("CHANGE_TASKS_OR_GOALS", "UNRESOLVED")),
                        rupture("WITHDRAWAL", 1, List.of(), repair("VALIDATE_DEFENSIVE_POSTURE", "RESOLVED"),
                                repair("LINK_TO_PATTERNS_WITH_THERAPIST", "RESOLVED"))));
        assertTrue(small > 0, "the statements of a recorded session are counted");
        assertEquals(small, large, "statements for a session with 1 measure and 1 rupture vs 2 measures and 4 ruptures with 6 repairs");
    }

    @Test
    void theAnswerToARecordedSessionIsWhatAReadReturns() throws Exception {
        String alliance = therapist.createAlliance(therapist.createClient(), "2026-01-01");
        String earlier = therapist.postSession(alliance, session("2026-01-05")
                .ruptures(rupture("WITHDRAWAL", 2, List.of("a"), repair("CLARIFY_MISUNDERSTANDING", "PARTIALLY_RESOLVED"))))
                .statusCode(201).extract().path("ruptures[0].id");
        String answer = therapist.postSession(alliance, session("2026-01-12").measures(srs(8), ors(6))
                .ruptures(rupture("CONFRONTATION", 3, List.of("b", "c"), repair("INVITE_DISCUSSION_OF_RUPTURE", "RESOLVED"),
                                repair("ACKNOWLEDGE_OWN_CONTRIBUTION", "RESOLVED")),
                        rupture("WITHDRAWAL", 1, List.of()))
                .repairs(repairOf(earlier, "LINK_TO_PATTERNS_WITH_THERAPIST", "RESOLVED")))
                .statusCode(201).extract().asString();
        JsonNode recorded = JSON.readTree(answer);
        JsonNode read = JSON.readTree(therapist.request().get("/api/v1/sessions/{id}", recorded.get("id").asText())
                .then().statusCode(200).extract().asString());
        assertEquals(read, recorded);
        assertEquals(3, recorded.get("repairs").size(), "the two repairs of its own rupture and the one of the earlier rupture");
        assertEquals("RESOLVED", recorded.get("ruptures").get(0).get("status").asText());
        assertEquals("OPEN", recorded.get("ruptures").get(1).get("status").asText());
        assertEquals(0, recorded.get("ruptures").get(0).get("version").asInt(), "created resolved, not updated after");
    }

    private long statements(String alliance, Journal.SessionBody body) {
        long before = sessionFactory.getStatistics().getPrepareStatementCount();
        therapist.postSession(alliance, body).statusCode(201);
        return sessionFactory.getStatistics().getPrepareStatementCount() - before;
    }
}
