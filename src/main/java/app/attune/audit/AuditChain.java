package app.attune.audit;

import app.attune.commit.CommitLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Appends logged audit events to an organization's chain, for the sequencer: each takes the next
 * seq, carries the previous event's hash and is hashed under the active audit key.
 */
@ApplicationScoped
public class AuditChain {

    /** The chain's newest event: its seq and hash. */
    public record Head(long seq, String hash) {
    }

    private final AuditKeys keys;

    AuditChain(AuditKeys keys) {
        this.keys = keys;
    }

    /** Writes the entries after the head, in their order, on the sequencer's connection; returns the new head. */
    public Head append(Connection connection, UUID organizationId, Head head, List<CommitLog.AuditEntry> entries)
            throws SQLException {
        int count = entries.size();
        Object[][] columns = new Object[15][count];
        long seq = head.seq();
        String previous = head.hash();
        AuditKeys.Key key = keys.active();
        for (int i = 0; i < count; i++) {
            AuditEvent event = event(organizationId, ++seq, previous, entries.get(i));
            event.keyId = key.id();
            event.hash = AuditHash.keyed(event, key);
            Object[] values = {event.seq, event.id, event.occurredAt, event.actorId, event.actorRoles, event.action.name(),
                event.resourceType.name(), event.resourceId, event.allianceId, event.outcome.name(), event.requestId,
                event.clientAddress, event.prevHash, event.hash, event.keyId};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
            previous = event.hash;
        }
        String[] types = {"bigint", "uuid", "timestamptz", "uuid", "text", "text", "text", "uuid", "uuid", "text", "text",
            "text", "text", "text", "text"};
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into audit_event (organization_id, seq, id, occurred_at, actor_id, actor_roles, action, resource_type,
                    resource_id, alliance_id, outcome, request_id, client_address, prev_hash, hash, key_id)
                select ?, * from unnest(?::bigint[], ?::uuid[], ?::timestamptz[], ?::uuid[], ?::text[], ?::text[], ?::text[],
                    ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])""")) {
            insert.setObject(1, organizationId);
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(c + 2, connection.createArrayOf(types[c], columns[c]));
            }
            insert.executeUpdate();
        }
        return new Head(seq, previous);
    }

    private static AuditEvent event(UUID organizationId, long seq, String previous, CommitLog.AuditEntry entry) {
        AuditEvent event = new AuditEvent();
        event.organizationId = organizationId;
        event.seq = seq;
        event.id = entry.id();
        event.occurredAt = entry.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        event.actorId = entry.actorId();
        event.actorRoles = entry.actorRoles();
        event.action = AuditAction.valueOf(entry.action());
        event.resourceType = AuditedType.valueOf(entry.resourceType());
        event.resourceId = entry.resourceId();
        event.allianceId = entry.allianceId();
        event.outcome = AuditOutcome.valueOf(entry.outcome());
        event.requestId = entry.requestId();
        event.clientAddress = entry.clientAddress();
        event.prevHash = previous;
        return event;
    }

    /** An entry as the trail records it. */
    static CommitLog.AuditEntry entry(OffsetDateTime occurredAt, UUID actorId, String actorRoles, AuditAction action,
            AuditedType type, UUID resourceId, UUID allianceId, AuditOutcome outcome, String requestId, String clientAddress) {
        return new CommitLog.AuditEntry(UUID.randomUUID(), occurredAt, actorId, actorRoles, action.name(), type.name(),
                resourceId, allianceId, outcome.name(), requestId, clientAddress);
    }
}
