package app.attune.change;

import app.attune.audit.AuditedType;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The changes a transaction made, held until its audit event hands them their feed positions. */
@TransactionScoped
public class PendingChanges implements Serializable {

    record Change(AuditedType type, UUID resourceId, UUID allianceId, ChangeAction action) {
    }

    private final List<Change> changes = new ArrayList<>();

    void add(Change change) {
        changes.add(change);
    }

    List<Change> drain() {
        List<Change> drained = List.copyOf(changes);
        changes.clear();
        return drained;
    }
}
