package app.attune.change;

import app.attune.access.AllianceScope;
import app.attune.access.ClientScope;
import app.attune.api.ApiProblem;
import app.attune.audit.AuditedType;
import app.attune.commit.CommitLog;
import app.attune.commit.SequencedReads;
import app.attune.identity.Caller;
import app.attune.query.Filter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organization's changes in commit order, for EHRs that keep a copy in sync. A service records
 * each change as it makes it, into the transaction's commit log; the sequencer hands committed
 * changes their positions (see V11), so positions are gapless and follow the commit order, and a
 * reader never sees position N before every position below it.
 */
@ApplicationScoped
public class ChangeFeed {

    private final CommitLog log;
    private final SequencedReads sequenced;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Clock clock;

    ChangeFeed(CommitLog log, SequencedReads sequenced, EntityManager em, ObjectMapper mapper, Clock clock) {
        this.log = log;
        this.sequenced = sequenced;
        this.em = em;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Notes a change made in the current transaction; the sequencer gives it its position once it committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditedType type, UUID resourceId, UUID allianceId, ChangeAction action) {
        log.change(new CommitLog.ChangeEntry(type.name(), resourceId, allianceId, action.name(),
                OffsetDateTime.now(clock)));
    }

    /** The changes a sequencer appended: their positions, webhook event types and payloads, in order. */
    public record Appended(long lastPosition, Long[] positions, String[] eventTypes, String[] payloads) {
    }

    /** Writes committed changes after {@code lastPosition}, in their order, on the sequencer's connection. */
    public Appended append(Connection connection, UUID organizationId, long lastPosition, List<CommitLog.ChangeEntry> entries)
            throws SQLException {
        int count = entries.size();
        Long[] positions = new Long[count];
        String[] types = new String[count];
        UUID[] resources = new UUID[count];
        UUID[] alliances = new UUID[count];
        String[] actions = new String[count];
        OffsetDateTime[] times = new OffsetDateTime[count];
        String[] eventTypes = new String[count];
        String[] payloads = new String[count];
        for (int i = 0; i < count; i++) {
            CommitLog.ChangeEntry entry = entries.get(i);
            ChangeEvent event = new ChangeEvent();
            event.organizationId = organizationId;
            event.position = lastPosition + 1 + i;
            event.resourceType = AuditedType.valueOf(entry.resourceType());
            event.resourceId = entry.resourceId();
            event.allianceId = entry.allianceId();
            event.action = ChangeAction.valueOf(entry.action());
            event.occurredAt = entry.occurredAt().withOffsetSameInstant(ZoneOffset.UTC);
            positions[i] = event.position;
            types[i] = entry.resourceType();
            resources[i] = entry.resourceId();
            alliances[i] = entry.allianceId();
            actions[i] = entry.action();
            times[i] = event.occurredAt;
            eventTypes[i] = eventType(event.resourceType, event.action);
            payloads[i] = payload(eventTypes[i], ChangeView.of(event));
        }
        // Columns as arrays: the same few parameters for one change or ten thousand.
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into change_event (organization_id, position, resource_type, resource_id, alliance_id, action, occurred_at)
                select ?, * from unnest(?::bigint[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::timestamptz[])""")) {
            insert.setObject(1, organizationId);
            insert.setArray(2, connection.createArrayOf("bigint", positions));
            insert.setArray(3, connection.createArrayOf("text", types));
            insert.setArray(4, connection.createArrayOf("uuid", resources));
            insert.setArray(5, connection.createArrayOf("uuid", alliances));
            insert.setArray(6, connection.createArrayOf("text", actions));
            insert.setArray(7, connection.createArrayOf("timestamptz", times));
            insert.executeUpdate();
        }
        return new Appended(lastPosition + count, positions, eventTypes, payloads);
    }

    /**
     * Up to {@code limit} changes after {@code since} that the caller may see. The head is read
     * first, so changes committed while the page is read wait for the next one.
     */
    @Transactional
    public ChangePage read(Caller caller, long since, int limit) {
        sequenced.awaitCaughtUp(caller.organizationId());
        long head = ((Number) em.createNativeQuery("select last_change from audit_chain where organization_id = ?1")
                .setParameter(1, caller.organizationId()).getSingleResult()).longValue();
        if (since > head) {
            throw ApiProblem.invalid("since", "is not a cursor this feed handed out");
        }
        Filter filter = Filter.where("e.organizationId = :org", "org", caller.organizationId())
                .and("e.position > :since", "since", since)
                .and("e.position <= :head", "head", head);
        if (!caller.integrates()) {
            AllianceScope alliances = AllianceScope.readable(caller, "a");
            ClientScope clients = ClientScope.readable(caller, "c");
            filter.and("(e.allianceId in (select a.id from Alliance a where " + alliances.where() + ")"
                    + " or (e.allianceId is null and e.resourceId in (select c.id from Client c where " + clients.where() + ")))",
                    clients.with(alliances.parameters()));
        }
        List<ChangeEvent> found = filter.bind(em.createQuery("from ChangeEvent e where " + filter.clause()
                + " order by e.position", ChangeEvent.class)).setMaxResults(limit + 1).getResultList();
        boolean more = found.size() > limit;
        List<ChangeView> changes = found.stream().limit(limit).map(ChangeView::of).toList();
        // A short page saw everything up to the head: continue from there, past what the caller may not see.
        String next = more ? changes.get(changes.size() - 1).cursor() : Long.toString(Math.max(head, since));
        return new ChangePage(changes, next, more);
    }

    static String eventType(AuditedType type, ChangeAction action) {
        return type.name().toLowerCase() + "." + action.pastTense;
    }

    /** A Standard Webhooks payload: the change's ids, never clinical content. */
    private String payload(String type, ChangeView change) {
        try {
            return mapper.writeValueAsString(Map.of("type", type, "timestamp", change.occurredAt(), "data", change));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a change always serializes", e);
        }
    }
}
