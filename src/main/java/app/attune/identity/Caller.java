package app.attune.identity;

import java.nio.charset.StandardCharsets;
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

    /**
     * The service's operator: no organization and no practitioner record; its id is derived from its
     * token's subject and only keys its rate-limit bucket.
     */
    public static Caller operator(String subject) {
        return new Caller(UUID.nameUUIDFromBytes(("operator:" + subject).getBytes(StandardCharsets.UTF_8)), null,
                Set.of(Roles.OPERATOR));
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
