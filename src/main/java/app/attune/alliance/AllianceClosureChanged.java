package app.attune.alliance;

import java.util.UUID;

/**
 * Fired inside the transaction that closes or reopens an alliance, so that the ruptures left open
 * can be marked UNRESOLVED_AT_CLOSE (or reopened) in the same commit.
 */
public record AllianceClosureChanged(UUID allianceId, UUID organizationId, boolean closed) {
}
