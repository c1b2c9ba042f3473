package app.attune.vocabulary;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import app.attune.support.Practitioner;
import io.quarkus.test.junit.QuarkusTest;
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
}
