package app.attune.journal;

import app.attune.alliance.Participants;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Measure")
public record MeasureView(
        UUID id,
        UUID sessionId,
        @Schema(example = "SRS") Instrument instrument,
        @Schema(example = "CLIENT") Respondent respondent,
        @Schema(nullable = true, description = "The alliance's participant whose measure it is; null when none is named.",
                example = "partner-a") @Size(max = Participants.LABEL_MAX) String participant,
        @Schema(example = "POST_SESSION") MeasureTiming timing,
        @Schema(example = "{\"APPROACH\": 9.0, \"GOALS_AND_TOPICS\": 8.7, \"OVERALL\": 8.8, \"RELATIONSHIP\": 9.1}")
        Map<String, BigDecimal> items,
        @Schema(nullable = true, description = "Sum of the items; null for PSQ_RUPTURE.", example = "35.6") BigDecimal total,
        @Schema(description = "WAI_SR: TASK, BOND and GOAL sums; empty for the other instruments.", example = "{}")
        Map<String, BigDecimal> subscales) {

    public static MeasureView of(Measure m) {
        Map<String, BigDecimal> items = new java.util.TreeMap<>(m.items);
        return new MeasureView(m.id, m.sessionId, m.instrument, m.respondent, m.participant, m.timing, items, m.total,
                m.instrument.subscaleTotals(items));
    }
}
