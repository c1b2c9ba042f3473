package app.attune.organization;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The thresholds an organization's reports use. */
@Entity
@Table(name = "organization_settings")
public class OrganizationSettings extends PanacheEntityBase {

    @Id
    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "srs_cutoff", nullable = false, precision = 3, scale = 1)
    public BigDecimal srsCutoff;

    @Column(name = "srs_item_floor", nullable = false, precision = 3, scale = 1)
    public BigDecimal srsItemFloor;

    @Column(name = "ors_cutoff", nullable = false, precision = 3, scale = 1)
    public BigDecimal orsCutoff;

    @Column(name = "ors_reliable_change", nullable = false, precision = 3, scale = 1)
    public BigDecimal orsReliableChange;

    @Column(name = "repair_window_sessions", nullable = false)
    public int repairWindowSessions;

    @Column(name = "open_rupture_limit_days", nullable = false)
    public int openRuptureLimitDays;

    @Column(name = "srs_drop_points", nullable = false, precision = 3, scale = 1)
    public BigDecimal srsDropPoints;

    /** IANA time zone name: the organization's days, for every date boundary of its reports. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** Rupture tags a research export keeps; it writes "other" for every other tag. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "research_tags", nullable = false, columnDefinition = "text[]")
    public String[] researchTags = new String[0];

    /** Whether a research export keeps the year of each alliance's first session. */
    @Column(name = "research_keeps_year", nullable = false)
    public boolean researchKeepsYear;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;
}
