package app.attune.webhook;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewWebhook", description = "A receiver for change events, signed as the Standard Webhooks specification says.")
public record NewWebhook(
        @NotNull @Size(max = 2000) @Schema(required = true, example = "https://ehr.example.org/hooks/attune") String url,
        @NotNull @Size(min = 1, max = 20) @Schema(required = true, example = "[\"session.signed\", \"rupture.updated\"]")
        List<@NotNull @Size(max = 40) @Pattern(regexp = EventTypes.PATTERN, message = "must be an event type listed in the API description")
                String> eventTypes) {
}
