package app.attune.client;

import app.attune.access.ClientScope;
import app.attune.api.PageRequest;
import app.attune.identity.Caller;
import app.attune.query.Filter;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Client queries, always scoped by {@link ClientScope} to what the caller may see. */
@ApplicationScoped
public class ClientRepository {

    public Optional<Client> findVisible(Caller caller, UUID id) {
        ClientScope scope = ClientScope.readable(caller, "c");
        return Client.<Client>find("from Client c where c.id = :id and " + scope.where(), scope.with(Map.of("id", id)))
                .firstResultOptional();
    }

    public PanacheQuery<Client> listVisible(Caller caller, String externalId, PageRequest page) {
        ClientScope scope = ClientScope.readable(caller, "c");
        Filter filter = Filter.where(scope.where(), scope.parameters()).andIf("c.externalId = :externalId", "externalId",
                externalId);
        return Client.<Client>find("from Client c where " + filter.clause(), Sort.by("c.createdAt").and("c.id"),
                filter.parameters()).page(page.page(), page.size());
    }

    /** Whether the therapist registered the client or treats it in an alliance of its own. */
    public boolean treatedBy(Caller caller, UUID clientId) {
        return Client.count("from Client c where c.id = ?1 and c.organizationId = ?3 and (c.createdBy = ?2 or exists "
                + "(select 1 from Alliance a where a.clientId = c.id and a.organizationId = ?3 and a.therapistId = ?2))",
                clientId, caller.practitionerId(), caller.organizationId()) > 0;
    }

    public boolean externalIdTaken(UUID organizationId, String externalId) {
        return Client.count("organizationId = ?1 and externalId = ?2", organizationId, externalId) > 0;
    }
}
