package app.attune.journal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Rupture")
public record RuptureView(
        UUID id,
        UUID sessionId,
        UUID allianceId,
        @Schema(example = "CONFRONTATION") RuptureType type,
        @Schema(example = "[\"COMPLAINT_ABOUT_PARAMETERS\"]") List<RuptureMarker> markers,
        @Schema(example = "[\"missed-session\"]") List<String> tags,
        @Schema(nullable = true, example = "BOND") AllianceDimension dimension,
        @Schema(example = "4") int significance,
        @Schema(nullable = true, example = "5") Integer therapistContribution,
        @Schema(example = "THERAPIST") Reporter reportedBy,
        @Schema(nullable = true, example = "12") Integer minuteInSession,
        @Schema(nullable = true, example = "Forgot the appointment; the client left an angry voicemail.") String description,
        @Schema(description = "Follows from the repairs and the alliance's closing.", example = "OPEN") RuptureStatus status,
        @Schema(description = "Every repair of this rupture, in the order they happened.") List<RepairView> repairs,
        @Schema(example = "0") long version) {

    static RuptureView of(Rupture r, List<RepairView> repairs) {
        return new RuptureView(r.id, r.sessionId, r.allianceId, r.type, markersOf(r), List.of(r.tags), r.dimension,
                r.significance, r.therapistContribution == null ? null : r.therapistContribution.intValue(),
                r.reportedBy, r.minuteInSession, r.description, r.status, repairs, r.version);
    }

    static List<RuptureMarker> markersOf(Rupture r) {
        return Arrays.stream(r.markers).map(RuptureMarker::valueOf).toList();
    }
}
