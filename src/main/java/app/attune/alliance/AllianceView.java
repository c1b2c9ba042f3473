package app.attune.alliance;

import java.time.LocalDate;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Alliance")
public record AllianceView(
        UUID id,
        UUID clientId,
        UUID therapistId,
        @Schema(example = "INDIVIDUAL") AllianceFormat format,
        @Schema(example = "ACTIVE") AllianceStatus status,
        @Schema(description = "Labels of a couple's, family's or group's participants, in label order; empty for an "
                + "individual alliance.", example = "[]")
        @Size(max = Participants.MAX) List<@Size(max = Participants.LABEL_MAX) String> participants,
        @Schema(example = "2026-09-01") LocalDate startedOn,
        @Schema(nullable = true, description = "Set only while the alliance is closed.", example = "2026-12-15")
        LocalDate endedOn,
        @Schema(nullable = true, example = "EHR-EP-2291") String externalId,
        @Schema(example = "0") long version) {

    public static AllianceView of(Alliance a) {
        return new AllianceView(a.id, a.clientId, a.therapistId, a.format, a.status, a.participantList(), a.startedOn, a.endedOn,
                a.externalId, a.version);
    }
}
