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

/** One meeting (or missed meeting) of an alliance, with its progress note. */
@Entity
@IdClass(TenantKey.class)
@Table(name = "session")
public class TherapySession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(name = "organization_id", nullable = false, updatable = false)
    public UUID organizationId;

    @Column(name = "alliance_id", nullable = false, updatable = false)
    public UUID allianceId;

    @Column(nullable = false, updatable = false)
    public int number;

    @Column(name = "external_id", updatable = false)
    public String externalId;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    @Enumerated(EnumType.STRING)
    public SessionMode mode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Attendance attendance;

    public String note;

    /** Psychotherapy notes: returned to {@link #privateNoteAuthorId} only, never exported or reported. */
    @Column(name = "private_note")
    public String privateNote;

    @Column(name = "private_note_author_id")
    public UUID privateNoteAuthorId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(name = "signed_at")
    public OffsetDateTime signedAt;

    @Column(name = "signed_by")
    public UUID signedBy;

    /** Signed for a pre-licensed therapist, and neither co-signed nor returned yet by its supervisor. */
    @Column(name = "awaiting_cosign", nullable = false)
    public boolean awaitingCosign;

    @Column(name = "cosigned_by")
    public UUID cosignedBy;

    @Column(name = "cosigned_at")
    public OffsetDateTime cosignedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** Sessions are ordered by when they happened (EHRs backfill), ties by number. */
    public boolean happenedBefore(TherapySession other) {
        int byTime = occurredAt.toInstant().compareTo(other.occurredAt.toInstant());
        return byTime < 0 || byTime == 0 && number < other.number;
    }
}
