package app.attune.alliance;

import app.attune.access.AllianceScope;
import app.attune.api.ApiProblem;
import app.attune.api.InputErrors;
import app.attune.api.MergePatch.Patch;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.Versions;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.change.ChangeAction;
import app.attune.change.ChangeFeed;
import app.attune.client.ClientRepository;
import app.attune.idempotency.ReplayedResource;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import app.attune.identity.Roles;
import app.attune.practitioner.Practitioner;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Opening, reading, changing and closing alliances, within the caller's {@link AllianceScope}. */
@ApplicationScoped
public class AllianceService {


    private final CurrentCaller caller;
    private final AllianceRepository alliances;
    private final ClientRepository clients;
    private final Event<AllianceClosureChanged> closureChanged;
    private final AuditTrail audit;
    private final ChangeFeed changeFeed;
    private final Clock clock;

    AllianceService(CurrentCaller caller, AllianceRepository alliances, ClientRepository clients,
            Event<AllianceClosureChanged> closureChanged, AuditTrail audit, ChangeFeed changeFeed, Clock clock) {
        this.audit = audit;
        this.changeFeed = changeFeed;
        this.caller = caller;
        this.alliances = alliances;
        this.clients = clients;
        this.closureChanged = closureChanged;
        this.clock = clock;
    }

    /** A replayed answer that shows a alliance is a read of that alliance. */
    @Produces
    static ReplayedResource replayed(AllianceService alliances) {
        return new ReplayedResource("alliances", alliances::get);
    }

    @Transactional
    public AllianceView open(NewAlliance request) {
        Caller me = caller.get();
        InputErrors errors = new InputErrors();
        if (clients.findVisible(me, request.clientId()).isEmpty()) {
            errors.add("clientId", "no client with that id");
        } else if (!me.integrates() && !clients.treatedBy(me, request.clientId())) {
            // Seeing a supervisee's client is not treating it: a supervisor may not open an alliance of its own with it.
            errors.add("clientId", "a therapist opens alliances with the clients it registered or already treats");
        }
        UUID therapistId = therapistFor(me, request.therapistId(), errors);
        AllianceFormat format = Objects.requireNonNullElse(request.format(), AllianceFormat.INDIVIDUAL);
        String participantsProblem = format.participantsProblem(request.participantsOrNone());
        if (participantsProblem != null) {
            errors.add("participants", participantsProblem);
        }
        if (request.externalId() != null && alliances.externalIdTaken(me.organizationId(), request.externalId(), null)) {
            throw ApiProblem.conflict("externalId is already used by another alliance of this organization");
        }
        errors.throwIfAny();
        Alliance alliance = new Alliance();
        alliance.id = UUID.randomUUID();
        alliance.organizationId = me.organizationId();
        alliance.clientId = request.clientId();
        alliance.therapistId = therapistId;
        new AllianceChanges(format, AllianceStatus.ACTIVE, request.participants(), request.startedOn(), null,
                request.externalId()).applyTo(alliance);
        alliance.createdAt = OffsetDateTime.now(clock);
        alliance.updatedAt = alliance.createdAt;
        alliance.persistAndFlush();
        changeFeed.record(AuditedType.ALLIANCE, alliance.id, alliance.id, ChangeAction.CREATE);
        audit.done(AuditAction.CREATE, AuditedType.ALLIANCE, alliance.id, alliance.id);
        return AllianceView.of(alliance);
    }

    /**
     * Whose alliance a new one is: a therapist opens its own; an integration names an active
     * therapist of its organization.
     */
    private static UUID therapistFor(Caller me, UUID named, InputErrors errors) {
        if (me.integrates()) {
            if (named == null) {
                errors.add("therapistId", "an integration names the therapist of the alliance");
            } else if (Practitioner.count("id = ?1 and organizationId = ?2 and active = true and array_contains(roles, ?3)",
                    named, me.organizationId(), Roles.THERAPIST) == 0) {
                errors.add("therapistId", "no active therapist with that id");
            }
            return named;
        }
        if (named != null && !named.equals(me.practitionerId())) {
            errors.add("therapistId", "a therapist may only open alliances of its own");
        }
        return me.practitionerId();
    }

    @Transactional
    public AllianceView get(UUID id) {
        Alliance alliance = visible(id);
        audit.done(AuditAction.READ, AuditedType.ALLIANCE, alliance.id, alliance.id);
        return AllianceView.of(alliance);
    }

    @Transactional
    public Page<AllianceView> list(AllianceStatus status, UUID clientId, String externalId, PageRequest page) {
        PanacheQuery<Alliance> query = alliances.listVisible(caller.get(), status, clientId, externalId, page);
        Page<AllianceView> found = Page.of(query.list().stream().map(AllianceView::of).toList(), page, query.count());
        audit.done(AuditAction.LIST, AuditedType.ALLIANCE, null, null);
        return found;
    }

    @Transactional
    public AllianceView change(UUID id, long expectedVersion, Patch<AllianceChanges> patch) {
        Alliance alliance = forChange(id);
        Versions.check(expectedVersion, alliance.version);
        AllianceChanges changes = patch.over(AllianceChanges.of(alliance));
        boolean wasClosed = alliance.status.isClosed();
        boolean closing = changes.status().isClosed();
        // Reopening without naming endedOn clears it; closing without it ends the alliance today.
        LocalDate endedOn = !closing && wasClosed && !patch.has("endedOn") ? null : changes.endedOn();
        InputErrors errors = new InputErrors();
        if (closing && endedOn == null) {
            endedOn = LocalDate.now(clock);
        }
        if (!closing && endedOn != null) {
            errors.add("endedOn", "is set only when the alliance is closed");
        }
        if (endedOn != null && endedOn.isBefore(changes.startedOn())) {
            errors.add("endedOn", "must not be before startedOn");
        }
        if (changes.startedOn().isAfter(alliance.startedOn) && alliances.hasSessionBefore(alliance, changes.startedOn())) {
            errors.add("startedOn", "must not be after the alliance's first session");
        }
        // Alliances recorded before participants existed keep working until their format or participants
        // change (a patch that sends them back as they are changes neither).
        boolean regrouped = changes.format() != alliance.format
                || !Set.copyOf(changes.participantsOrNone()).equals(alliance.participants);
        String participantsProblem = regrouped ? changes.format().participantsProblem(changes.participantsOrNone()) : null;
        if (participantsProblem != null) {
            errors.add("participants", participantsProblem);
        }
        errors.throwIfAny();
        List<String> leaving = alliance.participants.stream().filter(p -> !changes.participantsOrNone().contains(p)).toList();
        if (alliances.anyMeasured(alliance, leaving)) {
            throw ApiProblem.conflict("A participant whose measures are recorded stays a participant of the alliance");
        }
        if (changes.externalId() != null && !changes.externalId().equals(alliance.externalId)
                && alliances.externalIdTaken(alliance.organizationId, changes.externalId(), alliance.id)) {
            throw ApiProblem.conflict("externalId is already used by another alliance of this organization");
        }
        errors.throwIfAny();
        changes.withEndedOn(closing ? endedOn : null).applyTo(alliance);
        alliance.updatedAt = OffsetDateTime.now(clock);
        if (closing != wasClosed) {
            closureChanged.fire(new AllianceClosureChanged(alliance.id, alliance.organizationId, closing));
        }
        alliance.persistAndFlush();
        changeFeed.record(AuditedType.ALLIANCE, alliance.id, alliance.id,
                closing && !wasClosed ? ChangeAction.CLOSE : ChangeAction.UPDATE);
        audit.done(AuditAction.UPDATE, AuditedType.ALLIANCE, alliance.id, alliance.id);
        return AllianceView.of(alliance);
    }

    /** The alliance locked, for a change: 404 if the caller cannot see it, 403 if it may only read it. */
    private Alliance forChange(UUID id) {
        Caller me = caller.get();
        Alliance alliance = alliances.lockVisible(me, id).orElseThrow(() -> ApiProblem.notFound("alliance"));
        AllianceScope.requireChangeable(me, alliance.therapistId);
        return alliance;
    }

    /** The alliance locked, for a change to it or its journal: 404 if the caller cannot see it, 403 if it may only read it. */
    public Alliance lockForChange(UUID id) {
        return forChange(id);
    }

    /** The alliance locked, for a caller that may see it but not change it (a supervisor co-signing); 404 otherwise. */
    public Alliance lockVisible(UUID id) {
        return alliances.lockVisible(caller.get(), id).orElseThrow(() -> ApiProblem.notFound("alliance"));
    }

    /** The alliance if the caller may see it, or 404 exactly as for an alliance that does not exist. */
    public Alliance visible(UUID id) {
        return alliances.findVisible(caller.get(), id).orElseThrow(() -> ApiProblem.notFound("alliance"));
    }

    /** The alliance, locked, for work that adds to it; 403 if the caller may only read it, 409 once it is closed. */
    public Alliance openForWork(UUID id) {
        Alliance alliance = forChange(id);
        if (alliance.status.isClosed()) {
            throw ApiProblem.conflict("The alliance is closed; reopen it (status ACTIVE) to add to it");
        }
        return alliance;
    }
}
