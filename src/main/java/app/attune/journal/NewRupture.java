package app.attune.journal;

import app.attune.api.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewRupture", description = "A rupture surfaced in a session. Markers must fit the type: withdrawal markers "
        + "for WITHDRAWAL, confrontation markers for CONFRONTATION, either for MIXED.")
public record NewRupture(
        @NotNull @Schema(required = true, example = "CONFRONTATION") RuptureType type,
        @Size(max = 14) @Schema(example = "[\"COMPLAINT_ABOUT_PARAMETERS\"]") List<@NotNull RuptureMarker> markers,
        @Size(max = 20) @Schema(description = "Lower-case slugs.", example = "[\"missed-session\"]")
        List<@NotNull @Size(max = 40) @Pattern(regexp = Text.SLUG, message = "must be a lower-case slug such as missed-session") String> tags,
        @Schema(example = "BOND") AllianceDimension dimension,
        @NotNull @Min(1) @Max(5) @Schema(required = true, description = "3RS significance, 1 to 5.", example = "4") Integer significance,
        @Min(1) @Max(5) @Schema(description = "3RS therapist contribution, 1 to 5.", example = "5") Integer therapistContribution,
        @Schema(description = "THERAPIST when absent.", example = "THERAPIST") Reporter reportedBy,
        @Min(0) @Max(600) @Schema(example = "0") Integer minuteInSession,
        @Size(max = Text.DESCRIPTION_MAX) @Schema(example = "I forgot our scheduled appointment; she waited 20 minutes.") String description,
        @Size(max = 20) @Schema(description = "Repairs made in the same session.") List<@NotNull @Valid NewRepair> repairs) {

    public boolean hasRepairs() {
        return repairs != null && !repairs.isEmpty();
    }

    /** The new rupture's changeable fields; the therapist reports it unless said otherwise. */
    RuptureChanges changes() {
        return new RuptureChanges(type, markers, tags, dimension, significance, therapistContribution,
                reportedBy == null ? Reporter.THERAPIST : reportedBy, minuteInSession, description);
    }
}
