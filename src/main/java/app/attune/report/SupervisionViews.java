package app.attune.report;

import app.attune.report.ReportViews.Cosignature;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a supervisor reads across its supervisees: their figures, and the sessions to look at. */
public final class SupervisionViews {

    private SupervisionViews() {
    }

    @Schema(name = "SuperviseeFigures", description = "One supervisee's caseload over the range: its alliances that were "
            + "open at some time in it, with the report's definitions summed over them.")
    public record SuperviseeFigures(
            UUID superviseeId,
            @Schema(nullable = true, description = "The name it signs in with; null when its token carried none.",
                    example = "Alice Smith") String displayName,
            @Schema(description = "False for a pre-licensed practitioner, whose signed sessions await co-signature.")
            boolean licensed,
            @Schema(description = "Its alliances open at some time in the range.", example = "12") long alliances,
            @Schema(description = "Of those, the ones the report flags at risk as of the range's end.", example = "2")
            long alliancesAtRisk,
            @Schema(description = "Sessions in range, whatever their attendance.", example = "40") long sessions,
            @Schema(example = "36") long sessionsAttended,
            @Schema(nullable = true, description = "Attended sessions with at least one rupture / attended sessions; null "
                    + "without attended sessions.", example = "0.250") BigDecimal ruptureRate,
            @Schema(description = "Ruptures that surfaced in range.", example = "9") long ruptures,
            @Schema(description = "Of those, resolved by the range's end.", example = "7") long resolved,
            @Schema(nullable = true, description = "resolved / ruptures; null without ruptures.", example = "0.778")
            BigDecimal resolutionRate,
            @Schema(nullable = true, description = "Median sessions from a rupture to the repair that resolved it; null "
                    + "without a resolved rupture.", example = "1.00") BigDecimal medianSessionsToRepair,
            @Schema(nullable = true, description = "Median days from a rupture's session to the repair that resolved it; "
                    + "null without a resolved rupture.", example = "7.00") BigDecimal medianDaysToRepair,
            @Schema(description = "Ruptures of the range still open (or partly resolved) at its end.", example = "2")
            long openRuptures,
            @Schema(nullable = true, description = "Age in days of the oldest of them; null without one.", example = "23")
            Long oldestOpenRuptureDays,
            @Schema(nullable = true, description = "Mean SRS total of the rated sessions in range; null without one.",
                    example = "35.50") BigDecimal meanSrs,
            @Schema(nullable = true, description = "Share of the rated sessions whose SRS is below the organization's "
                    + "cutoff; null without one.", example = "0.200") BigDecimal shareBelowSrsCutoff,
            @Schema(description = "Its sessions awaiting co-signature now, whatever the range.") Cosignature cosignature) {
    }

    /** Why a session is in the review queue. */
    @Schema(name = "ReviewReason", description = "CLIENT_REPORTED_UNLOGGED: the client's PSQ reported a rupture and the "
            + "therapist logged none. SRS_DROP_UNLOGGED: the SRS dropped by at least srsDropPoints since the last rated "
            + "session and nobody logged a rupture. OPEN_RUPTURE_OVER_LIMIT: a rupture of the session is still open "
            + "after openRuptureLimitDays.")
    public enum ReviewReason {
        CLIENT_REPORTED_UNLOGGED, SRS_DROP_UNLOGGED, OPEN_RUPTURE_OVER_LIMIT
    }

    @Schema(name = "ReviewItem", description = "A session for the supervisor to look at, with ids and codes only.")
    public record ReviewItem(
            @Schema(example = "CLIENT_REPORTED_UNLOGGED") ReviewReason reason,
            UUID allianceId,
            UUID therapistId,
            UUID sessionId,
            @Schema(example = "3") int sessionNumber,
            OffsetDateTime occurredAt,
            @Schema(nullable = true, description = "The open rupture, for OPEN_RUPTURE_OVER_LIMIT; null otherwise.")
            UUID ruptureId,
            @Schema(nullable = true, description = "Whole days it has been open, for OPEN_RUPTURE_OVER_LIMIT; null "
                    + "otherwise.", example = "23") Long daysOpen) {
    }
}
