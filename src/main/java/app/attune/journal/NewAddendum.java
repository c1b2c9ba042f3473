package app.attune.journal;

import app.attune.api.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewAddendum", description = "A correction or late entry to a signed session.")
public record NewAddendum(
        @NotBlank @Size(max = Text.DESCRIPTION_MAX)
        @Schema(required = true, example = "Correction: the session ended at minute 45, not 50.") String text) {
}
