package app.attune.journal;

import app.attune.database.TenantKey;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A correction or late entry to a signed session, kept beside the untouched signed note. */
@Entity
@IdClass(TenantKey.class)
@Table(name = "session_addendum")
public class SessionAddendum extends PanacheEntityBase {

    @Id
    public UUID id;

    @Id
    @Column(name = "organization_id", nullable = false, updatable = false)
    public UUID organizationId;

    @Column(name = "session_id", nullable = false, updatable = false)
    public UUID sessionId;

    @Column(name = "author_id", nullable = false, updatable = false)
    public UUID authorId;

    @Column(name = "written_at", nullable = false, updatable = false)
    public OffsetDateTime writtenAt;

    @Column(nullable = false, updatable = false)
    public String text;

    /** ADDENDUM, or RETURN: a supervisor's comment on returning the session to its therapist. */
    @Column(nullable = false, updatable = false)
    public String kind = "ADDENDUM";
}
