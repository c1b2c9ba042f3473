package app.attune.report;

import app.attune.alliance.AllianceView;
import app.attune.alliance.Participants;
import app.attune.journal.Attendance;
import app.attune.journal.Reporter;
import app.attune.journal.RuptureStatus;
import app.attune.journal.RuptureType;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The report's API records: what a therapist, an EHR and a supervisor read. */
public final class ReportViews {

    private ReportViews() {
    }

    @Schema(name = "AllianceReport")
    public record AllianceReport(AllianceView alliance, List<SessionLine> sessions,
            @Schema(description = "The ruptures that surfaced in range, in the order their sessions happened.")
            List<RuptureLine> ruptures,
            Summary summary) {
    }

    @Schema(name = "ReportRupture", description = "A rupture of the report, as of the range's end.")
    public record RuptureLine(
            UUID id,
            @Schema(description = "Number of the session it surfaced in.", example = "3") int sessionNumber,
            OffsetDateTime surfacedAt,
            @Schema(example = "CONFRONTATION") RuptureType type,
            @Schema(example = "CLIENT") Reporter reportedBy,
            @Schema(description = "Its status as of the range's end.", example = "RESOLVED") RuptureStatus status,
            @Schema(nullable = true, description = "Sessions from it to the repair that resolved it; null while unresolved.",
                    example = "1") Integer sessionsToRepair,
            @Schema(nullable = true, description = "Days from its session to the repair that resolved it; null while "
                    + "unresolved.", example = "7.00") BigDecimal daysToRepair,
            @Schema(nullable = true, description = "SRS change from the last rated session before it surfaced to the first "
                    + "rated session after the repair that resolved it; null while unresolved or without a rated session on "
                    + "either side.", example = "2.5") BigDecimal repairGain) {
    }

    @Schema(name = "ReportSession", description = "One session of the report, in session order.")
    public record SessionLine(
            @Schema(example = "4") int number,
            OffsetDateTime occurredAt,
            @Schema(example = "ATTENDED") Attendance attendance,
            RuptureCounts ruptures,
            @Schema(nullable = true, description = "Highest significance of the session's ruptures; null without one.", example = "4")
            Integer maxSignificance,
            @Schema(description = "Repairs made in this session.", example = "1") long repairs,
            @Schema(nullable = true, description = "The client's SRS total; in an alliance with participants, the lowest "
                    + "participant's, which the flags follow. Null without one.", example = "34.5") BigDecimal srsTotal,
            @Schema(description = "Each participant's SRS total, by label; empty when the alliance names no participants.",
                    example = "{}", maxProperties = Participants.MAX) Map<String, BigDecimal> srsByParticipant,
            @Schema(nullable = true, description = "The client's ORS total; null without one.", example = "22.0") BigDecimal orsTotal,
            @Schema(nullable = true, description = "The client's WAI-SR total (the lowest participant's); null without one.",
                    example = "48.0") BigDecimal waiTotal,
            @Schema(nullable = true, description = "TASK, BOND and GOAL when a WAI-SR was given (the lowest participant's); "
                    + "null otherwise.")
            Map<String, BigDecimal> waiSubscales,
            @Schema(description = "Each participant's WAI-SR total, by label; empty when the alliance names no participants.",
                    example = "{}", maxProperties = Participants.MAX) Map<String, BigDecimal> waiByParticipant,
            @Schema(description = "SRS_BELOW_CUTOFF, SRS_DROP, SRS_ITEM_LOW, ORS_BELOW_CUTOFF, ORS_RELIABLE_IMPROVEMENT, "
                    + "ORS_RELIABLE_DETERIORATION",
                    example = "[\"SRS_BELOW_CUTOFF\", \"SRS_DROP\"]") List<String> flags) {
    }

    @Schema(name = "RuptureCounts")
    public record RuptureCounts(long total, long withdrawal, long confrontation, long mixed) {
    }

    @Schema(name = "Quartiles", description = "Median and interquartile range; each null when no rupture was resolved.")
    public record Quartiles(
            @Schema(nullable = true, example = "0.50") BigDecimal median,
            @Schema(nullable = true, example = "0.25") BigDecimal q1,
            @Schema(nullable = true, example = "0.75") BigDecimal q3) {
    }

    @Schema(name = "Discrepancy", description = "Sessions where the client's PSQ and the therapist's log disagree.")
    public record Discrepancy(
            @Schema(description = "The client reported a rupture (PSQ), the therapist logged none.") long clientOnly,
            @Schema(description = "The therapist logged a rupture, the client's PSQ reported none.") long therapistOnly,
            @Schema(description = "Only a supervisor or observer logged a rupture: neither the therapist nor the client "
                    + "(ruptures the therapist logged as the client's account count as neither).") long observedOnly) {
    }

    @Schema(name = "RepairGain", description = "For each resolved rupture, the SRS change from the last rated session "
            + "before it surfaced to the first rated session after the repair that resolved it: did the alliance deepen?")
    public record RepairGain(
            @Schema(description = "Resolved ruptures with a rated session on both sides.") long count,
            @Schema(nullable = true, description = "Median change in SRS points; null without any.") BigDecimal median,
            @Schema(nullable = true, description = "Share of them where the SRS rose; null without any.") BigDecimal shareRose) {
    }

    @Schema(name = "RupturesPerSession")
    public record RupturesPerSession(
            @Schema(nullable = true, description = "Null without attended sessions.") BigDecimal withdrawal,
            @Schema(nullable = true) BigDecimal confrontation,
            @Schema(nullable = true) BigDecimal mixed,
            @Schema(nullable = true) BigDecimal total) {
    }

    @Schema(name = "AtRisk")
    public record AtRisk(boolean flag,
            @Schema(description = "OPEN_RUPTURE_OVER_LIMIT, SRS_BELOW_CUTOFF_TWICE, FALLING_SRS_TREND, CLIENT_NO_SHOWS")
            List<String> reasons) {
    }

    @Schema(name = "ReportSummary")
    public record Summary(
            long sessionsAttended,
            @Schema(description = "Attended sessions with at least one rupture.") long sessionsWithRupture,
            @Schema(nullable = true, description = "sessionsWithRupture / sessionsAttended; null without attended sessions.")
            BigDecimal ruptureRate,
            RuptureCounts ruptures,
            long resolved,
            @Schema(nullable = true, description = "resolved / ruptures; null without ruptures.") BigDecimal resolutionRate,
            @Schema(nullable = true, description = "Share of the ruptures that surfaced in attended sessions resolved in "
                    + "that session; null without such ruptures.")
            BigDecimal sameSessionResolutionRate,
            @Schema(description = "Ruptures of sessions that did not take place (a missed appointment): they cannot be "
                    + "repaired in their session.") long rupturesOutsideAttendedSessions,
            @Schema(description = "Ruptures of attended sessions per attended session, by type.") RupturesPerSession rupturesPerSession,
            @Schema(description = "Sessions from a rupture to the repair that resolved it.") Quartiles sessionsToRepair,
            @Schema(description = "Days from a rupture's session to the repair that resolved it.") Quartiles daysToRepair,
            long openRuptures,
            @Schema(nullable = true, description = "Age in days of the oldest open rupture; null without one.") Long oldestOpenRuptureDays,
            long unresolvedAtClose,
            @Schema(description = "Repair strategy to the number of repair episodes that used it (an episode with two "
                    + "strategies counts once for each).") Map<String, Long> strategyMix,
            @Schema(nullable = true, description = "Share of repair episodes that used an exploratory strategy; null without "
                    + "repairs.") BigDecimal exploratoryShare,
            @Schema(description = "Tag to number of ruptures.") Map<String, Long> tagCounts,
            Discrepancy discrepancy,
            @Schema(nullable = true, description = "Least-squares slope of the SRS total per session over the last five rated "
                    + "sessions; null with fewer than two rated sessions.")
            BigDecimal srsTrend,
            @Schema(description = "SRS dips of at least srsDropPoints that got back to their earlier level within "
                    + "repairWindowSessions rated sessions of their lowest point.") long vShapedEpisodes,
            @Schema(description = "SRS dips of at least srsDropPoints that did not get back in time, or not yet.")
            long unrecoveredDips,
            RepairGain repairGain,
            @Schema(description = "Sessions signed for a pre-licensed therapist that await its supervisor's co-signature "
                    + "now, whatever the range.") Cosignature cosignature,
            AtRisk atRisk) {
    }

    @Schema(name = "CosignatureQueue")
    public record Cosignature(
            @Schema(description = "Sessions awaiting co-signature.", example = "1") long awaiting,
            @Schema(nullable = true, description = "Whole days since the oldest of them was signed; null without one.",
                    example = "3") Long oldestDays) {

        static final Cosignature NONE = new Cosignature(0, null);
    }

    @Schema(name = "CaseloadEntry")
    public record CaseloadEntry(AllianceView alliance, Summary summary) {
    }
}
