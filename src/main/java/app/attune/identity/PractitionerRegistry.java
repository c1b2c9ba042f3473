package app.attune.identity;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Finds the practitioner a token names, registering the organization and practitioner the first
 * time they are seen. Registration commits on its own, so a request that fails later never
 * leaves an id cached that is not stored. The stored record is read on every request: an admin's
 * change of roles or deactivation takes effect at the caller's next request.
 */
@ApplicationScoped
public class PractitionerRegistry {

    private final Map<String, UUID> organizations = new ConcurrentHashMap<>();
    private final DataSource dataSource;

    PractitionerRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The caller with its effective roles: claimed by the token and granted by its record, none when inactive. */
    Caller resolve(String orgKey, String subject, String displayName, Set<String> claimedRoles) throws SQLException {
        Set<String> claimed = new HashSet<>(claimedRoles);
        claimed.retainAll(Roles.ALL);
        try (Connection connection = dataSource.getConnection()) {
            // Every request of a known practitioner: one select, no transaction to begin and commit.
            UUID knownOrganization = organizations.get(orgKey);
            Caller known = knownOrganization == null ? null : find(connection, knownOrganization, subject, claimed);
            if (known != null) {
                return known;
            }
            connection.setAutoCommit(false);
            try {
                UUID organizationId = organization(connection, orgKey);
                Caller caller = practitioner(connection, organizationId, subject, displayName, claimed);
                connection.commit();
                return caller;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private UUID organization(Connection connection, String orgKey) throws SQLException {
        UUID known = organizations.get(orgKey);
        if (known != null) {
            return known;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into organization (id, org_key) values (?, ?) on conflict (org_key) do nothing")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, orgKey);
            insert.executeUpdate();
        }
        UUID id;
        try (PreparedStatement select = connection.prepareStatement("select id from organization where org_key = ?")) {
            select.setString(1, orgKey);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                id = row.getObject(1, UUID.class);
            }
        }
        // The report thresholds start at the instruments' published defaults; the audit chain at its genesis.
        try (PreparedStatement settings = connection.prepareStatement("""
                insert into organization_settings (organization_id, srs_cutoff, srs_item_floor, ors_cutoff,
                    ors_reliable_change, repair_window_sessions, open_rupture_limit_days)
                values (?, 36, 9, 25, 5, 3, 21) on conflict (organization_id) do nothing""");
                PreparedStatement chain = connection.prepareStatement(
                        "insert into audit_chain (organization_id) values (?) on conflict do nothing")) {
            settings.setObject(1, id);
            settings.executeUpdate();
            chain.setObject(1, id);
            chain.executeUpdate();
        }
        // Cached once committed; a rollback before then only costs a second lookup.
        connection.commit();
        organizations.put(orgKey, id);
        return id;
    }

    private static Caller practitioner(Connection connection, UUID organizationId, String subject, String displayName,
            Set<String> claimed) throws SQLException {
        Caller known = find(connection, organizationId, subject, claimed);
        if (known != null) {
            return known;
        }
        // First sight: the record grants what the identity provider granted, until an admin says otherwise.
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into practitioner (id, organization_id, subject, display_name, roles)
                values (?, ?, ?, ?, ?) on conflict (organization_id, subject) do nothing""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, organizationId);
            insert.setString(3, subject);
            insert.setString(4, displayName);
            insert.setArray(5, connection.createArrayOf("text", claimed.stream().sorted().toArray()));
            insert.executeUpdate();
        }
        return practitioner(connection, organizationId, subject, displayName, claimed);
    }

    /** The practitioner as its record says, or null when there is no record yet. */
    private static Caller find(Connection connection, UUID organizationId, String subject, Set<String> claimed)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select id, roles, active from practitioner where organization_id = ? and subject = ?")) {
            select.setObject(1, organizationId);
            select.setString(2, subject);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? effective(row.getObject(1, UUID.class), organizationId, claimed, row.getArray(2),
                        row.getBoolean(3)) : null;
            }
        }
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
