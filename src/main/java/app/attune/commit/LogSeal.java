package app.attune.commit;

import java.util.UUID;

/**
 * Seals a commit log row with a key the database does not hold, and checks a seal: implemented by
 * the audit trail, whose keys it uses.
 */
public interface LogSeal {

    /** The seal of a row: its key's id and the MAC. */
    String seal(UUID organizationId, UUID id, String events, String changes);

    /** Whether the seal is one this service made for exactly this row. */
    boolean verifies(UUID organizationId, UUID id, String events, String changes, String seal);
}
