package app.attune.journal;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Addendum")
public record AddendumView(UUID id, UUID authorId, OffsetDateTime writtenAt,
        @Schema(description = "ADDENDUM: a correction or late entry to the signed session; RETURN: the supervisor's comment "
                + "when it returned the session to DRAFT instead of co-signing it.", enumeration = {"ADDENDUM", "RETURN"},
                example = "ADDENDUM") String kind,
        String text) {

    static AddendumView of(SessionAddendum a) {
        return new AddendumView(a.id, a.authorId, a.writtenAt, a.kind, a.text);
    }
}
