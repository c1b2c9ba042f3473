package app.attune.webhook;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The operator's attune.webhooks.private-receivers, read once at start (a malformed entry stops it). */
@Startup
@ApplicationScoped
class ReceiverPolicy {

    private final PrivateReceivers allowed;

    ReceiverPolicy(@ConfigProperty(name = "attune.webhooks.private-receivers") Optional<List<String>> entries) {
        this.allowed = entries.map(PrivateReceivers::of).orElse(PrivateReceivers.NONE);
    }

    PrivateReceivers allowed() {
        return allowed;
    }
}
