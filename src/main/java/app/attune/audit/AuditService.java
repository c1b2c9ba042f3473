package app.attune.audit;

import app.attune.api.ApiProblem;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.commit.SequencedReads;
import app.attune.identity.CurrentCaller;
import app.attune.query.Filter;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading and verifying the caller's organization's audit trail (admins). */
@ApplicationScoped
public class AuditService {

    private static final int VERIFY_BATCH = 1000;

    private final CurrentCaller caller;
    private final EntityManager em;
    private final AuditTrail audit;
    private final AuditKeys keys;
    private final SequencedReads sequenced;
    private final Clock clock;

    AuditService(CurrentCaller caller, EntityManager em, AuditTrail audit, AuditKeys keys, SequencedReads sequenced,
            Clock clock) {
        this.keys = keys;
        this.sequenced = sequenced;
        this.caller = caller;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /** Events matching every filter given, newest first. */
    @Transactional
    public Page<AuditEventView> list(UUID actor, UUID alliance, AuditAction action, OffsetDateTime from, OffsetDateTime to,
            PageRequest page) {
        sequenced.awaitCaughtUp(caller.get().organizationId());
        Filter filter = Filter.where("organizationId = :org", "org", caller.get().organizationId())
                .andIf("actorId = :actor", "actor", actor)
                .andIf("allianceId = :alliance", "alliance", alliance)
                .andIf("action = :action", "action", action)
                .andIf("occurredAt >= :from", "from", from)
                .andIf("occurredAt < :to", "to", to);
        var query = AuditEvent.<AuditEvent>find(filter.clause(), Sort.descending("seq"), filter.parameters())
                .page(page.page(), page.size());
        Page<AuditEventView> events = Page.of(query.list().stream().map(AuditEventView::of).toList(), page, query.count());
        // Written after the read: a page never shows its own reading.
        audit.done(AuditAction.LIST, AuditedType.AUDIT_TRAIL, null, null);
        return events;
    }

    /**
     * Walks the whole chain from its first event: each must follow the one before it, carry the
     * previous hash and hash, under the key it names, to what it holds; the chain's head must name
     * the last one. Given a kept checkpoint, the event it names must still carry its hash.
     */
    @Transactional
    public AuditVerification verify(AuditCheckpoint kept) {
        UUID org = caller.get().organizationId();
        sequenced.awaitCaughtUp(org);
        if (kept != null) {
            requireSigned(kept, org);
        }
        AuditVerification verification = walk(org, kept);
        audit.done(AuditAction.READ, AuditedType.AUDIT_TRAIL, null, null);
        return verification;
    }

    /** The trail's head as it is now, signed with the active audit key, for the caller to keep. */
    @Transactional
    public AuditCheckpoint checkpoint() {
        UUID org = caller.get().organizationId();
        sequenced.awaitCaughtUp(org);
        Object[] head = head(org);
        AuditKeys.Key key = keys.active();
        AuditCheckpoint unsigned = new AuditCheckpoint(org, ((Number) head[0]).longValue(), head[1].toString(),
                OffsetDateTime.now(clock), key.id(), null);
        AuditCheckpoint signed = new AuditCheckpoint(unsigned.organizationId(), unsigned.seq(), unsigned.hash(),
                unsigned.issuedAt(), key.id(), AuditHash.signature(unsigned, key));
        // Written after the head was read: the checkpoint names the event before its own reading.
        audit.done(AuditAction.READ, AuditedType.AUDIT_TRAIL, null, null);
        return signed;
    }

    /** A checkpoint this service signed for this organization, or 400: anything else proves nothing. */
    private void requireSigned(AuditCheckpoint kept, UUID org) {
        AuditKeys.Key key = keys.named(kept.keyId()).orElseThrow(() -> ApiProblem.invalid("keyId",
                "names no audit key this service holds"));
        if (!AuditHash.matches(AuditHash.signature(kept, key), kept.signature())) {
            throw ApiProblem.invalid("signature", "does not match: the checkpoint was not issued by this service, or was altered");
        }
        if (!kept.organizationId().equals(org)) {
            throw ApiProblem.invalid("organizationId", "is another organization's checkpoint");
        }
    }

    private Object[] head(UUID org) {
        return (Object[]) em.createNativeQuery("select last_seq, last_hash from audit_chain where organization_id = ?1")
                .setParameter(1, org).getSingleResult();
    }

    private AuditVerification walk(UUID org, AuditCheckpoint kept) {
        // The head first: events committed while the walk runs lie beyond it and are left for the next check.
        Object[] head = head(org);
        long lastSeq = ((Number) head[0]).longValue();
        long expectedSeq = 1;
        String previousHash = AuditHash.GENESIS;
        boolean keyedSeen = false;
        Long checkpointSeq = kept == null ? null : kept.seq();
        if (kept != null && kept.seq() == 0 && !kept.hash().equals(AuditHash.GENESIS)) {
            return broken(0, 0, null, "the kept checkpoint names no event but a hash other than the chain's start", checkpointSeq);
        }
        while (true) {
            List<AuditEvent> batch = AuditEvent.<AuditEvent>find("organizationId = ?1 and seq >= ?2 and seq <= ?3",
                    Sort.by("seq"), org, expectedSeq, lastSeq).page(0, VERIFY_BATCH).list();
            for (AuditEvent event : batch) {
                String reason = problemWith(event, expectedSeq, previousHash, keyedSeen);
                if (reason == null && kept != null && event.seq == kept.seq() && !event.hash.equals(kept.hash())) {
                    reason = "the history up to the kept checkpoint was rewritten: this event no longer carries its hash";
                }
                if (reason != null) {
                    return broken(expectedSeq - 1, event.seq, event.id, reason, checkpointSeq);
                }
                keyedSeen |= event.keyId != null;
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
                    + lastSeq + ")", checkpointSeq);
        }
        if (kept != null && kept.seq() > lastSeq) {
            return broken(lastSeq, lastSeq + 1, null, "events the kept checkpoint covers are missing (it names seq "
                    + kept.seq() + ", the trail ends at " + lastSeq + ")", checkpointSeq);
        }
        return new AuditVerification(true, expectedSeq - 1, null, checkpointSeq);
    }

    /** Why one event breaks the chain, or null when it holds. */
    private String problemWith(AuditEvent event, long expectedSeq, String previousHash, boolean keyedSeen) {
        if (event.seq != expectedSeq) {
            return "events before this one are missing (expected seq " + expectedSeq + ")";
        }
        if (!event.prevHash.equals(previousHash)) {
            return "the event does not carry the previous event's hash";
        }
        if (event.keyId == null) {
            if (!keys.unkeyedAllowed() || keyedSeen) {
                // Anyone who can write the table can compute a plain SHA-256: such an event proves nothing.
                return "the event's hash is not keyed, which this trail does not accept"
                        + (keyedSeen ? " after keyed events" : "");
            }
            return AuditHash.unkeyed(event).equals(event.hash) ? null : "the event's fields do not match its hash";
        }
        Optional<AuditKeys.Key> key = keys.named(event.keyId);
        if (key.isEmpty()) {
            return "the event is keyed with a key this service does not hold";
        }
        return AuditHash.keyed(event, key.get()).equals(event.hash) ? null : "the event's fields do not match its hash";
    }

    private static AuditVerification broken(long checked, long seq, UUID eventId, String reason, Long checkpointSeq) {
        return new AuditVerification(false, checked, new AuditVerification.Failure(seq, eventId, reason), checkpointSeq);
    }
}
