package app.attune.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Finds the practitioner a token names in an organization the operator provisioned, registering
 * the practitioner the first time it is seen with the clinical roles its token carries; admin and
 * integration are only ever granted. Registration commits on its own, with its audit event, so a
 * request that fails later never leaves a half-registered practitioner. The stored records are read on every
 * request: an admin's change of roles, a deactivation or the operator's suspension of the
 * organization takes effect at the caller's next request.
 */
@ApplicationScoped
public class PractitionerRegistry {

    private final DataSource dataSource;
    private final FirstSight firstSight;

    PractitionerRegistry(DataSource dataSource, FirstSight firstSight) {
        this.dataSource = dataSource;
        this.firstSight = firstSight;
    }

    /** The caller with its effective roles: claimed by the token and granted by its record, none when inactive. */
    Caller resolve(String orgKey, String subject, String displayName, Set<String> claimedRoles, String requestId)
            throws SQLException, UnknownOrganization {
        Set<String> claimed = new HashSet<>(claimedRoles);
        claimed.retainAll(Roles.ALL);
        try (Connection connection = dataSource.getConnection()) {
            // Every request of a known practitioner: one select, no transaction to begin and commit.
            Found found = find(connection, orgKey, subject, claimed);
            if (found.caller() != null) {
                return found.caller();
            }
            // First sight: the record grants the clinical roles the identity provider granted, until an
            // admin says otherwise; the registration commits with its audit event.
            Set<String> clinical = new HashSet<>(claimed);
            clinical.retainAll(Roles.CLINICAL);
            firstSight.register(found.organizationId(), subject, displayName, clinical, requestId);
            return find(connection, orgKey, subject, claimed).caller();
        }
    }

    /** The organization, and the practitioner as its record says (null when there is no record yet). */
    private static Found find(Connection connection, String orgKey, String subject, Set<String> claimed)
            throws SQLException, UnknownOrganization {
        try (PreparedStatement select = connection.prepareStatement("""
                select o.id, o.suspended, p.id, p.roles, p.active
                from organization o left join practitioner p on p.organization_id = o.id and p.subject = ?
                where o.org_key = ?""")) {
            select.setString(1, subject);
            select.setString(2, orgKey);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getBoolean(2)) {
                    throw new UnknownOrganization();
                }
                UUID organizationId = row.getObject(1, UUID.class);
                UUID practitionerId = row.getObject(3, UUID.class);
                return new Found(organizationId, practitionerId == null ? null
                        : effective(practitionerId, organizationId, claimed, row.getArray(4), row.getBoolean(5)));
            }
        }
    }

    private record Found(UUID organizationId, Caller caller) {
    }

    private static Caller effective(UUID id, UUID organizationId, Set<String> claimed, Array granted, boolean active)
            throws SQLException {
        Set<String> roles = new HashSet<>(claimed);
        if (!active) {
            roles.clear();
        } else {
            roles.retainAll(Arrays.asList((String[]) granted.getArray()));
        }
        return new Caller(id, organizationId, roles);
    }
}
