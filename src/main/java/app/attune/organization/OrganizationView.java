package app.attune.organization;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Organization")
public record OrganizationView(
        UUID id,
        @Schema(maxLength = 255, example = "northside-clinic") String key,
        @Schema(maxLength = 200, example = "Northside Counselling") String displayName,
        @Schema(example = "false") boolean suspended,
        OffsetDateTime createdAt,
        @Schema(example = "0") long version) {

    static OrganizationView of(Organization o) {
        return new OrganizationView(o.id, o.key, o.displayName, o.suspended, o.createdAt, o.version);
    }
}
