package app.attune.journal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Repair")
public record RepairView(
        UUID id,
        UUID ruptureId,
        @Schema(nullable = true, description = "Null for a repair between sessions.") UUID sessionId,
        @Schema(description = "When the repair happened: the session's time, or the time given.", example = "2026-10-09T15:00:00Z")
        OffsetDateTime performedAt,
        @Schema(description = "The episode's 3RS strategies, the main one first.",
                example = "[\"ACKNOWLEDGE_OWN_CONTRIBUTION\", \"INVITE_DISCUSSION_OF_RUPTURE\"]") List<RepairStrategy> strategies,
        @Schema(example = "THERAPIST") Initiator initiatedBy,
        @Schema(example = "RESOLVED") RepairOutcome outcome,
        @Schema(nullable = true, example = "4") Integer resolutionRating,
        @Schema(nullable = true, description = "Always present when a strategy is OTHER.",
                example = "Named that I had missed our appointment and invited her to say how that landed.") String description) {

    public static RepairView of(Repair r) {
        return new RepairView(r.id, r.ruptureId, r.sessionId, r.performedAt, r.strategyList(), r.initiatedBy, r.outcome,
                r.resolutionRating == null ? null : r.resolutionRating.intValue(), r.description);
    }
}
