package app.attune.alliance;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One therapist working with one client, from its start to its close. */
@Entity
@Table(name = "alliance")
public class Alliance extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    public UUID organizationId;

    @Column(name = "client_id", nullable = false, updatable = false)
    public UUID clientId;

    @Column(name = "therapist_id", nullable = false, updatable = false)
    public UUID therapistId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AllianceFormat format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AllianceStatus status;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** The earliest instant anywhere on earth that falls on the given date (UTC+14). */
    public static OffsetDateTime firstMomentOf(LocalDate date) {
        return date.atStartOfDay().atOffset(ZoneOffset.ofHours(14));
    }

    /** Sessions cannot precede the alliance's start date, read in the earliest time zone. */
    public boolean startedBy(OffsetDateTime moment) {
        return !moment.isBefore(firstMomentOf(startedOn));
    }
}
