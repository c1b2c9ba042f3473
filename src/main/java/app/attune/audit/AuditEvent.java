package app.attune.audit;

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

/** One entry of an organization's audit trail. Written by {@link AuditTrail} only; never changed. */
@Entity
@Immutable
@Table(name = "audit_event")
@IdClass(AuditEvent.Key.class)
public class AuditEvent extends PanacheEntityBase {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Id
    public long seq;

    public UUID id;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "actor_roles")
    public String actorRoles;

    @Enumerated(EnumType.STRING)
    public AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "resource_type")
    public AuditedType resourceType;

    @Column(name = "resource_id")
    public UUID resourceId;

    @Column(name = "alliance_id")
    public UUID allianceId;

    @Enumerated(EnumType.STRING)
    public AuditOutcome outcome;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;

    /** The audit key the hash is keyed with; null for an event hashed before keys existed. */
    @Column(name = "key_id")
    public String keyId;

    /** The event's place in its organization's chain. */
    public static class Key implements Serializable {

        public UUID organizationId;
        public long seq;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && seq == key.seq && Objects.equals(organizationId, key.organizationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organizationId, seq);
        }
    }
}
