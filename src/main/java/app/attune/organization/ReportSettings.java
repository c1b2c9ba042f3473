package app.attune.organization;

import app.attune.api.Text;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An organization's settings: its report thresholds and time zone (PUT replaces them all). */
@Schema(name = "OrganizationSettings")
public record ReportSettings(
        @NotNull @DecimalMin("0") @DecimalMax("40") @Digits(integer = 2, fraction = 1)
        @Schema(description = "SRS total below which an alliance needs attention.", example = "36") BigDecimal srsCutoff,
        @NotNull @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 1)
        @Schema(description = "SRS item score below which a check-in is due.", example = "9") BigDecimal srsItemFloor,
        @NotNull @DecimalMin("0") @DecimalMax("40") @Digits(integer = 2, fraction = 1)
        @Schema(description = "ORS clinical cutoff.", example = "25") BigDecimal orsCutoff,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("40") @Digits(integer = 2, fraction = 1)
        @Schema(description = "ORS change from the first score that counts as reliable.", example = "5") BigDecimal orsReliableChange,
        @NotNull @Min(1) @Max(20)
        @Schema(description = "Rated sessions within which a dip must recover to count as V-shaped.", example = "3")
        Integer repairWindowSessions,
        @NotNull @Min(1) @Max(365)
        @Schema(description = "Days after which an open rupture puts its alliance at risk.", example = "21")
        Integer openRuptureLimitDays,
        @DecimalMin("0.1") @DecimalMax("10") @Digits(integer = 2, fraction = 1)
        @Schema(description = "SRS points a score must fall to count as a drop (SRS_DROP, a V-shaped dip); 1.0 when absent.",
                example = "1.0") BigDecimal srsDropPoints,
        @Size(min = 1, max = 64) @Pattern(regexp = "^[A-Za-z0-9_+/-]+$", message = "must be an IANA time zone name")
        @Schema(description = "The organization's time zone (IANA name), for every date of its reports; UTC when absent.",
                example = "Europe/Berlin") String timeZone,
        @Size(max = 200)
        @Schema(description = "Rupture tags a research export keeps (free tags can identify a person); every other tag is "
                + "exported as \"other\". Empty when absent.", example = "[\"missed-session\"]")
        List<@NotNull @Size(max = 40) @Pattern(regexp = Text.SLUG, message = "must be a lower-case slug such as missed-session")
                String> researchTags,
        @Schema(description = "Whether a research export keeps the year of each alliance's first session; false when "
                + "absent.", example = "false") Boolean researchKeepsYear,
        @Schema(description = "Read-only: the version, also sent as ETag.", example = "0", readOnly = true) Long version) {

    static ReportSettings of(OrganizationSettings s) {
        return new ReportSettings(s.srsCutoff.stripTrailingZeros(), s.srsItemFloor.stripTrailingZeros(),
                s.orsCutoff.stripTrailingZeros(), s.orsReliableChange.stripTrailingZeros(), s.repairWindowSessions,
                s.openRuptureLimitDays, s.srsDropPoints.stripTrailingZeros(), s.timeZone, List.of(s.researchTags),
                s.researchKeepsYear, s.version);
    }
}
