package app.attune.client;

import app.attune.api.PageRequest;
import app.attune.identity.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * Client queries. A therapist sees the clients it registered and those it has an alliance with;
 * clients of colleagues stay out of sight.
 */
@ApplicationScoped
public class ClientRepository {

    private static final String VISIBLE = "c.organizationId = :org and (c.createdBy = :me or exists "
            + "(select 1 from Alliance a where a.clientId = c.id and a.therapistId = :me))";

    public Optional<Client> findVisible(Caller caller, UUID id) {
        return Client.find("from Client c where c.id = :id and " + VISIBLE, scope(caller).and("id", id))
                .firstResultOptional();
    }

    public PanacheQuery<Client> listVisible(Caller caller, String externalId, PageRequest page) {
        Parameters params = scope(caller);
        String where = VISIBLE;
        if (externalId != null) {
            where += " and c.externalId = :externalId";
            params.and("externalId", externalId);
        }
        return Client.<Client>find("from Client c where " + where, Sort.by("c.createdAt").and("c.id"), params)
                .page(page.page(), page.size());
    }

    public boolean externalIdTaken(UUID organizationId, String externalId) {
        return Client.count("organizationId = ?1 and externalId = ?2", organizationId, externalId) > 0;
    }

    private static Parameters scope(Caller caller) {
        return Parameters.with("org", caller.organizationId()).and("me", caller.practitionerId());
    }
}
