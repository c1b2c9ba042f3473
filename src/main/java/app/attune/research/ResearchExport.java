package app.attune.research;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A research export: what was asked, by whom, and how far it got. Its data lives in chunks until it expires. */
@Entity
@IdClass(TenantKey.class)
@Table(name = "research_export")
public class ResearchExport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(name = "organization_id", nullable = false, updatable = false)
    public UUID organizationId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public UUID requestedBy;

    @Column(name = "from_day", nullable = false, updatable = false)
    public LocalDate fromDay;

    @Column(name = "to_day", nullable = false, updatable = false)
    public LocalDate toDay;

    @Column(name = "ended_only", nullable = false, updatable = false)
    public boolean endedOnly;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ResearchExportStatus status;

    @Column(name = "rows_total")
    public Long rowsTotal;

    @Column(name = "rows_written", nullable = false)
    public long rowsWritten;

    /** Rows per file of the ZIP as a JSON object; set by the worker when the export is done. */
    @Column(name = "row_counts")
    public String rowCounts;

    public Long bytes;

    @Column(name = "running_until")
    public OffsetDateTime runningUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Version
    public long version;
}
