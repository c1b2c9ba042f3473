package app.attune.alliance;

import app.attune.api.ClinicalTime;
import app.attune.api.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewAlliance", description = "An alliance to open between a therapist and a client.")
public record NewAlliance(
        @NotNull @Schema(required = true, example = "0b4ad3a4-5a7e-4a3d-9a57-1f0e2f8c6f21") UUID clientId,
        @Schema(description = "The therapist; the caller when absent. A therapist may only name itself.") UUID therapistId,
        @Schema(description = "INDIVIDUAL when absent.", example = "INDIVIDUAL") AllianceFormat format,
        @Size(max = Participants.MAX)
        @Schema(description = Participants.DESCRIPTION, example = "[]")
        List<@NotNull @Size(max = Participants.LABEL_MAX) @Pattern(regexp = Text.SLUG, message = Participants.LABEL_RULE) String> participants,
        @NotNull @ClinicalTime @Schema(required = true, example = "2026-09-01") LocalDate startedOn,
        @Size(max = Text.EXTERNAL_ID_MAX) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(description = "The EHR's id for this episode of care, unique in the organization.", example = "EHR-EP-2291") String externalId) {

    List<String> participantsOrNone() {
        return participants == null ? List.of() : participants;
    }
}
