package app.attune.identity;

import java.util.Set;
import java.util.UUID;

/**
 * Registers a practitioner the first time its token is seen, together with the audit event that
 * records it, in one transaction: no registration without its event. Implemented beside the audit
 * trail, which identity must not depend on.
 */
public interface FirstSight {

    /** False when the practitioner was registered meanwhile (by a request racing this one). */
    boolean register(UUID organizationId, String subject, String displayName, Set<String> roles, String requestId);
}
