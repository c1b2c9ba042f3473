package app.attune.organization;

import app.attune.api.ApiProblem;
import app.attune.api.MergePatch.Patch;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.Versions;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The operator's provisioning of organizations: an organization exists, with its first admin,
 * its report settings and the start of its audit trail, only once the operator created it.
 */
@ApplicationScoped
public class OrganizationService {

    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;

    OrganizationService(EntityManager em, AuditTrail audit, Clock clock) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public OrganizationView provision(NewOrganization request) {
        if (serves(request.key())) {
            throw ApiProblem.conflict("An organization with that key is already served");
        }
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.key = request.key();
        request.changes().applyTo(organization);
        organization.createdAt = OffsetDateTime.now(clock);
        organization.persistAndFlush();
        // The report thresholds start at the instruments' published defaults; the audit chain at its genesis.
        em.createNativeQuery("""
                insert into organization_settings (organization_id, srs_cutoff, srs_item_floor, ors_cutoff,
                    ors_reliable_change, repair_window_sessions, open_rupture_limit_days)
                values (?1, 36, 9, 25, 5, 3, 21)""").setParameter(1, organization.id).executeUpdate();
        em.createNativeQuery("insert into audit_chain (organization_id) values (?1)").setParameter(1, organization.id)
                .executeUpdate();
        UUID admin = UUID.randomUUID();
        em.createNativeQuery("insert into practitioner (id, organization_id, subject, roles) values (?1, ?2, ?3, '{admin}')")
                .setParameter(1, admin).setParameter(2, organization.id).setParameter(3, request.firstAdminSubject())
                .executeUpdate();
        audit.byOperator(organization.id, AuditAction.CREATE, AuditedType.ORGANIZATION, organization.id);
        audit.byOperator(organization.id, AuditAction.CREATE, AuditedType.PRACTITIONER, admin);
        return OrganizationView.of(organization);
    }

    @Transactional
    public boolean serves(String key) {
        return Organization.count("key", key) > 0;
    }

    @Transactional
    public Page<OrganizationView> list(PageRequest page) {
        var query = Organization.<Organization>findAll(Sort.by("createdAt").and("id")).page(page.page(), page.size());
        return Page.of(query.list().stream().map(OrganizationView::of).toList(), page, query.count());
    }

    @Transactional
    public OrganizationView get(UUID id) {
        return OrganizationView.of(find(id));
    }

    @Transactional
    public OrganizationView change(UUID id, long expectedVersion, Patch<OrganizationChanges> patch) {
        Organization organization = find(id);
        Versions.check(expectedVersion, organization.version);
        OrganizationChanges changes = patch.over(OrganizationChanges.of(organization));
        changes.applyTo(organization);
        organization.persistAndFlush();
        audit.byOperator(organization.id, AuditAction.UPDATE, AuditedType.ORGANIZATION, organization.id);
        return OrganizationView.of(organization);
    }

    private static Organization find(UUID id) {
        return Organization.<Organization>findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("organization"));
    }
}
