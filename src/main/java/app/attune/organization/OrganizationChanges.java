package app.attune.organization;

import app.attune.api.MergePatch;
import app.attune.api.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields of an organization the operator may change (JSON merge patch). */
@Schema(name = "OrganizationPatch", description = "Fields to change (JSON merge patch). A suspended organization's "
        + "tokens are refused with 403 (unknown-organization) until it is resumed; nothing of it is deleted.")
@MergePatch.ReadOnly({"id", "key", "createdAt", "version"})
public record OrganizationChanges(
        @NotNull @Size(min = 1, max = 200) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(example = "Northside Counselling") String displayName,
        @NotNull @Schema(example = "true") Boolean suspended) {

    static OrganizationChanges of(Organization o) {
        return new OrganizationChanges(o.displayName, o.suspended);
    }

    /** The one mapping of these fields onto the entity, for provisioning and for a change. */
    void applyTo(Organization o) {
        o.displayName = displayName;
        o.suspended = suspended;
    }
}
