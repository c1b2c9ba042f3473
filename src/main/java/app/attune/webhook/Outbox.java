package app.attune.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** The webhook outbox's one writer: a delivery per sequenced change and live webhook subscribed to its type. */
public final class Outbox {

    private Outbox() {
    }

    /** Enqueues deliveries of the changes (positions, event types, payloads, in order) on the sequencer's connection. */
    public static void enqueue(Connection connection, UUID organizationId, Long[] positions, String[] eventTypes,
            String[] payloads) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into webhook_delivery (id, organization_id, webhook_id, position, event_type, payload, status,
                                              next_attempt_at, created_at)
                select gen_random_uuid(), w.organization_id, w.id, v.position, v.event_type, v.payload, 'PENDING', now(), now()
                from unnest(?::bigint[], ?::text[], ?::text[]) as v(position, event_type, payload)
                join webhook w on w.organization_id = ? and w.deleted_at is null and v.event_type = any(w.event_types)""")) {
            insert.setArray(1, connection.createArrayOf("bigint", positions));
            insert.setArray(2, connection.createArrayOf("text", eventTypes));
            insert.setArray(3, connection.createArrayOf("text", payloads));
            insert.setObject(4, organizationId);
            insert.executeUpdate();
        }
    }
}
