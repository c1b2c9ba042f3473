package app.attune.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registers organizations and practitioners the first time a token names them. Registration
 * commits on its own, so a request that fails later never leaves an id cached that is not stored.
 */
@ApplicationScoped
public class PractitionerRegistry {

    private final Map<String, UUID> organizations = new ConcurrentHashMap<>();
    private final Map<String, UUID> practitioners = new ConcurrentHashMap<>();
    private final EntityManager em;

    PractitionerRegistry(EntityManager em) {
        this.em = em;
    }

    UUID organization(String orgKey) {
        UUID known = organizations.get(orgKey);
        if (known != null) {
            return known;
        }
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("insert into organization (id, org_key) values (?1, ?2) on conflict (org_key) do nothing")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, orgKey).executeUpdate();
            UUID organizationId = (UUID) em.createNativeQuery("select id from organization where org_key = ?1", UUID.class)
                    .setParameter(1, orgKey).getSingleResult();
            // The report thresholds start at the instruments' published defaults.
            em.createNativeQuery("""
                    insert into organization_settings (organization_id, srs_cutoff, srs_item_floor, ors_cutoff,
                        ors_reliable_change, repair_window_sessions, open_rupture_limit_days)
                    values (?1, 36, 9, 25, 5, 3, 21) on conflict (organization_id) do nothing""")
                    .setParameter(1, organizationId).executeUpdate();
            return organizationId;
        });
        organizations.put(orgKey, id);
        return id;
    }

    UUID practitioner(UUID organizationId, String subject, String displayName, String roles) {
        String key = organizationId + "\n" + subject;
        UUID known = practitioners.get(key);
        if (known != null) {
            return known;
        }
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                    insert into practitioner (id, organization_id, subject, display_name, roles)
                    values (?1, ?2, ?3, ?4, string_to_array(?5, ',')) on conflict (organization_id, subject) do nothing""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, organizationId).setParameter(3, subject)
                    .setParameter(4, displayName).setParameter(5, roles).executeUpdate();
            return (UUID) em.createNativeQuery(
                    "select id from practitioner where organization_id = ?1 and subject = ?2", UUID.class)
                    .setParameter(1, organizationId).setParameter(2, subject).getSingleResult();
        });
        practitioners.put(key, id);
        return id;
    }
}
