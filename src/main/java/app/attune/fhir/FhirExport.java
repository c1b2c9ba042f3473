package app.attune.fhir;

import app.attune.alliance.Alliance;
import app.attune.alliance.AllianceService;
import app.attune.alliance.AllianceStatus;
import app.attune.api.Coded;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.client.Client;
import app.attune.journal.Attendance;
import app.attune.journal.Instrument;
import app.attune.journal.InstrumentItem;
import app.attune.journal.Measure;
import app.attune.journal.Repair;
import app.attune.journal.Respondent;
import app.attune.journal.Rupture;
import app.attune.journal.SessionAddendum;
import app.attune.journal.SessionMode;
import app.attune.journal.SessionStatus;
import app.attune.journal.TherapySession;
import app.attune.practitioner.Practitioner;
import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * An alliance as a FHIR R4 collection Bundle, built with HAPI FHIR's model: the pseudonymous
 * client as Patient, the therapist as Practitioner, the alliance as EpisodeOfCare, each session
 * as Encounter, each measure as QuestionnaireResponse with a survey Observation derived from it,
 * each rupture as Observation, each repair as Procedure, and each progress note as
 * DocumentReference. Private notes are never part of it.
 */
@ApplicationScoped
public class FhirExport {

    private static final String CLIENT_IDS = FhirTerminology.BASE + "NamingSystem/client-external-id";
    /** This service's own client ids, for clients without an EHR id: never to be taken for the EHR's. */
    private static final String ATTUNE_CLIENT_IDS = FhirTerminology.BASE + "NamingSystem/client-id";
    private static final String EPISODE_IDS = FhirTerminology.BASE + "NamingSystem/alliance-external-id";
    private static final String ENCOUNTER_IDS = FhirTerminology.BASE + "NamingSystem/session-external-id";
    private static final String PRACTITIONER_IDS = FhirTerminology.BASE + "NamingSystem/practitioner-id";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    private static final String LOINC = "http://loinc.org";
    private static final String UCUM = "http://unitsofmeasure.org";

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final AllianceService alliances;
    private final AuditTrail audit;

    private final Map<String, String> codeSystems = new HashMap<>();
    private final Map<String, String> questionnaires = new HashMap<>();

    FhirExport(AllianceService alliances, AuditTrail audit) {
        this.alliances = alliances;
        this.audit = audit;
        FhirTerminology.codeSystems().forEach((id, system) -> codeSystems.put(id, fhir.newJsonParser().encodeResourceToString(system)));
        FhirTerminology.questionnaires().forEach((id, questionnaire) ->
                questionnaires.put(id, fhir.newJsonParser().encodeResourceToString(questionnaire)));
    }

    /** The alliance's bundle as FHIR JSON; 404 as everywhere for an alliance the caller may not see. */
    @Transactional
    public String allianceBundle(UUID allianceId) {
        Alliance alliance = alliances.visible(allianceId);
        String json = fhir.newJsonParser().encodeResourceToString(bundle(alliance));
        audit.done(AuditAction.EXPORT, AuditedType.ALLIANCE, alliance.id, alliance.id);
        return json;
    }

    /** A published code system as FHIR JSON, or null; they never change while the service runs. */
    public String codeSystem(String id) {
        return codeSystems.get(id);
    }

    /** A published questionnaire as FHIR JSON, or null. */
    public String questionnaire(String id) {
        return questionnaires.get(id);
    }

    private Bundle bundle(Alliance alliance) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        Map<UUID, String> refs = new HashMap<>();

        Client client = Client.<Client>find("id = ?1 and organizationId = ?2", alliance.clientId, alliance.organizationId).singleResult();
        Patient patient = new Patient();
        if (client.externalId != null) {
            patient.addIdentifier().setSystem(CLIENT_IDS).setValue(client.externalId);
        } else {
            patient.addIdentifier().setSystem(ATTUNE_CLIENT_IDS).setValue(client.id.toString());
        }
        if (client.birthYear != null) {
            patient.setBirthDateElement(new DateType(Integer.toString(client.birthYear)));
        }
        Reference patientRef = add(bundle, patient, client.id, refs);

        Practitioner therapist = Practitioner.<Practitioner>find("id = ?1 and organizationId = ?2", alliance.therapistId,
                alliance.organizationId).singleResult();
        org.hl7.fhir.r4.model.Practitioner practitioner = new org.hl7.fhir.r4.model.Practitioner();
        practitioner.addIdentifier().setSystem(PRACTITIONER_IDS).setValue(therapist.id.toString());
        if (therapist.displayName != null) {
            practitioner.addName().setText(therapist.displayName);
        }
        Reference therapistRef = add(bundle, practitioner, therapist.id, refs);

        EpisodeOfCare episode = new EpisodeOfCare();
        if (alliance.externalId != null) {
            episode.addIdentifier().setSystem(EPISODE_IDS).setValue(alliance.externalId);
        }
        episode.setStatus(switch (alliance.status) {
            case ACTIVE -> EpisodeOfCare.EpisodeOfCareStatus.ACTIVE;
            case ON_HOLD -> EpisodeOfCare.EpisodeOfCareStatus.ONHOLD;
            case CLOSED_PLANNED, CLOSED_UNPLANNED -> EpisodeOfCare.EpisodeOfCareStatus.FINISHED;
        });
        episode.setPatient(patientRef).setCareManager(therapistRef);
        Period period = new Period().setStartElement(new DateTimeType(alliance.startedOn.toString()));
        if (alliance.endedOn != null) {
            period.setEndElement(new DateTimeType(alliance.endedOn.toString()));
        }
        episode.setPeriod(period);
        if (alliance.status == AllianceStatus.CLOSED_UNPLANNED) {
            episode.addType().setText("Closed unplanned (dropout)");
        }
        Reference episodeRef = add(bundle, episode, alliance.id, refs);

        List<TherapySession> sessions = TherapySession.list("allianceId = ?1 and organizationId = ?2 order by occurredAt, number",
                alliance.id, alliance.organizationId);
        Map<UUID, TherapySession> sessionsById = new HashMap<>();
        for (TherapySession session : sessions) {
            sessionsById.put(session.id, session);
            add(bundle, encounter(session, patientRef, therapistRef, episodeRef), session.id, refs);
        }
        for (Measure measure : Measure.<Measure>list("allianceId = ?1 and organizationId = ?2 order by createdAt, id", alliance.id,
                alliance.organizationId)) {
            addMeasure(bundle, measure, sessionsById.get(measure.sessionId), patientRef, therapistRef, refs);
        }
        for (Rupture rupture : Rupture.<Rupture>list("allianceId = ?1 and organizationId = ?2 order by createdAt, id", alliance.id,
                alliance.organizationId)) {
            add(bundle, rupture(rupture, sessionsById.get(rupture.sessionId), patientRef, refs), rupture.id, refs);
        }
        for (Repair repair : Repair.<Repair>list("allianceId = ?1 and organizationId = ?2 order by performedAt, id", alliance.id,
                alliance.organizationId)) {
            add(bundle, repair(repair, patientRef, therapistRef, refs), repair.id, refs);
        }
        Map<UUID, List<SessionAddendum>> addenda = new HashMap<>();
        if (!sessions.isEmpty()) {
            for (SessionAddendum addendum : SessionAddendum.<SessionAddendum>list(
                    "sessionId in ?1 and organizationId = ?2 order by writtenAt, id",
                    sessions.stream().map(s -> s.id).toList(), alliance.organizationId)) {
                addenda.computeIfAbsent(addendum.sessionId, k -> new java.util.ArrayList<>()).add(addendum);
            }
        }
        for (TherapySession session : sessions) {
            if (session.note != null && !session.note.isBlank()) {
                bundle.addEntry().setFullUrl("urn:uuid:" + derived("DocumentReference", session.id))
                        .setResource(progressNote(session, addenda.getOrDefault(session.id, List.of()), patientRef, therapistRef, refs));
            }
        }
        return bundle;
    }

    private static Encounter encounter(TherapySession session, Reference patient, Reference therapist, Reference episode) {
        Encounter encounter = new Encounter();
        if (session.externalId != null) {
            encounter.addIdentifier().setSystem(ENCOUNTER_IDS).setValue(session.externalId);
        }
        encounter.setStatus(session.attendance == Attendance.ATTENDED ? Encounter.EncounterStatus.FINISHED
                : Encounter.EncounterStatus.CANCELLED);
        boolean remote = session.mode == SessionMode.VIDEO || session.mode == SessionMode.PHONE;
        encounter.setClass_(new Coding(ACT_CODE, remote ? "VR" : "AMB", remote ? "virtual" : "ambulatory"));
        encounter.addType().setText("Psychotherapy session " + session.number);
        encounter.setSubject(patient).addEpisodeOfCare(episode).addParticipant().setIndividual(therapist);
        Period period = new Period().setStartElement(time(session.occurredAt));
        if (session.durationMinutes != null) {
            period.setEndElement(time(session.occurredAt.plusMinutes(session.durationMinutes)));
        }
        encounter.setPeriod(period);
        if (session.attendance != Attendance.ATTENDED) {
            encounter.addReasonCode().setText(session.attendance.label());
        }
        return encounter;
    }

    private void addMeasure(Bundle bundle, Measure measure, TherapySession session, Reference patient, Reference therapist,
            Map<UUID, String> refs) {
        Instrument instrument = measure.instrument;
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setQuestionnaire(FhirTerminology.questionnaireUrl(instrument));
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(patient).setEncounter(reference(refs, session.id)).setAuthoredElement(time(measure.createdAt));
        if (measure.respondent == Respondent.CLIENT) {
            response.setSource(patient);
        } else if (measure.respondent == Respondent.THERAPIST) {
            response.setSource(therapist);
        }
        for (InstrumentItem item : instrument.items()) {
            BigDecimal score = measure.items.get(item.code());
            if (score == null) {
                continue;
            }
            var answer = response.addItem().setLinkId(item.code()).setText(item.label()).addAnswer();
            if (FhirTerminology.answerType(item) == Questionnaire.QuestionnaireItemType.INTEGER) {
                answer.setValue(new IntegerType(score.intValueExact()));
            } else {
                answer.setValue(new DecimalType(score));
            }
        }
        // Derived ids, the same in every export, so that a consumer importing twice finds the same resources.
        Reference responseRef = add(bundle, response, derived("QuestionnaireResponse", measure.id), refs);

        Observation score = new Observation();
        score.setStatus(Observation.ObservationStatus.FINAL);
        score.addCategory(concept(CATEGORY, "survey", "Survey"));
        score.setCode(concept(FhirTerminology.INSTRUMENT, instrument.name(), instrument.label()));
        score.setSubject(patient).setEncounter(reference(refs, session.id)).setEffective(time(session.occurredAt));
        if (measure.total != null) {
            score.setValue(new Quantity().setValue(measure.total).setSystem(UCUM).setCode("{score}").setUnit("score"));
        }
        Map<String, BigDecimal> subscales = new java.util.TreeMap<>();
        if (measure.task != null) {
            subscales.put("TASK", measure.task);
            subscales.put("BOND", measure.bond);
            subscales.put("GOAL", measure.goal);
        }
        subscales.forEach((name, value) -> score.addComponent()
                .setCode(concept(FhirTerminology.INSTRUMENT, FhirTerminology.subscaleCode(instrument, name), null))
                .setValue(new Quantity().setValue(value).setSystem(UCUM).setCode("{score}").setUnit("score")));
        score.addDerivedFrom(responseRef);
        add(bundle, score, derived("Observation", measure.id), refs);
    }

    private static Observation rupture(Rupture rupture, TherapySession session, Reference patient, Map<UUID, String> refs) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(concept(FhirTerminology.ALLIANCE, "rupture", FhirTerminology.RUPTURE_PARTS.get("rupture")));
        observation.setSubject(patient).setEncounter(reference(refs, session.id));
        OffsetDateTime when = rupture.minuteInSession == null ? session.occurredAt
                : session.occurredAt.plusMinutes(rupture.minuteInSession);
        observation.setEffective(time(when));
        part(observation, "rupture-type").setValue(concept(FhirTerminology.ALLIANCE, rupture.type));
        part(observation, "significance").setValue(new IntegerType(rupture.significance));
        if (rupture.dimension != null) {
            part(observation, "dimension").setValue(concept(FhirTerminology.ALLIANCE, rupture.dimension));
        }
        if (rupture.therapistContribution != null) {
            part(observation, "therapist-contribution").setValue(new IntegerType(rupture.therapistContribution));
        }
        for (String marker : rupture.markers) {
            part(observation, "marker").setValue(concept(FhirTerminology.MARKERS,
                    app.attune.journal.RuptureMarker.valueOf(marker)));
        }
        part(observation, "status").setValue(concept(FhirTerminology.ALLIANCE, rupture.status));
        if (rupture.description != null && !rupture.description.isBlank()) {
            observation.addNote(new Annotation().setText(rupture.description));
        }
        return observation;
    }

    private static Procedure repair(Repair repair, Reference patient, Reference therapist, Map<UUID, String> refs) {
        Procedure procedure = new Procedure();
        procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
        // One episode, several strategies: one coding each, the main one first.
        CodeableConcept strategies = new CodeableConcept();
        repair.strategyList().forEach(s -> strategies.addCoding(new Coding(FhirTerminology.REPAIR, s.name(), s.label())));
        procedure.setCode(strategies);
        procedure.setSubject(patient);
        if (repair.sessionId != null) {
            procedure.setEncounter(reference(refs, repair.sessionId));
        }
        procedure.setPerformed(time(repair.performedAt));
        procedure.addPerformer().setActor(therapist);
        procedure.addReasonReference(reference(refs, repair.ruptureId));
        procedure.setOutcome(concept(FhirTerminology.REPAIR, repair.outcome));
        if (repair.description != null && !repair.description.isBlank()) {
            procedure.addNote(new Annotation().setText(repair.description));
        }
        return procedure;
    }

    private static DocumentReference progressNote(TherapySession session, List<SessionAddendum> addenda, Reference patient,
            Reference therapist, Map<UUID, String> refs) {
        DocumentReference note = new DocumentReference();
        note.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        // Awaiting its supervisor's co-signature, a pre-licensed therapist's signed note is not final yet.
        note.setDocStatus(session.status == SessionStatus.SIGNED && !session.awaitingCosign
                ? DocumentReference.ReferredDocumentStatus.FINAL : DocumentReference.ReferredDocumentStatus.PRELIMINARY);
        if (session.cosignedBy != null) {
            note.setAuthenticator(new Reference().setIdentifier(new org.hl7.fhir.r4.model.Identifier()
                    .setSystem(PRACTITIONER_IDS).setValue(session.cosignedBy.toString())).setDisplay("co-signing supervisor"));
        }
        note.setType(concept(LOINC, "11506-3", "Progress note"));
        note.setSubject(patient).addAuthor(therapist);
        note.setDate(Date.from((session.signedAt != null ? session.signedAt : session.updatedAt).toInstant()));
        note.addContent().setAttachment(text("Progress note", session.note));
        for (SessionAddendum addendum : addenda) {
            note.addContent().setAttachment(text("Addendum " + addendum.writtenAt, addendum.text));
        }
        note.getContext().addEncounter(reference(refs, session.id));
        return note;
    }

    private static Attachment text(String title, String text) {
        return new Attachment().setContentType("text/plain; charset=utf-8").setTitle(title)
                .setData(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Observation.ObservationComponentComponent part(Observation observation, String part) {
        return observation.addComponent().setCode(concept(FhirTerminology.ALLIANCE, part, FhirTerminology.RUPTURE_PARTS.get(part)));
    }

    private static CodeableConcept concept(String system, Coded value) {
        return concept(system, value.name(), value.label());
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }

    private static DateTimeType time(OffsetDateTime time) {
        return new DateTimeType(Date.from(time.toInstant()), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    private static UUID derived(String kind, UUID from) {
        return UUID.nameUUIDFromBytes((kind + "/" + from).getBytes(StandardCharsets.UTF_8));
    }

    private static Reference add(Bundle bundle, Resource resource, UUID id, Map<UUID, String> refs) {
        String fullUrl = "urn:uuid:" + id;
        refs.put(id, fullUrl);
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        return new Reference(fullUrl);
    }

    private static Reference reference(Map<UUID, String> refs, UUID id) {
        return new Reference(refs.get(id));
    }
}
