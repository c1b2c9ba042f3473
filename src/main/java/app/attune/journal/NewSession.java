package app.attune.journal;

import app.attune.api.ClinicalTime;
import app.attune.api.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewSession", description = "A session, optionally with its measures, ruptures (with same-session repairs) "
        + "and repairs of earlier ruptures, written atomically: all of it is stored, or none.")
public record NewSession(
        @NotNull @ClinicalTime @Schema(required = true, example = "2026-10-02T15:00:00Z") OffsetDateTime occurredAt,
        @Min(0) @Max(600) @Schema(example = "50") Integer durationMinutes,
        @Schema(example = "IN_PERSON") SessionMode mode,
        @NotNull @Schema(required = true, example = "ATTENDED") Attendance attendance,
        @Size(max = Text.NOTE_MAX) @Schema(description = "The progress note.", example = "Explored the missed appointment.") String note,
        @Size(max = Text.NOTE_MAX) @Schema(description = "Psychotherapy notes, readable by their author only; written by the "
                + "alliance's own therapist (403 for anyone else).") String privateNote,
        @Size(max = Text.EXTERNAL_ID_MAX) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(description = "The EHR's id for the encounter, unique in the organization.", example = "EHR-ENC-88120")
        String externalId,
        @Size(max = 20) List<@NotNull @Valid NewMeasure> measures,
        @Size(max = 50) List<@NotNull @Valid NewRupture> ruptures,
        @Size(max = 50) @Schema(description = "Repairs made in this session of earlier ruptures; each names its ruptureId.")
        List<@NotNull @Valid NewRepair> repairs) {

    List<NewMeasure> measuresOrNone() {
        return measures == null ? List.of() : measures;
    }

    List<NewRupture> rupturesOrNone() {
        return ruptures == null ? List.of() : ruptures;
    }

    List<NewRepair> repairsOrNone() {
        return repairs == null ? List.of() : repairs;
    }

    /** The new session's changeable fields. */
    SessionChanges changes() {
        return new SessionChanges(occurredAt, durationMinutes, mode, attendance, note, privateNote);
    }
}
