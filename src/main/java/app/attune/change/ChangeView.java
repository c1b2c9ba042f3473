package app.attune.change;

import app.attune.audit.AuditedType;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Change", description = "One create, update, sign or close. Ids only: read the resource for its content.")
public record ChangeView(
        @Schema(description = "This change's cursor: pass it as `since` to read what follows.", example = "1042") String cursor,
        @Schema(example = "SESSION") AuditedType resourceType,
        UUID resourceId,
        @Schema(nullable = true, description = "Null for a change outside any alliance (a client).") UUID allianceId,
        @Schema(example = "SIGN") ChangeAction action,
        @Schema(description = "The webhook event type of the change.", example = "session.signed") String eventType,
        OffsetDateTime occurredAt) {

    static ChangeView of(ChangeEvent e) {
        return new ChangeView(Long.toString(e.position), e.resourceType, e.resourceId, e.allianceId, e.action,
                ChangeFeed.eventType(e.resourceType, e.action), e.occurredAt);
    }
}
