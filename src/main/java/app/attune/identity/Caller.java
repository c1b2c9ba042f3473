package app.attune.identity;

import java.util.Set;
import java.util.UUID;

/**
 * The practitioner behind a request, with the organization it acts in and its effective roles:
 * those its token claims that the organization's record of it also grants.
 */
public record Caller(UUID practitionerId, UUID organizationId, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A therapist reads and writes its own alliances. */
    public boolean treats() {
        return roles.contains(Roles.THERAPIST);
    }

    /** A supervisor reads its supervisees' alliances. */
    public boolean supervises() {
        return roles.contains(Roles.SUPERVISOR);
    }

    /** An EHR's service account reads and writes every alliance of its organization. */
    public boolean integrates() {
        return roles.contains(Roles.INTEGRATION);
    }

    /** The roles as one sorted, comma-separated text, as the audit trail records them. */
    public String roleList() {
        return String.join(",", new java.util.TreeSet<>(roles));
    }
}
