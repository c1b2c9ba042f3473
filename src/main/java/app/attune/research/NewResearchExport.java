package app.attune.research;

import app.attune.api.ClinicalTime;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewResearchExport", description = "A de-identified export of the organization's sessions from one day to "
        + "another (both inclusive, in the organization's time zone).")
public record NewResearchExport(
        @NotNull @ClinicalTime @Schema(required = true, example = "2026-01-01") LocalDate from,
        @NotNull @ClinicalTime @Schema(required = true, example = "2026-06-30") LocalDate to,
        @Schema(description = "Only alliances that have ended; false when absent.", example = "false") Boolean endedOnly) {
}
