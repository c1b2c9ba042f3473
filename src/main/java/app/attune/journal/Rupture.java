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
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tagged misattunement event, surfaced in one session and open until a repair resolves it. */
@Entity
@IdClass(TenantKey.class)
@Table(name = "rupture")
public class Rupture extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(name = "organization_id", nullable = false, updatable = false)
    public UUID organizationId;

    @Column(name = "alliance_id", nullable = false, updatable = false)
    public UUID allianceId;

    @Column(name = "session_id", nullable = false, updatable = false)
    public UUID sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuptureType type;

    /** Marker codes (see {@link RuptureMarker}), stored as text[]. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] markers = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] tags = new String[0];

    @Enumerated(EnumType.STRING)
    public AllianceDimension dimension;

    @Column(nullable = false)
    public short significance;

    @Column(name = "therapist_contribution")
    public Short therapistContribution;

    @Enumerated(EnumType.STRING)
    @Column(name = "reported_by", nullable = false)
    public Reporter reportedBy;

    @Column(name = "minute_in_session")
    public Integer minuteInSession;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuptureStatus status;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
