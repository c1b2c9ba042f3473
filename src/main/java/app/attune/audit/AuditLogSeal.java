package app.attune.audit;

import app.attune.commit.LogSeal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Commit log seals under the audit keys, so that a forged pending row never enters the chain. */
@ApplicationScoped
class AuditLogSeal implements LogSeal {

    private final AuditKeys keys;

    AuditLogSeal(AuditKeys keys) {
        this.keys = keys;
    }

    @Override
    public String seal(UUID organizationId, UUID id, String events, String changes) {
        AuditKeys.Key key = keys.active();
        return key.id() + ":" + AuditHash.commitLog(key, organizationId, id, events, changes);
    }

    @Override
    public boolean verifies(UUID organizationId, UUID id, String events, String changes, String seal) {
        int colon = seal == null ? -1 : seal.indexOf(':');
        if (colon < 1) {
            return false;
        }
        return keys.named(seal.substring(0, colon)).map(key -> AuditHash.matches(
                AuditHash.commitLog(key, organizationId, id, events, changes), seal.substring(colon + 1))).orElse(false);
    }
}
