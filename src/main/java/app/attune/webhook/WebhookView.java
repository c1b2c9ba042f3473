package app.attune.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook")
public record WebhookView(
        UUID id,
        @Schema(example = "https://ehr.example.org/hooks/attune") String url,
        @Schema(example = "[\"session.signed\"]") List<String> eventTypes,
        @Schema(nullable = true, description = "The signing secret: returned once, when the webhook is created; null in lists.",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret,
        OffsetDateTime createdAt) {

    static WebhookView of(Webhook w, boolean withSecret) {
        return new WebhookView(w.id, w.url, List.of(w.eventTypes), withSecret ? w.secret : null, w.createdAt);
    }
}
