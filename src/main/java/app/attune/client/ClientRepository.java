package app.attune.client;

import app.attune.api.PageRequest;
import app.attune.identity.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import app.attune.alliance.AllianceScope;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Client queries. A therapist sees the clients it registered and those it has an alliance with;
 * a supervisor those of the alliances it may read; an integration every client of its
 * organization. Clients of colleagues stay out of sight.
 */
@ApplicationScoped
public class ClientRepository {

    public Optional<Client> findVisible(Caller caller, UUID id) {
        Visible visible = Visible.to(caller);
        return Client.<Client>find("from Client c where c.id = :id and " + visible.where, visible.with(Map.of("id", id)))
                .firstResultOptional();
    }

    public PanacheQuery<Client> listVisible(Caller caller, String externalId, PageRequest page) {
        Visible visible = Visible.to(caller);
        Map<String, Object> params = new HashMap<>();
        String where = visible.where;
        if (externalId != null) {
            where += " and c.externalId = :externalId";
            params.put("externalId", externalId);
        }
        return Client.<Client>find("from Client c where " + where, Sort.by("c.createdAt").and("c.id"), visible.with(params))
                .page(page.page(), page.size());
    }

    public boolean externalIdTaken(UUID organizationId, String externalId) {
        return Client.count("organizationId = ?1 and externalId = ?2", organizationId, externalId) > 0;
    }

    /** The clients (aliased c) a caller may see. */
    private record Visible(String where, AllianceScope alliances, Map<String, Object> own) {

        static Visible to(Caller caller) {
            AllianceScope alliances = AllianceScope.readable(caller, "a");
            if (caller.integrates()) {
                return new Visible("c.organizationId = :scopeOrg", alliances, Map.of());
            }
            String registered = caller.treats() ? "c.createdBy = :registrar or " : "";
            return new Visible("c.organizationId = :scopeOrg and (" + registered
                    + "exists (select 1 from Alliance a where a.clientId = c.id and " + alliances.where() + "))",
                    alliances, caller.treats() ? Map.of("registrar", caller.practitionerId()) : Map.of());
        }

        Map<String, Object> with(Map<String, Object> params) {
            Map<String, Object> all = new HashMap<>(own);
            all.putAll(params);
            return alliances.with(all);
        }
    }
}
