package app.attune.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A tenant: a practice, clinic or EHR customer the operator provisioned. */
@Entity
@Table(name = "organization")
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The value its tokens carry in their `org` claim. */
    @Column(name = "org_key", nullable = false, updatable = false)
    public String key;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    /** A suspended organization's tokens are refused; its data stays. */
    @Column(nullable = false)
    public boolean suspended;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
