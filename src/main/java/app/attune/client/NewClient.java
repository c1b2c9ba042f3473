package app.attune.client;

import app.attune.api.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewClient", description = "A pseudonymous client: no names, no contact data.")
public record NewClient(
        @Size(max = Text.EXTERNAL_ID_MAX) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(description = "The EHR's id for the client, unique in the organization.", example = "EHR-PT-10442") String externalId,
        @Size(max = Text.LABEL_MAX) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(description = "A pseudonymous label the therapist recognises.", example = "Client R.") String displayLabel,
        @Min(1900) @Max(2100) @Schema(example = "1991") Integer birthYear) {
}
