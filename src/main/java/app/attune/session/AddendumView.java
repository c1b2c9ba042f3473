package app.attune.session;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Addendum")
public record AddendumView(UUID id, UUID authorId, OffsetDateTime writtenAt, String text) {

    static AddendumView of(SessionAddendum a) {
        return new AddendumView(a.id, a.authorId, a.writtenAt, a.text);
    }
}
