package app.attune.audit;

import app.attune.api.RequestTrace;
import app.attune.commit.CommitLog;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import app.attune.identity.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Records events of the caller's organization's audit trail. Work is recorded in the transaction
 * that does it, through the commit log, so that the event exists exactly when the work does; a
 * denied attempt has no work to join and commits on its own.
 */
@ApplicationScoped
public class AuditTrail {

    private final CurrentCaller caller;
    private final RequestTrace trace;
    private final EntityManager em;
    private final CommitLog log;
    private final Clock clock;

    AuditTrail(CurrentCaller caller, RequestTrace trace, EntityManager em, CommitLog log, Clock clock) {
        this.clock = clock;
        this.log = log;
        this.caller = caller;
        this.trace = trace;
        this.em = em;
    }

    /** Records work done in the current transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void done(AuditAction action, AuditedType type, UUID resourceId, UUID allianceId) {
        append(caller.get(), action, type, resourceId, allianceId, AuditOutcome.SUCCESS, trace.requestId(),
                trace.clientAddress());
    }

    /** Records a read that has no transaction of its own (the change feed's), in one of its own. */
    @Transactional
    public void read(AuditAction action, AuditedType type) {
        done(action, type, null, null);
    }

    /**
     * A request refused with 403 or 404, as its method and path name it, with who sent it; empty
     * when it concerns nothing the trail follows or no caller is known. Does not block, so a
     * refusal met on an I/O thread can be captured there and recorded on a worker.
     */
    public Optional<Refusal> refusal(String method, String path, int status) {
        Caller who = caller.orNull();
        if (who == null || who.organizationId() == null) {
            return Optional.empty(); // the operator has no trail of its own
        }
        return AuditTarget.of(method, path)
                .map(target -> new Refusal(who, target, status, trace.requestId(), trace.clientAddress()));
    }

    /** Records a refusal in a transaction of its own: it has no work to join. Blocks. */
    public void record(Refusal refusal) {
        AuditTarget target = refusal.target();
        QuarkusTransaction.requiringNew().run(() -> {
            // A 404 for an object of the caller's organization was a denial (the caller cannot tell the two apart,
            // its trail can); one of another organization is NOT_FOUND like one of none, so that no trail tells
            // one organization's admin what exists in another.
            AuditOutcome outcome = refusal.status() == 403 || existsIn(refusal.caller().organizationId(), target)
                    ? AuditOutcome.DENIED : AuditOutcome.NOT_FOUND;
            append(refusal.caller(), target.action(), target.type(), target.resourceId(), target.allianceId(), outcome,
                    refusal.requestId(), refusal.clientAddress());
        });
    }

    /** A refused request, captured while its context was at hand. */
    public record Refusal(Caller caller, AuditTarget target, int status, String requestId, String clientAddress) {
    }

    /** Records, as work of its own, what the operator did to an organization, in that organization's trail. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void byOperator(UUID organizationId, AuditAction action, AuditedType type, UUID resourceId) {
        append(new Caller(null, organizationId, Set.of(Roles.OPERATOR)), action, type, resourceId, null,
                AuditOutcome.SUCCESS, trace.requestId(), trace.clientAddress());
    }

    /** Records a practitioner's registration on first sight, in the transaction that registers it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void registered(Caller practitioner, String requestId) {
        append(practitioner, AuditAction.CREATE, AuditedType.PRACTITIONER, practitioner.practitionerId(), null,
                AuditOutcome.SUCCESS, requestId, null);
    }

    private boolean existsIn(UUID organizationId, AuditTarget target) {
        String table = switch (target.type()) {
            case CLIENT -> "client";
            case ALLIANCE -> "alliance";
            case SESSION -> "session";
            case RUPTURE -> "rupture";
            case PRACTITIONER -> "practitioner";
            default -> null;
        };
        if (table == null || target.resourceId() == null) {
            return false;
        }
        return !em.createNativeQuery("select 1 from " + table + " where id = ?1 and organization_id = ?2")
                .setParameter(1, target.resourceId()).setParameter(2, organizationId).getResultList().isEmpty();
    }

    private void append(Caller who, AuditAction action, AuditedType type, UUID resourceId, UUID allianceId,
            AuditOutcome outcome, String requestId, String clientAddress) {
        // Written at commit with the transaction's changes; the sequencer numbers and chains it (V11).
        log.audit(who.organizationId(), AuditChain.entry(OffsetDateTime.now(clock), who.practitionerId(), who.roleList(),
                action, type, resourceId, allianceId, outcome, requestId, clientAddress));
    }
}
