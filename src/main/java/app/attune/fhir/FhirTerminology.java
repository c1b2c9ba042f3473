package app.attune.fhir;

import app.attune.api.Coded;
import app.attune.journal.AllianceDimension;
import app.attune.journal.Instrument;
import app.attune.journal.InstrumentItem;
import app.attune.journal.RepairOutcome;
import app.attune.journal.RepairStrategy;
import app.attune.journal.RuptureMarker;
import app.attune.journal.RuptureStatus;
import app.attune.journal.RuptureType;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * The code systems and questionnaires the FHIR export refers to, published by the service:
 * the 3RS rupture markers, the alliance's rupture vocabulary, the repair vocabulary and the
 * instruments, and a questionnaire per instrument.
 */
final class FhirTerminology {

    static final String BASE = "https://attune.app/fhir/";
    static final String MARKERS = BASE + "CodeSystem/rupture-marker";
    static final String ALLIANCE = BASE + "CodeSystem/alliance";
    static final String REPAIR = BASE + "CodeSystem/repair";
    static final String INSTRUMENT = BASE + "CodeSystem/instrument";
    static final String VERSION = "1.0.0";

    /** The concepts of the alliance code system that name a rupture's parts. */
    static final Map<String, String> RUPTURE_PARTS = parts();

    private FhirTerminology() {
    }

    private static Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("rupture", "Alliance rupture (3RS)");
        parts.put("rupture-type", "Rupture type");
        parts.put("significance", "Significance of the rupture (1-5)");
        parts.put("dimension", "Alliance dimension ruptured");
        parts.put("therapist-contribution", "Therapist's contribution to the rupture (1-5)");
        parts.put("marker", "3RS rupture marker");
        parts.put("status", "Resolution status of the rupture");
        return parts;
    }

    /** The code systems by id, as served at /api/v1/fhir/CodeSystem/{id}. */
    static Map<String, CodeSystem> codeSystems() {
        Map<String, CodeSystem> systems = new LinkedHashMap<>();
        CodeSystem markers = codeSystem("rupture-marker", MARKERS, "RuptureMarkers",
                "Rupture markers of the Rupture Resolution Rating System (3RS; Eubanks, Muran and Safran)");
        for (RuptureMarker marker : RuptureMarker.values()) {
            concept(markers, marker).setDefinition(marker.label() + " (" + marker.reference() + ", a "
                    + marker.kind().name().toLowerCase(Locale.ROOT) + " marker)");
        }
        systems.put("rupture-marker", markers);

        CodeSystem alliance = codeSystem("alliance", ALLIANCE, "AllianceRuptures",
                "Alliance ruptures: their parts, types, dimensions and resolution statuses");
        RUPTURE_PARTS.forEach((code, display) -> alliance.addConcept().setCode(code).setDisplay(display));
        for (List<? extends Coded> family : List.of(List.of(RuptureType.values()), List.of(AllianceDimension.values()),
                List.of(RuptureStatus.values()))) {
            family.forEach(value -> concept(alliance, value));
        }
        systems.put("alliance", alliance);

        CodeSystem repair = codeSystem("repair", REPAIR, "RuptureRepairs", "Repair strategies (3RS resolution strategies) and outcomes");
        for (RepairStrategy strategy : RepairStrategy.values()) {
            concept(repair, strategy);
        }
        for (RepairOutcome outcome : RepairOutcome.values()) {
            concept(repair, outcome);
        }
        systems.put("repair", repair);

        CodeSystem instruments = codeSystem("instrument", INSTRUMENT, "AllianceInstruments",
                "Alliance and outcome instruments and their subscales");
        for (Instrument instrument : Instrument.values()) {
            concept(instruments, instrument);
            instrument.subscales().keySet().forEach(subscale -> instruments.addConcept()
                    .setCode(subscaleCode(instrument, subscale)).setDisplay(instrument.label() + ": " + subscale.toLowerCase(Locale.ROOT)));
        }
        systems.put("instrument", instruments);
        return systems;
    }

    /** A questionnaire per instrument, by id (srs, ors, wai-sr, psq-rupture). */
    static Map<String, Questionnaire> questionnaires() {
        Map<String, Questionnaire> questionnaires = new LinkedHashMap<>();
        for (Instrument instrument : Instrument.values()) {
            Questionnaire questionnaire = new Questionnaire();
            questionnaire.setId(questionnaireId(instrument));
            questionnaire.setUrl(questionnaireUrl(instrument));
            questionnaire.setVersion(VERSION);
            questionnaire.setName(instrument.name().replace("_", ""));
            questionnaire.setTitle(instrument.label());
            questionnaire.setStatus(PublicationStatus.ACTIVE);
            questionnaire.setDescription(instrument.label() + " (" + instrument.reference() + ")");
            questionnaire.addCode().setSystem(INSTRUMENT).setCode(instrument.name()).setDisplay(instrument.label());
            for (InstrumentItem item : instrument.items()) {
                questionnaire.addItem().setLinkId(item.code()).setText(item.label()).setType(answerType(item));
            }
            questionnaires.put(questionnaireId(instrument), questionnaire);
        }
        return questionnaires;
    }

    static String questionnaireId(Instrument instrument) {
        return instrument.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String questionnaireUrl(Instrument instrument) {
        return BASE + "Questionnaire/" + questionnaireId(instrument);
    }

    static String subscaleCode(Instrument instrument, String subscale) {
        return instrument.name() + "-" + subscale;
    }

    /** Visual-analogue items are answered with decimals, Likert items with whole numbers. */
    static Questionnaire.QuestionnaireItemType answerType(InstrumentItem item) {
        return item.step().compareTo(BigDecimal.ONE) == 0 ? Questionnaire.QuestionnaireItemType.INTEGER
                : Questionnaire.QuestionnaireItemType.DECIMAL;
    }

    private static CodeSystem codeSystem(String id, String url, String name, String title) {
        CodeSystem system = new CodeSystem();
        system.setId(id);
        system.setUrl(url);
        system.setVersion(VERSION);
        system.setName(name);
        system.setTitle(title);
        system.setStatus(PublicationStatus.ACTIVE);
        system.setPublisher("Attune");
        system.setCaseSensitive(true);
        system.setContent(CodeSystem.CodeSystemContentMode.COMPLETE);
        return system;
    }

    private static CodeSystem.ConceptDefinitionComponent concept(CodeSystem system, Coded value) {
        CodeSystem.ConceptDefinitionComponent concept = system.addConcept().setCode(value.name()).setDisplay(value.label());
        if (value.reference() != null) {
            concept.setDefinition(value.label() + " (" + value.reference() + ")");
        }
        return concept;
    }
}
