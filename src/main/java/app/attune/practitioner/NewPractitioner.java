package app.attune.practitioner;

import app.attune.api.Text;
import app.attune.identity.Roles;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewPractitioner", description = "A practitioner or EHR service account, known by its token's subject.")
public record NewPractitioner(
        @NotNull @Size(min = 1, max = 255) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(required = true, description = "The `sub` claim of its tokens.", example = "dr-okafor") String subject,
        @Size(max = Text.LABEL_MAX) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(example = "Dr. A. Okafor") String displayName,
        @NotNull @Size(min = 1, max = 4) @Schema(required = true, example = "[\"therapist\"]")
        List<@NotNull @Size(max = 12) @Pattern(regexp = Roles.PATTERN, message = "must be therapist, supervisor, admin, integration or researcher")
                String> roles,
        @Schema(description = "The practitioner's clinical supervisor: an active practitioner with the supervisor role.")
        UUID supervisorId,
        @Schema(description = "true when absent. An inactive practitioner keeps its record but holds no role.") Boolean active,
        @Schema(description = "true when absent. false for a pre-licensed therapist: the sessions it signs await its "
                + "supervisor's co-signature.") Boolean licensed) {

    /** The registration's changeable fields, with their defaults: active and licensed unless said otherwise. */
    PractitionerChanges changes() {
        return new PractitionerChanges(displayName, roles, supervisorId, active == null || active,
                licensed == null || licensed);
    }
}
