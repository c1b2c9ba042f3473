package app.attune.audit;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditVerification", description = "The result of checking every event of the organization's trail.")
public record AuditVerification(
        @Schema(description = "true when no event was altered, removed or reordered.") boolean intact,
        @Schema(description = "Events checked before the first failure, or all of them.") long eventsChecked,
        @Schema(nullable = true, description = "The first event that fails, null when intact.") Failure firstFailure,
        @Schema(nullable = true, description = "The seq of the kept checkpoint checked against; null when none was given.")
        Long checkpointSeq) {

    @Schema(name = "AuditFailure")
    public record Failure(
            long seq,
            @Schema(nullable = true, description = "Null when the newest events are missing (no event to name).") UUID eventId,
            String reason) {
    }
}
