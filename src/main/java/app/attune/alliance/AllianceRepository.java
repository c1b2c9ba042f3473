package app.attune.alliance;

import app.attune.access.AllianceScope;
import app.attune.api.PageRequest;
import app.attune.identity.Caller;
import app.attune.query.Filter;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Alliance queries, always scoped by {@link AllianceScope} to what the caller may see. */
@ApplicationScoped
public class AllianceRepository {

    public Optional<Alliance> findVisible(Caller caller, UUID id) {
        AllianceScope scope = AllianceScope.readable(caller, "a");
        return Alliance.<Alliance>find("from Alliance a where a.id = :id and " + scope.where(),
                scope.with(Map.of("id", id))).firstResultOptional();
    }

    /** The alliance locked for the rest of the transaction, so that changes to it and its sessions serialize. */
    public Optional<Alliance> lockVisible(Caller caller, UUID id) {
        AllianceScope scope = AllianceScope.readable(caller, "a");
        return Alliance.<Alliance>find("from Alliance a where a.id = :id and " + scope.where(), scope.with(Map.of("id", id)))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public PanacheQuery<Alliance> listVisible(Caller caller, AllianceStatus status, UUID clientId, String externalId,
            PageRequest page) {
        AllianceScope scope = AllianceScope.readable(caller, "a");
        Filter filter = Filter.where(scope.where(), scope.parameters())
                .andIf("a.status = :status", "status", status)
                .andIf("a.clientId = :client", "client", clientId)
                .andIf("a.externalId = :externalId", "externalId", externalId);
        return Alliance.<Alliance>find("from Alliance a where " + filter.clause(), Sort.descending("a.startedOn").and("a.id"),
                filter.parameters()).page(page.page(), page.size());
    }

    public boolean externalIdTaken(UUID organizationId, String externalId, UUID exceptId) {
        return Alliance.count("organizationId = ?1 and externalId = ?2 and id <> ?3", organizationId, externalId,
                exceptId == null ? new UUID(0, 0) : exceptId) > 0;
    }

    /** Whether any measure of the alliance names one of these participants. */
    public boolean anyMeasured(Alliance alliance, Collection<String> participants) {
        return !participants.isEmpty() && !Alliance.getEntityManager().createNativeQuery(
                "select 1 from measure where alliance_id = ?1 and organization_id = ?2 and participant = any(cast(?3 as text[])) limit 1")
                .setParameter(1, alliance.id).setParameter(2, alliance.organizationId)
                .setParameter(3, participants.toArray(String[]::new))
                .getResultList().isEmpty();
    }

    public boolean hasSessionBefore(Alliance alliance, LocalDate date) {
        return !Alliance.getEntityManager().createNativeQuery(
                "select 1 from session where alliance_id = ?1 and organization_id = ?2 and occurred_at < ?3 limit 1")
                .setParameter(1, alliance.id).setParameter(2, alliance.organizationId).setParameter(3, Alliance.firstMomentOf(date))
                .getResultList().isEmpty();
    }

    /** Hands out the next session number of an alliance; the row lock keeps numbers unique under concurrency. */
    public int nextSessionNumber(Alliance alliance) {
        return ((Number) Alliance.getEntityManager().createNativeQuery("update alliance set last_session_number = "
                + "last_session_number + 1 where id = ?1 and organization_id = ?2 returning last_session_number")
                .setParameter(1, alliance.id).setParameter(2, alliance.organizationId).getSingleResult()).intValue();
    }
}
