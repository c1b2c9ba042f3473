package app.attune.client;

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

/** A pseudonymous person in care: no more identifying data than the work needs. */
@Entity
@IdClass(TenantKey.class)
@Table(name = "client")
public class Client extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(name = "organization_id", nullable = false, updatable = false)
    public UUID organizationId;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "display_label")
    public String displayLabel;

    @Column(name = "birth_year")
    public Integer birthYear;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
