package app.attune.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * A practitioner's supervision link, read-only here: reports use it to find a supervisor's
 * supervisees. Practitioners are registered from tokens by {@link PractitionerRegistry}.
 */
@Entity
@Immutable
@Table(name = "practitioner")
public class SupervisedPractitioner {

    @Id
    public UUID id;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Column(name = "supervisor_id")
    public UUID supervisorId;
}
