package app.attune.practitioner;

import app.attune.api.ApiProblem;
import app.attune.api.InputErrors;
import app.attune.api.MergePatch.Patch;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.Versions;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.idempotency.ReplayedResource;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import app.attune.identity.Roles;
import app.attune.query.Filter;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Practitioner administration within the admin's organization, and each caller's own record. */
@ApplicationScoped
public class PractitionerService {

    private final CurrentCaller caller;
    private final AuditTrail audit;
    private final Clock clock;

    PractitionerService(CurrentCaller caller, AuditTrail audit, Clock clock) {
        this.caller = caller;
        this.audit = audit;
        this.clock = clock;
    }

    /** A replayed answer that shows a practitioner is a read of that practitioner. */
    @Produces
    static ReplayedResource replayed(PractitionerService practitioners) {
        return new ReplayedResource("practitioners", practitioners::get);
    }

    @Transactional
    public PractitionerView me() {
        Caller who = caller.get();
        Practitioner me = Practitioner.<Practitioner>find("id = ?1 and organizationId = ?2", who.practitionerId(),
                who.organizationId()).singleResult();
        audit.done(AuditAction.READ, AuditedType.PRACTITIONER, me.id, null);
        return PractitionerView.of(me);
    }

    @Transactional
    public PractitionerView register(NewPractitioner request) {
        Caller me = caller.get();
        InputErrors errors = new InputErrors();
        checkSupervisor(me, null, request.supervisorId(), errors);
        errors.throwIfAny();
        if (Practitioner.count("organizationId = ?1 and subject = ?2", me.organizationId(), request.subject()) > 0) {
            throw ApiProblem.conflict("A practitioner with that subject is already registered");
        }
        Practitioner practitioner = new Practitioner();
        practitioner.id = UUID.randomUUID();
        practitioner.organizationId = me.organizationId();
        practitioner.subject = request.subject();
        request.changes().applyTo(practitioner);
        practitioner.createdAt = OffsetDateTime.now(clock);
        practitioner.updatedAt = practitioner.createdAt;
        practitioner.persistAndFlush();
        audit.done(AuditAction.CREATE, AuditedType.PRACTITIONER, practitioner.id, null);
        return PractitionerView.of(practitioner);
    }

    @Transactional
    public PractitionerView get(UUID id) {
        Practitioner practitioner = inOrganization(id);
        audit.done(AuditAction.READ, AuditedType.PRACTITIONER, practitioner.id, null);
        return PractitionerView.of(practitioner);
    }

    @Transactional
    public Page<PractitionerView> list(String role, Boolean active, PageRequest page) {
        Filter filter = Filter.where("organizationId = :org", "org", caller.get().organizationId())
                .andIf("array_contains(roles, :role)", "role", role)
                .andIf("active = :active", "active", active);
        var query = Practitioner.<Practitioner>find(filter.clause(), Sort.by("subject").and("id"), filter.parameters())
                .page(page.page(), page.size());
        Page<PractitionerView> found = Page.of(query.list().stream().map(PractitionerView::of).toList(), page, query.count());
        audit.done(AuditAction.LIST, AuditedType.PRACTITIONER, null, null);
        return found;
    }

    @Transactional
    public PractitionerView change(UUID id, long expectedVersion, Patch<PractitionerChanges> patch) {
        Caller me = caller.get();
        Practitioner practitioner = inOrganization(id);
        Versions.check(expectedVersion, practitioner.version);
        PractitionerChanges changes = patch.over(PractitionerChanges.of(practitioner));
        InputErrors errors = new InputErrors();
        if (!java.util.Objects.equals(changes.supervisorId(), practitioner.supervisorId)) {
            checkSupervisor(me, practitioner.id, changes.supervisorId(), errors);
        }
        errors.throwIfAny();
        if (practitioner.id.equals(me.practitionerId()) && (!changes.active() || !changes.roles().contains(Roles.ADMIN))) {
            // Keeps an organization from locking out the admin making the change.
            throw ApiProblem.conflict("An admin may not remove its own admin role or deactivate itself");
        }
        if (!changes.roles().contains(Roles.SUPERVISOR) && practitioner.holds(Roles.SUPERVISOR)
                && Practitioner.count("supervisorId", practitioner.id) > 0) {
            throw ApiProblem.conflict("The practitioner still supervises others; assign them another supervisor first");
        }
        changes.applyTo(practitioner);
        practitioner.updatedAt = OffsetDateTime.now(clock);
        practitioner.persistAndFlush();
        audit.done(AuditAction.UPDATE, AuditedType.PRACTITIONER, practitioner.id, null);
        return PractitionerView.of(practitioner);
    }

    private Practitioner inOrganization(UUID id) {
        return Practitioner.<Practitioner>find("id = ?1 and organizationId = ?2", id, caller.get().organizationId())
                .firstResultOptional().orElseThrow(() -> ApiProblem.notFound("practitioner"));
    }

    /** A supervisor is another active practitioner of the organization who holds the supervisor role. */
    private static void checkSupervisor(Caller me, UUID practitionerId, UUID supervisorId, InputErrors errors) {
        if (supervisorId == null) {
            return;
        }
        if (supervisorId.equals(practitionerId)) {
            errors.add("supervisorId", "a practitioner cannot supervise itself");
        } else if (Practitioner.count("id = ?1 and organizationId = ?2 and active = true and array_contains(roles, ?3)",
                supervisorId, me.organizationId(), Roles.SUPERVISOR) == 0) {
            errors.add("supervisorId", "no active supervisor with that id");
        }
    }

}
