package app.attune.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event sent to a webhook, with every attempt.")
public record DeliveryView(
        @Schema(description = "Sent as webhook-id; the same on every retry.") UUID id,
        @Schema(example = "session.signed") String eventType,
        @Schema(description = "The change's cursor in the change feed.", example = "1041") String cursor,
        @Schema(example = "DELIVERED") String status,
        OffsetDateTime createdAt,
        OffsetDateTime nextAttemptAt,
        @Schema(nullable = true, description = "Null until a delivery succeeds.") OffsetDateTime deliveredAt,
        List<Attempt> attempts) {

    @Schema(name = "WebhookAttempt")
    public record Attempt(int attempt, OffsetDateTime attemptedAt,
            @Schema(nullable = true, description = "The receiver's HTTP status; null when it could not be reached.")
            Integer responseStatus,
            @Schema(nullable = true, description = "Why the attempt failed without an answer; null when the receiver answered.",
                    example = "could not connect") String error,
            int durationMs) {
    }
}
