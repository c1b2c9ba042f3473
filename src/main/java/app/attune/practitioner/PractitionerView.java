package app.attune.practitioner;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Practitioner")
public record PractitionerView(
        UUID id,
        @Schema(example = "dr-okafor") String subject,
        @Schema(nullable = true, example = "Dr. A. Okafor") String displayName,
        @Schema(description = "The roles the organization grants; a token holds only those of them it also claims.",
                example = "[\"therapist\"]") List<String> roles,
        @Schema(nullable = true, description = "The practitioner's clinical supervisor, if it has one.") UUID supervisorId,
        @Schema(example = "true") boolean active,
        @Schema(description = "false for a pre-licensed practitioner, whose signed sessions await its supervisor's co-signature.",
                example = "true") boolean licensed,
        @Schema(example = "0") long version) {

    static PractitionerView of(Practitioner p) {
        return new PractitionerView(p.id, p.subject, p.displayName, List.of(p.roles), p.supervisorId, p.active, p.licensed, p.version);
    }
}
