package app.attune.database;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The key of a row that belongs to one organization: its id and its organization's, as the table's
 * primary key has them (V17). Mapped as the entity's id, it makes every statement Hibernate writes
 * about the row (its update, delete, refresh or load) name the organization, as a distributed engine
 * needs to route it.
 */
public class TenantKey implements Serializable {

    public UUID id;
    public UUID organizationId;

    public TenantKey() {
    }

    public TenantKey(UUID id, UUID organizationId) {
        this.id = id;
        this.organizationId = organizationId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantKey key && Objects.equals(id, key.id) && Objects.equals(organizationId, key.organizationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, organizationId);
    }
}
