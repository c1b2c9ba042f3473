package app.attune.vocabulary;

import app.attune.alliance.AllianceFormat;
import app.attune.alliance.AllianceStatus;
import app.attune.api.ApiExamples;
import app.attune.api.Coded;
import app.attune.journal.AllianceDimension;
import app.attune.journal.Attendance;
import app.attune.journal.Initiator;
import app.attune.journal.Instrument;
import app.attune.journal.MeasureTiming;
import app.attune.journal.RepairOutcome;
import app.attune.journal.RepairStrategy;
import app.attune.journal.Reporter;
import app.attune.journal.Respondent;
import app.attune.journal.RuptureMarker;
import app.attune.journal.RuptureStatus;
import app.attune.journal.RuptureType;
import app.attune.journal.SessionMode;
import app.attune.journal.SessionStatus;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Vocabulary")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class VocabularyResource {

    /** Built once: the vocabulary is the code's enumerations and never changes at run time. */
    private static final VocabularyView VOCABULARY = build();

    @GET
    @Path("/vocabulary")
    @Operation(operationId = "getVocabulary",
            summary = "Every enumeration with codes, labels and 3RS references; each instrument with its items and ranges",
            description = "Lists every code of every enumeration with its label and 3RS reference, each instrument with its "
                    + "items and ranges, and the ranges of the rupture ratings. It is built from the code's enumerations and "
                    + "never changes at run time.")
    @APIResponse(responseCode = "200", description = "The vocabulary",
            content = @Content(schema = @Schema(implementation = VocabularyView.class),
                    examples = @ExampleObject(name = "vocabulary", value = ApiExamples.VOCABULARY)))
    public VocabularyView get() {
        return VOCABULARY;
    }

    private static VocabularyView build() {
        Map<String, List<VocabularyView.Code>> enumerations = new LinkedHashMap<>();
        enumerations.put("allianceFormat", codes(AllianceFormat.values()));
        enumerations.put("allianceStatus", codes(AllianceStatus.values()));
        enumerations.put("sessionMode", codes(SessionMode.values()));
        enumerations.put("attendance", codes(Attendance.values()));
        enumerations.put("sessionStatus", codes(SessionStatus.values()));
        enumerations.put("ruptureType", codes(RuptureType.values()));
        enumerations.put("ruptureMarker", Arrays.stream(RuptureMarker.values()).map(m -> new VocabularyView.Code(
                m.name(), m.label(), m.reference(), null, m.kind().name())).toList());
        enumerations.put("ruptureStatus", codes(RuptureStatus.values()));
        enumerations.put("allianceDimension", codes(AllianceDimension.values()));
        enumerations.put("reporter", codes(Reporter.values()));
        enumerations.put("repairStrategy", Arrays.stream(RepairStrategy.values()).map(s -> new VocabularyView.Code(
                s.name(), s.label(), s.reference(), s.group(), null)).toList());
        enumerations.put("repairInitiator", codes(Initiator.values()));
        enumerations.put("repairOutcome", codes(RepairOutcome.values()));
        enumerations.put("instrument", codes(Instrument.values()));
        enumerations.put("respondent", codes(Respondent.values()));
        enumerations.put("measureTiming", codes(MeasureTiming.values()));
        List<VocabularyView.Instrument> instruments = Arrays.stream(Instrument.values()).map(i -> new VocabularyView.Instrument(
                i.name(), i.label(), i.reference(), i.respondents().stream().map(Enum::name).sorted().toList(),
                i.items().stream().map(item -> new VocabularyView.Item(item.code(), item.label(), item.min(), item.max(),
                        item.step())).toList(),
                i.minTotal() == null ? null : new VocabularyView.Range(i.minTotal(), i.maxTotal()),
                i.subscales())).toList();
        VocabularyView.Range oneToFive = new VocabularyView.Range(BigDecimal.ONE, BigDecimal.valueOf(5));
        Map<String, VocabularyView.Range> ratings = new LinkedHashMap<>();
        ratings.put("significance", oneToFive);
        ratings.put("therapistContribution", oneToFive);
        ratings.put("resolutionRating", oneToFive);
        return new VocabularyView(enumerations, instruments, ratings);
    }

    private static List<VocabularyView.Code> codes(Coded[] values) {
        return Arrays.stream(values).map(c -> new VocabularyView.Code(c.name(), c.label(), c.reference(), null, null)).toList();
    }
}
