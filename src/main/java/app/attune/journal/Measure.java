package app.attune.journal;

import app.attune.database.TenantKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** A completed questionnaire attached to a session; its total is computed, never accepted. */
@Entity
@IdClass(TenantKey.class)
@Table(name = "measure")
public class Measure extends PanacheEntityBase {

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
    @Column(nullable = false, updatable = false)
    public Instrument instrument;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Respondent respondent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MeasureTiming timing;

    /** Whose measure it is in a couple, family or group alliance; null otherwise. */
    @Column(updatable = false)
    public String participant;

    @Column(precision = 4, scale = 1, updatable = false)
    public BigDecimal total;

    /** The lowest item score; reports flag an SRS item below the floor from it. */
    @Column(name = "lowest_item", precision = 3, scale = 1, updatable = false)
    public BigDecimal lowestItem;

    /** WAI-SR subscales, stored for reports; null for the other instruments. */
    @Column(precision = 4, scale = 1, updatable = false)
    public BigDecimal task;

    @Column(precision = 4, scale = 1, updatable = false)
    public BigDecimal bond;

    @Column(precision = 4, scale = 1, updatable = false)
    public BigDecimal goal;

    /** PSQ_RUPTURE: whether the client reported a rupture; null for the other instruments. */
    @Column(name = "rupture_reported", updatable = false)
    public Boolean ruptureReported;

    @ElementCollection(fetch = FetchType.LAZY)
    // Keyed by measure and organization, so that every statement about items names the organization.
    @CollectionTable(name = "measure_item", joinColumns = {@JoinColumn(name = "measure_id", referencedColumnName = "id"),
            @JoinColumn(name = "organization_id", referencedColumnName = "organization_id")})
    @MapKeyColumn(name = "item_code")
    @Column(name = "score", precision = 3, scale = 1, nullable = false)
    public Map<String, BigDecimal> items = new TreeMap<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
