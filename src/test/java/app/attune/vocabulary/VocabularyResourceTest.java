package app.attune.vocabulary;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VocabularyResourceTest {

    @Test
    void offersEveryCodeWithLabelsAnd3rsReferences() {
        Practitioner.therapist().request().get("/api/v1/vocabulary").then().statusCode(200)
                .body("enumerations.ruptureType.code", contains("WITHDRAWAL", "CONFRONTATION", "MIXED"))
                .body("enumerations.ruptureMarker", hasSize(14))
                .body("enumerations.ruptureMarker.find { it.code == 'COMPLAINT_ABOUT_PARAMETERS' }.reference", equalTo("3RS C4"))
                .body("enumerations.ruptureMarker.find { it.code == 'COMPLAINT_ABOUT_PARAMETERS' }.type", equalTo("CONFRONTATION"))
                .body("enumerations.ruptureMarker.find { it.code == 'DENIAL' }.reference", equalTo("3RS W1"))
                .body("enumerations.repairStrategy", hasSize(11))
                .body("enumerations.repairStrategy.find { it.code == 'ACKNOWLEDGE_OWN_CONTRIBUTION' }.group", equalTo("exploratory"))
                .body("enumerations.repairStrategy.find { it.code == 'CLARIFY_MISUNDERSTANDING' }.group", equalTo("immediate"))
                .body("enumerations.attendance.code", hasItems("THERAPIST_NO_SHOW", "CLIENT_NO_SHOW"))
                .body("enumerations.ruptureStatus.code", contains("OPEN", "PARTIALLY_RESOLVED", "RESOLVED", "UNRESOLVED_AT_CLOSE"))
                .body("enumerations.allianceDimension.code", contains("BOND", "TASK", "GOAL"))
                .body("ratings.significance.min", equalTo(1)).body("ratings.significance.max", equalTo(5));
    }

    @Test
    void describesEachInstrumentsItemsRangesAndSubscales() {
        Practitioner.therapist().request().get("/api/v1/vocabulary").then().statusCode(200)
                .body("instruments.code", contains("SRS", "ORS", "WAI_SR", "PSQ_RUPTURE"))
                .body("instruments[0].items.code", contains("RELATIONSHIP", "GOALS_AND_TOPICS", "APPROACH", "OVERALL"))
                .body("instruments[0].items[0].max", equalTo(10)).body("instruments[0].items[0].step", equalTo(0.1f))
                .body("instruments[0].total.max", equalTo(40))
                .body("instruments[2].items", hasSize(12))
                .body("instruments[2].total.min", equalTo(12)).body("instruments[2].total.max", equalTo(60))
                .body("instruments[2].subscales.TASK", contains("1", "2", "10", "12"))
                .body("instruments[2].subscales.BOND", contains("3", "5", "7", "9"))
                .body("instruments[2].subscales.GOAL", contains("4", "6", "8", "11"))
                .body("instruments[3].total", equalTo(null));
    }

    /** DESIGN.md's tables, as the domain's source: every marker's 3RS reference and type, every strategy's group. */
    private static final Map<String, String> MARKERS = Map.ofEntries(
            Map.entry("DENIAL", "W1"), Map.entry("MINIMAL_RESPONSE", "W2"), Map.entry("ABSTRACT_COMMUNICATION", "W3"),
            Map.entry("AVOIDANT_STORYTELLING_OR_TOPIC_SHIFT", "W4"), Map.entry("DEFERENTIAL_OR_APPEASING", "W5"),
            Map.entry("CONTENT_AFFECT_SPLIT", "W6"), Map.entry("SELF_CRITICISM_OR_HOPELESSNESS", "W7"),
            Map.entry("COMPLAINT_ABOUT_THERAPIST", "C1"), Map.entry("REJECTS_INTERVENTION", "C2"),
            Map.entry("COMPLAINT_ABOUT_ACTIVITIES", "C3"), Map.entry("COMPLAINT_ABOUT_PARAMETERS", "C4"),
            Map.entry("COMPLAINT_ABOUT_PROGRESS", "C5"), Map.entry("DEFENDS_SELF_AGAINST_THERAPIST", "C6"),
            Map.entry("CONTROLS_OR_PRESSURES_THERAPIST", "C7"));
    private static final Map<String, String> STRATEGIES = Map.ofEntries(
            Map.entry("CLARIFY_MISUNDERSTANDING", "immediate"), Map.entry("CHANGE_TASKS_OR_GOALS", "immediate"),
            Map.entry("PROVIDE_RATIONALE", "immediate"), Map.entry("REDIRECT_OR_REFOCUS", "immediate"),
            Map.entry("INVITE_DISCUSSION_OF_RUPTURE", "exploratory"), Map.entry("ACKNOWLEDGE_OWN_CONTRIBUTION", "exploratory"),
            Map.entry("DISCLOSE_OWN_EXPERIENCE", "exploratory"), Map.entry("LINK_TO_PATTERNS_WITH_THERAPIST", "exploratory"),
            Map.entry("LINK_TO_PATTERNS_IN_OTHER_RELATIONSHIPS", "exploratory"),
            Map.entry("VALIDATE_DEFENSIVE_POSTURE", "exploratory"));

    @Test
    void everyMarkerAndStrategyIsAsTheDesignNotesDefineIt() {
        var vocabulary = Practitioner.therapist().request().get("/api/v1/vocabulary").then().statusCode(200).extract().jsonPath();
        List<Map<String, String>> markers = vocabulary.getList("enumerations.ruptureMarker");
        assertEquals(MARKERS.size(), markers.size());
        for (Map<String, String> marker : markers) {
            String code = marker.get("code");
            assertEquals("3RS " + MARKERS.get(code), marker.get("reference"), code);
            assertEquals(MARKERS.get(code).startsWith("W") ? "WITHDRAWAL" : "CONFRONTATION", marker.get("type"), code);
        }
        List<Map<String, String>> strategies = vocabulary.getList("enumerations.repairStrategy");
        Set<String> labels = new HashSet<>();
        for (Map<String, String> strategy : strategies) {
            String code = strategy.get("code");
            assertEquals(code.equals("OTHER") ? null : STRATEGIES.get(code), strategy.get("group"), code);
            assertTrue(labels.add(strategy.get("label")), "two strategies share the label " + strategy.get("label"));
        }
        assertEquals(STRATEGIES.size() + 1, strategies.size());
        // The 3RS immediate strategy: the therapist redirects or refocuses the client (it was once labelled as another).
        assertEquals("Redirect or refocus the client", strategies.stream()
                .filter(s -> s.get("code").equals("REDIRECT_OR_REFOCUS")).findFirst().orElseThrow().get("label"));
    }
}
