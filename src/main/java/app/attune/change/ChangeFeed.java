package app.attune.change;

import app.attune.alliance.AllianceScope;
import app.attune.api.ApiProblem;
import app.attune.audit.AuditedType;
import app.attune.client.ClientScope;
import app.attune.database.NativeStatement;
import app.attune.identity.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The organization's changes in commit order, for EHRs that keep a copy in sync, and the webhook
 * outbox written with them. A service records each change as it makes it; the transaction's
 * audit event, written last while the organization's chain row is locked, hands the changes
 * their positions. That lock is held until the commit, so positions are gapless and follow the
 * commit order, and a reader never sees position N before every position below it.
 */
@ApplicationScoped
public class ChangeFeed {

    private final PendingChanges pending;
    private final EntityManager em;
    private final ObjectMapper mapper;

    ChangeFeed(PendingChanges pending, EntityManager em, ObjectMapper mapper) {
        this.pending = pending;
        this.em = em;
        this.mapper = mapper;
    }

    /** Notes a change made in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditedType type, UUID resourceId, UUID allianceId, ChangeAction action) {
        pending.add(new PendingChanges.Change(type, resourceId, allianceId, action));
    }

    /**
     * Adds the transaction's changes, from position {@code lastPosition + 1} on, with a webhook
     * delivery for each subscription, to the caller's statement as two WITH clauses; the caller
     * holds the organization's chain row. Returns the new last position.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long appendPending(UUID organizationId, long lastPosition, NativeStatement into) {
        List<PendingChanges.Change> changes = pending.drain();
        if (changes.isEmpty()) {
            return lastPosition;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        // Columns as arrays, so that the statement binds the same few parameters for one change or
        // ten thousand (the driver allows 65,535 parameters per statement).
        int count = changes.size();
        Long[] positions = new Long[count];
        String[] types = new String[count];
        String[] resources = new String[count];
        String[] alliances = new String[count];
        String[] actions = new String[count];
        String[] eventTypes = new String[count];
        String[] payloads = new String[count];
        for (int i = 0; i < count; i++) {
            PendingChanges.Change change = changes.get(i);
            ChangeEvent event = new ChangeEvent();
            event.organizationId = organizationId;
            event.position = lastPosition + 1 + i;
            event.resourceType = change.type();
            event.resourceId = change.resourceId();
            event.allianceId = change.allianceId();
            event.action = change.action();
            event.occurredAt = now;
            positions[i] = event.position;
            types[i] = change.type().name();
            resources[i] = change.resourceId().toString();
            alliances[i] = change.allianceId() == null ? null : change.allianceId().toString();
            actions[i] = change.action().name();
            eventTypes[i] = eventType(change.type(), change.action());
            payloads[i] = payload(eventTypes[i], ChangeView.of(event));
        }
        into.append(", changes as (insert into change_event (organization_id, position, resource_type, resource_id, alliance_id, "
                + "action, occurred_at) select cast(? as uuid), c.position, c.resource_type, cast(c.resource_id as uuid), "
                + "cast(c.alliance_id as uuid), c.action, cast(? as timestamptz) from unnest(cast(? as bigint[]), "
                + "cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[])) "
                + "as c(position, resource_type, resource_id, alliance_id, action))",
                organizationId.toString(), now.toString(), positions, types, resources, alliances, actions);
        into.append(", deliveries as (insert into webhook_delivery (id, webhook_id, position, event_type, payload, status, "
                + "next_attempt_at, created_at) select gen_random_uuid(), w.id, v.position, v.event_type, v.payload, 'PENDING', "
                + "cast(? as timestamptz), cast(? as timestamptz) from unnest(cast(? as bigint[]), cast(? as text[]), "
                + "cast(? as text[])) as v(position, event_type, payload) join webhook w on w.organization_id = cast(? as uuid) "
                + "and w.deleted_at is null and v.event_type = any(w.event_types))",
                now.toString(), now.toString(), positions, eventTypes, payloads, organizationId.toString());
        return lastPosition + count;
    }

    /**
     * Up to {@code limit} changes after {@code since} that the caller may see. The head is read
     * first, so changes committed while the page is read wait for the next one.
     */
    @Transactional
    public ChangePage read(Caller caller, long since, int limit) {
        long head = ((Number) em.createNativeQuery("select last_change from audit_chain where organization_id = ?1")
                .setParameter(1, caller.organizationId()).getSingleResult()).longValue();
        if (since > head) {
            throw ApiProblem.invalid("since", "is not a cursor this feed handed out");
        }
        Map<String, Object> params = new HashMap<>();
        params.put("org", caller.organizationId());
        params.put("since", since);
        params.put("head", head);
        String visible = "";
        if (!caller.integrates()) {
            AllianceScope alliances = AllianceScope.readable(caller, "a");
            ClientScope clients = ClientScope.readable(caller, "c");
            params = clients.with(alliances.with(params));
            visible = " and (e.allianceId in (select a.id from Alliance a where " + alliances.where() + ")"
                    + " or (e.allianceId is null and e.resourceId in (select c.id from Client c where " + clients.where() + ")))";
        }
        var query = em.createQuery("from ChangeEvent e where e.organizationId = :org and e.position > :since "
                + "and e.position <= :head" + visible + " order by e.position", ChangeEvent.class);
        params.forEach(query::setParameter);
        List<ChangeEvent> found = query.setMaxResults(limit + 1).getResultList();
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
