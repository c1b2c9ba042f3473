package app.attune.journal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Session")
public record SessionView(
        UUID id,
        UUID allianceId,
        @Schema(nullable = true, description = "The EHR's id for the encounter.", example = "EHR-ENC-88120") String externalId,
        @Schema(description = "1, 2, 3… per alliance, in the order sessions were recorded.", example = "3") int number,
        @Schema(example = "2026-10-02T15:00:00Z") OffsetDateTime occurredAt,
        @Schema(nullable = true, example = "50") Integer durationMinutes,
        @Schema(nullable = true, example = "IN_PERSON") SessionMode mode,
        @Schema(example = "ATTENDED") Attendance attendance,
        @Schema(nullable = true, description = "The progress note.") String note,
        @Schema(nullable = true, description = "Psychotherapy notes: null except for the practitioner who wrote them; never "
                + "shown to supervisors, integrations or admins, never exported or reported.") String privateNote,
        @Schema(example = "DRAFT") SessionStatus status,
        @Schema(nullable = true, description = "Null while the session is a DRAFT.", example = "2026-10-02T18:12:40Z")
        OffsetDateTime signedAt,
        @Schema(description = "true while a session signed for a pre-licensed therapist waits for its supervisor to co-sign "
                + "or return it.", example = "false") boolean awaitingCosign,
        @Schema(nullable = true, description = "The supervisor who co-signed the session.") UUID cosignedBy,
        @Schema(nullable = true, example = "2026-10-03T10:05:00Z") OffsetDateTime cosignedAt,
        List<AddendumView> addenda,
        List<MeasureView> measures,
        @Schema(description = "Ruptures that surfaced in this session, each with all its repairs.") List<RuptureView> ruptures,
        @Schema(description = "Repairs made in this session, of ruptures from this or earlier sessions.") List<RepairView> repairs,
        @Schema(example = "0") long version) {
}
