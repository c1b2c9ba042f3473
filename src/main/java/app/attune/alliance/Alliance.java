package app.attune.alliance;

import app.attune.database.TenantKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;

/** One therapist working with one client, from its start to its close. */
@Entity
@IdClass(TenantKey.class)
@Table(name = "alliance")
public class Alliance extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
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

    /** A couple's, family's or group's participants by label; empty for an individual alliance. */
    @ElementCollection
    // Keyed by alliance and organization, so that every statement about participants names the organization.
    @CollectionTable(name = "alliance_participant", joinColumns = {@JoinColumn(name = "alliance_id", referencedColumnName = "id"),
            @JoinColumn(name = "organization_id", referencedColumnName = "organization_id")})
    @Column(name = "label", nullable = false)
    // A page of alliances reads its participants in one statement, if read before anything flushes
    // the session (a flush forgets which collections are waiting to be loaded).
    @BatchSize(size = 100)
    public Set<String> participants = new LinkedHashSet<>();

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

    /**
     * Changes the participants in place: Hibernate then deletes only the labels that went, which
     * the database refuses while a measure names them.
     */
    void nameParticipants(Collection<String> labels) {
        participants.retainAll(labels);
        participants.addAll(labels);
    }

    /** The participants in label order, as the API shows them. */
    public List<String> participantList() {
        return participants.stream().sorted().toList();
    }

    /** Sessions cannot precede the alliance's start date, read in the earliest time zone. */
    public boolean startedBy(OffsetDateTime moment) {
        return !moment.isBefore(firstMomentOf(startedOn));
    }
}
