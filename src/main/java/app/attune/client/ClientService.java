package app.attune.client;

import app.attune.api.ApiProblem;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.change.ChangeAction;
import app.attune.change.ChangeFeed;
import app.attune.idempotency.ReplayedResource;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.UUID;

@ApplicationScoped
public class ClientService {

    private final CurrentCaller caller;
    private final ClientRepository clients;
    private final AuditTrail audit;
    private final ChangeFeed changeFeed;
    private final Clock clock;

    ClientService(CurrentCaller caller, ClientRepository clients, AuditTrail audit, ChangeFeed changeFeed, Clock clock) {
        this.changeFeed = changeFeed;
        this.caller = caller;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** A replayed answer that shows a client is a read of that client. */
    @Produces
    static ReplayedResource replayed(ClientService clients) {
        return new ReplayedResource("clients", clients::get);
    }

    @Transactional
    public ClientView register(NewClient request) {
        Caller me = caller.get();
        if (request.birthYear() != null && request.birthYear() > Year.now(clock).getValue()) {
            throw ApiProblem.invalid("birthYear", "must not be in the future");
        }
        if (request.externalId() != null && clients.externalIdTaken(me.organizationId(), request.externalId())) {
            throw ApiProblem.conflict("externalId is already used by another client of this organization");
        }
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.organizationId = me.organizationId();
        client.externalId = request.externalId();
        client.displayLabel = request.displayLabel();
        client.birthYear = request.birthYear();
        client.createdBy = me.practitionerId();
        client.createdAt = OffsetDateTime.now(clock);
        client.persistAndFlush();
        changeFeed.record(AuditedType.CLIENT, client.id, null, ChangeAction.CREATE);
        audit.done(AuditAction.CREATE, AuditedType.CLIENT, client.id, null);
        return ClientView.of(client);
    }

    @Transactional
    public ClientView get(UUID id) {
        Client client = clients.findVisible(caller.get(), id).orElseThrow(() -> ApiProblem.notFound("client"));
        audit.done(AuditAction.READ, AuditedType.CLIENT, client.id, null);
        return ClientView.of(client);
    }

    @Transactional
    public Page<ClientView> list(String externalId, PageRequest page) {
        PanacheQuery<Client> query = clients.listVisible(caller.get(), externalId, page);
        Page<ClientView> found = Page.of(query.list().stream().map(ClientView::of).toList(), page, query.count());
        audit.done(AuditAction.LIST, AuditedType.CLIENT, null, null);
        return found;
    }
}
