package app.attune.organization;

import app.attune.api.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewOrganization", description = "An organization to serve, with the subject of its first admin.")
public record NewOrganization(
        @NotNull @Size(min = 1, max = 255) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(required = true, description = "The value its tokens carry in their org claim; unique.", example = "northside-clinic")
        String key,
        @NotNull @Size(min = 1, max = 200) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(required = true, example = "Northside Counselling") String displayName,
        @NotNull @Size(min = 1, max = 255) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(required = true, description = "The sub claim of its first admin's tokens; that admin grants every "
                + "other admin and integration role.", example = "it-lead@northside")
        String firstAdminSubject) {

    /** The new organization's changeable fields: it starts served, not suspended. */
    OrganizationChanges changes() {
        return new OrganizationChanges(displayName, false);
    }
}
