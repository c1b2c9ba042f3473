package app.attune.practitioner;

import app.attune.database.TenantKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person (or an EHR's service account) who signs in with a token whose `sub` is {@link #subject}.
 * Its roles here bound what its token may claim.
 */
@Entity
@IdClass(TenantKey.class)
@Table(name = "practitioner")
public class Practitioner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(name = "organization_id", nullable = false, updatable = false)
    public UUID organizationId;

    @Column(nullable = false, updatable = false)
    public String subject;

    @Column(name = "display_name")
    public String displayName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] roles;

    @Column(name = "supervisor_id")
    public UUID supervisorId;

    @Column(nullable = false)
    public boolean active;

    /** False for a pre-licensed practitioner: the sessions it signs wait for its supervisor's co-signature. */
    @Column(nullable = false)
    public boolean licensed = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public boolean holds(String role) {
        return java.util.Arrays.asList(roles).contains(role);
    }
}
