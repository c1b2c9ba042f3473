package app.attune.audit;

import app.attune.identity.Caller;
import app.attune.identity.FirstSight;
import jakarta.enterprise.context.ApplicationScoped;

/** Puts a practitioner's registration on first sight in its organization's audit trail. */
@ApplicationScoped
class FirstSightRecorder implements FirstSight {

    private final AuditTrail audit;

    FirstSightRecorder(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void registered(Caller practitioner, String requestId) {
        audit.registered(practitioner, requestId);
    }
}
