package app.attune.commit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What a transaction adds at commit: its audit events and the changes it made, gathered while it
 * runs and written in one statement just before it commits, as one row of pending_commit per
 * organization (see V11). No lock is taken: the sequencer later numbers and chains them. A
 * transaction that rolls back writes nothing, so its work and its records go together.
 */
@TransactionScoped
public class CommitLog implements Serializable {

    /** One audit event as the transaction records it, before the sequencer gives it a place in the chain. */
    public record AuditEntry(UUID id, OffsetDateTime occurredAt, UUID actorId, String actorRoles, String action,
            String resourceType, UUID resourceId, UUID allianceId, String outcome, String requestId, String clientAddress) {
    }

    /** One change as the transaction made it, before the sequencer gives it a position in the feed. */
    public record ChangeEntry(String resourceType, UUID resourceId, UUID allianceId, String action, OffsetDateTime occurredAt) {
    }

    /** Fired after a transaction that wrote to the log committed, so that a sequencer in this process starts at once. */
    public record Committed() {
    }

    /** Plain JDBC at commit: the data source hands out the transaction's own connection; Hibernate may no longer join then. */
    @Inject
    transient DataSource dataSource;
    @Inject
    transient ObjectMapper mapper;
    @Inject
    transient TransactionSynchronizationRegistry registry;
    @Inject
    transient Event<Committed> committed;
    @Inject
    transient LogSeal seal;

    private final Map<UUID, List<AuditEntry>> events = new LinkedHashMap<>();
    private final List<ChangeEntry> changes = new ArrayList<>();
    private boolean registered;

    /** Records an audit event of the organization, written at commit. */
    public void audit(UUID organizationId, AuditEntry entry) {
        events.computeIfAbsent(organizationId, org -> new ArrayList<>()).add(entry);
        writeAtCommit();
    }

    /** Records a change; it joins the organization of the transaction's audit event. */
    public void change(ChangeEntry entry) {
        changes.add(entry);
        writeAtCommit();
    }

    private void writeAtCommit() {
        if (!registered) {
            registered = true;
            CommitLog log = this;
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        log.write();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        log.committed.fire(new Committed());
                    }
                }
            });
        }
    }

    /** One row per organization; the ticket comes from this, the transaction's last statement before COMMIT. */
    private void write() {
        if (!changes.isEmpty() && events.size() != 1) {
            // Every change is made on behalf of one audited request of one organization.
            throw new IllegalStateException("changes recorded without exactly one organization's audit event");
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into pending_commit (id, organization_id, ticket, written_at, events, changes, seal)
                values (?, ?, nextval('commit_ticket'), clock_timestamp(), ?, ?, ?)""")) {
            String changed = mapper.writeValueAsString(changes);
            for (Map.Entry<UUID, List<AuditEntry>> organization : events.entrySet()) {
                UUID id = UUID.randomUUID();
                String logged = mapper.writeValueAsString(organization.getValue());
                insert.setObject(1, id);
                insert.setObject(2, organization.getKey());
                // Kept as text, as sealed: jsonb would normalize it and the seal would no longer match.
                insert.setString(3, logged);
                insert.setString(4, changed);
                insert.setString(5, seal.seal(organization.getKey(), id, logged, changed));
                insert.executeUpdate();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit entries and changes always serialize", e);
        } catch (SQLException e) {
            throw new IllegalStateException("the commit log could not be written; the transaction rolls back", e);
        }
    }
}
