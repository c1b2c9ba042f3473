package app.attune.client;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Client")
public record ClientView(
        UUID id,
        @Schema(nullable = true, example = "EHR-PT-10442") String externalId,
        @Schema(nullable = true, example = "Client R.") String displayLabel,
        @Schema(nullable = true, example = "1991") Integer birthYear) {

    static ClientView of(Client c) {
        return new ClientView(c.id, c.externalId, c.displayLabel, c.birthYear);
    }
}
