package app.attune.journal;

import app.attune.api.ClinicalTime;
import app.attune.api.MergePatch;
import app.attune.api.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields of a draft session a PATCH may change (JSON merge patch; null clears an optional one). */
@Schema(name = "SessionPatch", description = "Fields of a DRAFT session to change (JSON merge patch). A signed session is "
        + "locked: write an addendum instead.")
@MergePatch.ReadOnly({"id", "allianceId", "externalId", "number", "status", "signedAt", "awaitingCosign", "cosignedBy",
        "cosignedAt", "addenda", "measures", "ruptures", "repairs", "version"})
public record SessionChanges(
        @NotNull @ClinicalTime @Schema(example = "2026-10-02T15:00:00Z") OffsetDateTime occurredAt,
        @Min(0) @Max(600) @Schema(example = "50") Integer durationMinutes,
        @Schema(example = "VIDEO") SessionMode mode,
        @NotNull @Schema(example = "ATTENDED") Attendance attendance,
        @Size(max = Text.NOTE_MAX) @Schema(example = "Explored the missed appointment; she felt forgotten.") String note,
        @Size(max = Text.NOTE_MAX) @Schema(description = "Psychotherapy notes; only the alliance's own therapist sets them.")
        String privateNote) {

    /** The session's current fields; its private note only for the one who may read it. */
    static SessionChanges of(TherapySession s, boolean withPrivateNote) {
        return new SessionChanges(s.occurredAt, s.durationMinutes, s.mode, s.attendance, s.note,
                withPrivateNote ? s.privateNote : null);
    }

    /**
     * The one mapping of the session's shared fields onto the entity, for a new session and for a
     * change; the private note is written apart, by the one who may.
     */
    void applyTo(TherapySession s) {
        s.occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        s.durationMinutes = durationMinutes;
        s.mode = mode;
        s.attendance = attendance;
        s.note = note;
    }
}
