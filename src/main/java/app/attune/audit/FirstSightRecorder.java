package app.attune.audit;

import app.attune.identity.Caller;
import app.attune.identity.FirstSight;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A practitioner's registration on first sight and its audit event, committed together. */
@ApplicationScoped
class FirstSightRecorder implements FirstSight {

    private final AuditTrail audit;
    private final EntityManager em;

    FirstSightRecorder(AuditTrail audit, EntityManager em) {
        this.audit = audit;
        this.em = em;
    }

    @Override
    public boolean register(UUID organizationId, String subject, String displayName, Set<String> roles, String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            UUID id = UUID.randomUUID();
            List<?> inserted = em.createNativeQuery("""
                    insert into practitioner (id, organization_id, subject, display_name, roles)
                    values (?1, ?2, ?3, ?4, cast(?5 as text[])) on conflict (organization_id, subject) do nothing
                    returning id""")
                    .setParameter(1, id).setParameter(2, organizationId).setParameter(3, subject).setParameter(4, displayName)
                    .setParameter(5, "{" + String.join(",", roles.stream().sorted().toList()) + "}")
                    .getResultList();
            if (inserted.isEmpty()) {
                return false;
            }
            audit.registered(new Caller(id, organizationId, roles), requestId);
            return true;
        });
    }
}
