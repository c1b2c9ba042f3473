package app.attune.identity;

import java.util.Set;
import java.util.UUID;

/** The practitioner behind a request, resolved from its token, with the organization it acts in. */
public record Caller(UUID practitionerId, UUID organizationId, Set<String> roles) {
}
