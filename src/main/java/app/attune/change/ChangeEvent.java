package app.attune.change;

import app.attune.audit.AuditedType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One entry of an organization's change feed; written by {@link ChangeFeed} only. */
@Entity
@Immutable
@Table(name = "change_event")
@IdClass(ChangeEvent.Key.class)
public class ChangeEvent extends PanacheEntityBase {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Id
    public long position;

    @Enumerated(EnumType.STRING)
    @Column(name = "resource_type")
    public AuditedType resourceType;

    @Column(name = "resource_id")
    public UUID resourceId;

    @Column(name = "alliance_id")
    public UUID allianceId;

    @Enumerated(EnumType.STRING)
    public ChangeAction action;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    /** The event's place in its organization's feed. */
    public static class Key implements Serializable {

        public UUID organizationId;
        public long position;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && position == key.position && Objects.equals(organizationId, key.organizationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, position);
        }
    }
}
