package app.attune.alliance;

import app.attune.api.ClinicalTime;
import app.attune.api.MergePatch;
import app.attune.api.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields of an alliance a PATCH may change (JSON merge patch; null clears). */
@Schema(name = "AlliancePatch", description = "Fields to change (JSON merge patch). Closing: status CLOSED_PLANNED or "
        + "CLOSED_UNPLANNED, with endedOn (today when absent). Every open rupture then reads UNRESOLVED_AT_CLOSE.")
@MergePatch.ReadOnly({"id", "clientId", "therapistId", "version"})
public record AllianceChanges(
        @NotNull @Schema(example = "INDIVIDUAL") AllianceFormat format,
        @NotNull @Schema(example = "CLOSED_PLANNED") AllianceStatus status,
        @Size(max = Participants.MAX) @Schema(description = Participants.DESCRIPTION + " Replaced whole; a participant "
                + "whose measures are recorded cannot be removed.", example = "[\"partner-a\", \"partner-b\"]")
        List<@NotNull @Size(max = Participants.LABEL_MAX) @Pattern(regexp = Text.SLUG, message = Participants.LABEL_RULE) String> participants,
        @NotNull @ClinicalTime @Schema(example = "2026-09-01") LocalDate startedOn,
        @ClinicalTime @Schema(example = "2026-12-15") LocalDate endedOn,
        @Size(max = Text.EXTERNAL_ID_MAX) @Pattern(regexp = Text.TRIMMED, message = "must not start or end with blanks")
        @Schema(example = "EHR-EP-2291") String externalId) {

    static AllianceChanges of(Alliance a) {
        return new AllianceChanges(a.format, a.status, a.participantList(), a.startedOn, a.endedOn, a.externalId);
    }

    List<String> participantsOrNone() {
        return participants == null ? List.of() : participants;
    }

    /** The one mapping of these fields onto the entity, for a new alliance and for a change. */
    void applyTo(Alliance a) {
        a.format = format;
        a.nameParticipants(participantsOrNone());
        a.status = status;
        a.startedOn = startedOn;
        a.endedOn = endedOn;
        a.externalId = externalId;
    }

    AllianceChanges withEndedOn(LocalDate ended) {
        return new AllianceChanges(format, status, participants, startedOn, ended, externalId);
    }
}
