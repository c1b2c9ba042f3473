package app.attune.audit;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditEvent", description = "One access to clinical data or one administrative change. Holds no clinical text.")
public record AuditEventView(
        UUID id,
        @Schema(description = "Place in the organization's hash chain, from 1.") long seq,
        OffsetDateTime occurredAt,
        @Schema(nullable = true, description = "The acting practitioner.") UUID actorId,
        @Schema(description = "The actor's effective roles, comma-separated.") String actorRoles,
        AuditAction action,
        AuditedType resourceType,
        @Schema(nullable = true, description = "The resource acted on; null for lists and caseloads.")
        UUID resourceId,
        @Schema(nullable = true, description = "The alliance the resource belongs to; null outside an alliance.") UUID allianceId,
        AuditOutcome outcome,
        String requestId,
        @Schema(nullable = true, description = "The address the request came from, when known.", example = "10.0.4.17")
        String clientAddress,
        @Schema(description = "HMAC-SHA-256, under the audit key keyId names, over the event's fields and the previous "
                + "event's hash (plain SHA-256 for an event written before audit keys).") String hash,
        @Schema(nullable = true, description = "The audit key the hash is keyed with; null for an event written before "
                + "audit keys.", example = "audit-2026") String keyId) {

    static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id, e.seq, e.occurredAt, e.actorId, e.actorRoles, e.action, e.resourceType,
                e.resourceId, e.allianceId, e.outcome, e.requestId, e.clientAddress, e.hash, e.keyId);
    }
}
