package app.attune.practitioner;

import app.attune.api.MergePatch;
import app.attune.api.Text;
import app.attune.identity.Roles;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an admin may change of a practitioner (JSON merge patch; null clears an optional field). */
@Schema(name = "PractitionerPatch", description = "Fields to change (JSON merge patch). The subject never changes.")
@MergePatch.ReadOnly({"id", "subject", "version"})
public record PractitionerChanges(
        @Size(max = Text.LABEL_MAX) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(example = "Dr. A. Okafor") String displayName,
        @NotNull @Size(max = 4) @Schema(description = "May be empty: a practitioner without roles signs in to nothing.",
                example = "[\"therapist\", \"supervisor\"]")
        List<@NotNull @Size(max = 12) @Pattern(regexp = Roles.PATTERN, message = "must be therapist, supervisor, admin, integration or researcher")
                String> roles,
        UUID supervisorId,
        @NotNull @Schema(example = "false") Boolean active,
        @NotNull @Schema(description = "false for a pre-licensed therapist; sessions already signed keep what they await.",
                example = "true") Boolean licensed) {

    static PractitionerChanges of(Practitioner p) {
        return new PractitionerChanges(p.displayName, java.util.List.of(p.roles), p.supervisorId, p.active, p.licensed);
    }

    /** The one mapping of these fields onto the entity, for a registration and for a change. */
    void applyTo(Practitioner p) {
        p.displayName = displayName;
        p.roles = roles.stream().distinct().sorted().toArray(String[]::new);
        p.supervisorId = supervisorId;
        p.active = active;
        p.licensed = licensed;
    }
}
