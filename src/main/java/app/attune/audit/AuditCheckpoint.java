package app.attune.audit;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuditCheckpoint", description = "The head of an organization's audit trail at a moment, signed by the "
        + "service. Keep it outside Attune (an admin's records, a SIEM, a ticket); given back to verify, it shows whether the "
        + "history up to it is still the one it saw.")
public record AuditCheckpoint(
        @NotNull UUID organizationId,
        @NotNull @PositiveOrZero @Schema(description = "The newest event's place in the chain; 0 when there is none yet.")
        Long seq,
        @NotNull @Pattern(regexp = "^[0-9a-f]{64}$") @Schema(description = "That event's hash.") String hash,
        @NotNull @Schema(description = "When the service read the head.") OffsetDateTime issuedAt,
        @NotNull @Size(min = 1, max = 64) @Schema(description = "The id of the audit key that signed the checkpoint.")
        String keyId,
        @NotNull @Pattern(regexp = "^[0-9a-f]{64}$")
        @Schema(description = "HMAC-SHA-256 over the fields above under that key, in hexadecimal.") String signature) {
}
