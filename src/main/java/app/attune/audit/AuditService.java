package app.attune.audit;

import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.identity.CurrentCaller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reading and verifying the caller's organization's audit trail (admins). */
@ApplicationScoped
public class AuditService {

    private static final int VERIFY_BATCH = 1000;

    private final CurrentCaller caller;
    private final EntityManager em;
    private final AuditTrail audit;

    AuditService(CurrentCaller caller, EntityManager em, AuditTrail audit) {
        this.caller = caller;
        this.em = em;
        this.audit = audit;
    }

    /** Events matching every filter given, newest first. */
    @Transactional
    public Page<AuditEventView> list(UUID actor, UUID alliance, AuditAction action, OffsetDateTime from, OffsetDateTime to,
            PageRequest page) {
        StringBuilder where = new StringBuilder("organizationId = :org");
        Map<String, Object> params = new HashMap<>();
        params.put("org", caller.get().organizationId());
        filter(where, params, "actorId = :actor", "actor", actor);
        filter(where, params, "allianceId = :alliance", "alliance", alliance);
        filter(where, params, "action = :action", "action", action);
        filter(where, params, "occurredAt >= :from", "from", from);
        filter(where, params, "occurredAt < :to", "to", to);
        var query = AuditEvent.<AuditEvent>find(where.toString(), Sort.descending("seq"), params).page(page.page(), page.size());
        Page<AuditEventView> events = Page.of(query.list().stream().map(AuditEventView::of).toList(), page, query.count());
        // Written after the read: a page never shows its own reading.
        audit.done(AuditAction.LIST, AuditedType.AUDIT_TRAIL, null, null);
        return events;
    }

    /**
     * Walks the whole chain from its first event: each must follow the one before it, carry the
     * previous hash and hash to what it holds; the chain's head must name the last one.
     */
    @Transactional
    public AuditVerification verify() {
        AuditVerification verification = walk(caller.get().organizationId());
        audit.done(AuditAction.READ, AuditedType.AUDIT_TRAIL, null, null);
        return verification;
    }

    private AuditVerification walk(UUID org) {
        // The head first: events committed while the walk runs lie beyond it and are left for the next check.
        Object[] head = (Object[]) em.createNativeQuery("select last_seq, last_hash from audit_chain where organization_id = ?1")
                .setParameter(1, org).getSingleResult();
        long lastSeq = ((Number) head[0]).longValue();
        long expectedSeq = 1;
        String previousHash = AuditHash.GENESIS;
        while (true) {
            List<AuditEvent> batch = AuditEvent.<AuditEvent>find("organizationId = ?1 and seq >= ?2 and seq <= ?3",
                    Sort.by("seq"), org, expectedSeq, lastSeq).page(0, VERIFY_BATCH).list();
            for (AuditEvent event : batch) {
                String reason = null;
                if (event.seq != expectedSeq) {
                    reason = "events before this one are missing (expected seq " + expectedSeq + ")";
                } else if (!event.prevHash.equals(previousHash)) {
                    reason = "the event does not carry the previous event's hash";
                } else if (!AuditHash.of(event).equals(event.hash)) {
                    reason = "the event's fields do not match its hash";
                }
                if (reason != null) {
                    return broken(expectedSeq - 1, event.seq, event.id, reason);
                }
                previousHash = event.hash;
                expectedSeq++;
            }
            em.clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        if (lastSeq != expectedSeq - 1 || !head[1].toString().equals(previousHash)) {
            return broken(expectedSeq - 1, expectedSeq, null, "the newest events are missing (the chain's head names seq "
                    + lastSeq + ")");
        }
        return new AuditVerification(true, expectedSeq - 1, null);
    }

    private static AuditVerification broken(long checked, long seq, UUID eventId, String reason) {
        return new AuditVerification(false, checked, new AuditVerification.Failure(seq, eventId, reason));
    }

    private static void filter(StringBuilder where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(clause);
            params.put(name, value);
        }
    }
}
