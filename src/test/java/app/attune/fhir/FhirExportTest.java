package app.attune.fhir;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Journal;
import app.attune.support.Practitioner;
import app.attune.support.Supervision;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;

/**
 * Every bundle the tests export is validated with HAPI's FhirInstanceValidator against the base
 * R4 definitions, with the service's own code systems and questionnaires (as it serves them)
 * loaded: zero errors.
 */
@QuarkusTest
class FhirExportTest {

    private static final String PRIVATE = "Private: I felt defensive when she named the missed session";
    private static final List<String> CODE_SYSTEMS = List.of("rupture-marker", "alliance", "repair", "instrument");
    private static final List<String> QUESTIONNAIRES = List.of("srs", "ors", "wai-sr", "psq-rupture");
    private static FhirValidator validator;

    @Inject
    Supervision supervision;

    private final Practitioner therapist = Practitioner.therapist();
    private final String clientExternalId = "EHR-PT-" + UUID.randomUUID();

    @Test
    void aWholeAllianceExportsAsAValidBundleForEveryReader() {
        String alliance = richAlliance();
        for (Practitioner reader : List.of(therapist, supervisorOfTherapist(), therapist.colleague("integration"))) {
            String bundle = reader.request().accept("application/fhir+json").get("/api/v1/alliances/{id}/fhir", alliance)
                    .then().statusCode(200).contentType("application/fhir+json").extract().asString();
            assertValid(bundle);
            assertFalse(bundle.contains("defensive"), "a private note left the service");
            Map<String, Long> kinds = JsonPath.from(bundle).<String>getList("entry.resource.resourceType").stream()
                    .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
            assertEquals(Map.of("Patient", 1L, "Practitioner", 1L, "EpisodeOfCare", 1L, "Encounter", 3L,
                    "QuestionnaireResponse", 4L, "Observation", 6L, "Procedure", 2L, "DocumentReference", 2L), kinds);
            JsonPath json = JsonPath.from(bundle);
            assertEquals(clientExternalId, json.getString("entry.find { it.resource.resourceType == 'Patient' }.resource.identifier[0].value"));
            assertNull(json.get("entry.find { it.resource.resourceType == 'Patient' }.resource.name"));
            String ruptureUrl = json.getString("entry.find { it.resource.resourceType == 'Observation' "
                    + "&& it.resource.code.coding[0].code == 'rupture' }.fullUrl");
            assertTrue(json.<String>getList("entry.findAll { it.resource.resourceType == 'Procedure' }.resource.reasonReference[0].reference")
                    .contains(ruptureUrl));
            // One repair episode with two strategies: one Procedure, a coding for each, the main one first.
            assertTrue(json.<List<String>>getList("entry.findAll { it.resource.resourceType == 'Procedure' }.resource.code.coding.code")
                    .contains(List.of("INVITE_DISCUSSION_OF_RUPTURE", "ACKNOWLEDGE_OWN_CONTRIBUTION")));
        }
    }

    @Test
    void anEmptyAllianceExportsAsAValidBundle() {
        assertValid(therapist.request().get("/api/v1/alliances/{id}/fhir", therapist.createAlliance()).then().statusCode(200)
                .extract().asString());
    }

    @Test
    void theCodeSystemsAndQuestionnairesItRefersToAreServedAndValid() {
        for (String id : CODE_SYSTEMS) {
            assertValid(therapist.request().get("/api/v1/fhir/CodeSystem/{id}", id).then().statusCode(200)
                    .body("url", equalTo("https://attune.app/fhir/CodeSystem/" + id)).extract().asString());
        }
        for (String id : QUESTIONNAIRES) {
            assertValid(therapist.request().get("/api/v1/fhir/Questionnaire/{id}", id).then().statusCode(200).extract().asString());
        }
        therapist.request().get("/api/v1/fhir/CodeSystem/{id}", "loinc").then().statusCode(404);
    }

    @Test
    void outsidersGetNothing() {
        String alliance = therapist.createAlliance();
        therapist.colleague("therapist").request().get("/api/v1/alliances/{id}/fhir", alliance).then().statusCode(404);
        therapist.colleague("admin").request().get("/api/v1/alliances/{id}/fhir", alliance).then().statusCode(403);
        therapist.request().get("/api/v1/alliances/{id}/fhir", UUID.randomUUID()).then().statusCode(404);
    }

    /** Three sessions with every kind of record: measures of each instrument, ruptures, repairs, notes, an addendum. */
    private String richAlliance() {
        String client = therapist.request().body(Map.of("externalId", clientExternalId, "birthYear", 1991))
                .post("/api/v1/clients").then().statusCode(201).extract().path("id");
        String alliance = therapist.request().body(Map.of("clientId", client, "startedOn", "2026-09-01", "externalId",
                "EHR-EP-" + UUID.randomUUID())).post("/api/v1/alliances").then().statusCode(201).extract().path("id");
        Map<String, Object> wai = new java.util.HashMap<>(Journal.wai(4, 5, 3));
        wai.put("respondent", "THERAPIST");
        Map<String, Object> rupture = new java.util.HashMap<>(Journal.rupture("CONFRONTATION", 4, List.of("fees"),
                Journal.repair("ACKNOWLEDGE_OWN_CONTRIBUTION", "PARTIALLY_RESOLVED")));
        rupture.put("markers", List.of("COMPLAINT_ABOUT_PARAMETERS"));
        rupture.put("dimension", "TASK");
        rupture.put("therapistContribution", 3);
        rupture.put("minuteInSession", 20);
        rupture.put("description", "She said the fee change felt sudden");
        String first = therapist.postSession(alliance, Journal.session("2026-09-03").with("mode", "VIDEO")
                .with("externalId", "EHR-ENC-" + UUID.randomUUID())
                .with("note", "Discussed the fee change.").with("privateNote", PRIVATE)
                .measures(Journal.srs(7.5), Journal.ors(6.2), wai, Journal.psq(true)).ruptures(rupture))
                .statusCode(201).extract().path("id");
        String ruptureId = therapist.request().get("/api/v1/sessions/{id}", first).then().extract().path("ruptures[0].id");
        therapist.postSession(alliance, Journal.session("2026-09-10").attendance("CLIENT_NO_SHOW")
                .ruptures(Journal.rupture("WITHDRAWAL", 2, List.of()))).statusCode(201);
        therapist.request().body(Map.of("strategies", List.of("INVITE_DISCUSSION_OF_RUPTURE", "ACKNOWLEDGE_OWN_CONTRIBUTION"),
                "outcome", "RESOLVED", "performedAt", "2026-09-12T10:00:00Z")).post("/api/v1/ruptures/{id}/repairs", ruptureId).then().statusCode(201);
        String third = therapist.postSession(alliance, Journal.session("2026-09-17").with("note", "Back on track."))
                .statusCode(201).extract().path("id");
        therapist.request().header("If-Match", "\"0\"").post("/api/v1/sessions/{id}/sign", third).then().statusCode(200);
        therapist.request().body(Map.of("text", "Correction: 55 minutes.")).post("/api/v1/sessions/{id}/addenda", third)
                .then().statusCode(201);
        therapist.request().header("If-Match", "\"0\"").body(Map.of("status", "CLOSED_UNPLANNED"))
                .patch("/api/v1/alliances/{id}", alliance).then().statusCode(200);
        return alliance;
    }

    private Practitioner supervisorOfTherapist() {
        Practitioner supervisor = therapist.colleague("supervisor");
        supervision.link(supervisor, therapist);
        return supervisor;
    }

    private void assertValid(String resource) {
        List<SingleValidationMessage> errors = validator().validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
        assertEquals(List.of(), errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage()).toList());
    }

    /** The base R4 definitions, common terminologies, and what the service publishes. */
    private FhirValidator validator() {
        if (validator == null) {
            FhirContext fhir = FhirContext.forR4Cached();
            PrePopulatedValidationSupport published = new PrePopulatedValidationSupport(fhir);
            var parser = fhir.newJsonParser();
            for (String id : CODE_SYSTEMS) {
                published.addCodeSystem(parser.parseResource(CodeSystem.class,
                        therapist.request().get("/api/v1/fhir/CodeSystem/{id}", id).asString()));
            }
            for (String id : QUESTIONNAIRES) {
                published.addResource(parser.parseResource(Questionnaire.class,
                        therapist.request().get("/api/v1/fhir/Questionnaire/{id}", id).asString()));
            }
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                    new CommonCodeSystemsTerminologyService(fhir), new InMemoryTerminologyServerValidationSupport(fhir),
                    new SnapshotGeneratingValidationSupport(fhir), published);
            validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
        }
        return validator;
    }
}
