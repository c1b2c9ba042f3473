package app.attune.journal;

import app.attune.api.ClinicalTime;
import app.attune.api.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewRepair", description = "A repair of a rupture. POST /ruptures/{id}/repairs takes sessionId (the same or a "
        + "later session of the alliance) or performedAt (between sessions). Inside a rupture of a posted session both are "
        + "implied. In a posted session's `repairs` list, ruptureId names an earlier rupture repaired in that session.")
public record NewRepair(
        @Schema(description = "Only in a posted session's repairs list: the rupture repaired.") UUID ruptureId,
        @Schema(description = "The session in which the repair happened.") UUID sessionId,
        @ClinicalTime @Schema(description = "When a repair happened between sessions.", example = "2026-10-09T16:30:00Z")
        OffsetDateTime performedAt,
        @NotNull @Size(min = 1, max = 4)
        @Schema(required = true, description = "The 3RS strategies of this one repair episode, the main one first, each once.",
                example = "[\"ACKNOWLEDGE_OWN_CONTRIBUTION\", \"INVITE_DISCUSSION_OF_RUPTURE\"]")
        List<@NotNull RepairStrategy> strategies,
        @Schema(description = "THERAPIST when absent.", example = "THERAPIST") Initiator initiatedBy,
        @NotNull @Schema(required = true, example = "RESOLVED") RepairOutcome outcome,
        @Min(1) @Max(5) @Schema(description = "3RS resolution rating, 1 to 5.", example = "4") Integer resolutionRating,
        @Size(max = Text.DESCRIPTION_MAX) @Schema(description = "Required when a strategy is OTHER.",
                example = "Named that I had missed our appointment and invited her to say how that landed.") String description) {
}
