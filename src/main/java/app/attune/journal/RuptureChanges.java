package app.attune.journal;

import app.attune.api.MergePatch;
import app.attune.api.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields of a rupture a PATCH may change (JSON merge patch; null clears an optional one). */
@Schema(name = "RupturePatch", description = "Fields to change (JSON merge patch). Status follows from repairs and cannot be set.")
@MergePatch.ReadOnly({"id", "sessionId", "allianceId", "status", "repairs", "version"})
public record RuptureChanges(
        @NotNull @Schema(example = "MIXED") RuptureType type,
        @Size(max = 14) @Schema(description = "null clears them.", example = "[\"COMPLAINT_ABOUT_PARAMETERS\", \"MINIMAL_RESPONSE\"]")
        List<@NotNull RuptureMarker> markers,
        @Size(max = 20) @Schema(description = "null clears them.", example = "[\"missed-session\", \"scheduling\"]")
        List<@NotNull @Size(max = 40) @Pattern(regexp = Text.SLUG, message = "must be a lower-case slug such as missed-session") String> tags,
        AllianceDimension dimension,
        @NotNull @Min(1) @Max(5) @Schema(example = "3") Integer significance,
        @Min(1) @Max(5) Integer therapistContribution,
        @NotNull Reporter reportedBy,
        @Min(0) @Max(600) Integer minuteInSession,
        @Size(max = Text.DESCRIPTION_MAX) String description) {

    static RuptureChanges of(Rupture r) {
        return new RuptureChanges(r.type, RuptureView.markersOf(r), Arrays.asList(r.tags), r.dimension,
                (int) r.significance, r.therapistContribution == null ? null : r.therapistContribution.intValue(),
                r.reportedBy, r.minuteInSession, r.description);
    }

    /** The one mapping of these fields onto the entity, for a new rupture and for a change. */
    void applyTo(Rupture r) {
        r.type = type;
        r.markers = markers == null ? new String[0] : markers.stream().map(Enum::name).distinct().toArray(String[]::new);
        r.tags = tags == null ? new String[0] : new LinkedHashSet<>(tags).toArray(String[]::new);
        r.dimension = dimension;
        r.significance = significance.shortValue();
        r.therapistContribution = therapistContribution == null ? null : therapistContribution.shortValue();
        r.reportedBy = reportedBy;
        r.minuteInSession = minuteInSession;
        r.description = description;
    }
}
