package app.attune.journal;

import app.attune.database.TenantKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An action taken on one rupture, in a session (the same or a later one) or between sessions. */
@Entity
@IdClass(TenantKey.class)
@Table(name = "repair")
public class Repair extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(name = "organization_id", nullable = false, updatable = false)
    public UUID organizationId;

    @Column(name = "alliance_id", nullable = false, updatable = false)
    public UUID allianceId;

    @Column(name = "rupture_id", nullable = false, updatable = false)
    public UUID ruptureId;

    /** Null for a repair made between sessions. */
    @Column(name = "session_id", updatable = false)
    public UUID sessionId;

    @Column(name = "performed_at", nullable = false, updatable = false)
    public OffsetDateTime performedAt;

    /** One to four {@link RepairStrategy} codes, the main one first, stored as text[]. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, updatable = false)
    public String[] strategies;

    public List<RepairStrategy> strategyList() {
        return Arrays.stream(strategies).map(RepairStrategy::valueOf).toList();
    }

    @Enumerated(EnumType.STRING)
    @Column(name = "initiated_by", nullable = false, updatable = false)
    public Initiator initiatedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public RepairOutcome outcome;

    @Column(name = "resolution_rating", updatable = false)
    public Short resolutionRating;

    @Column(updatable = false)
    public String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
