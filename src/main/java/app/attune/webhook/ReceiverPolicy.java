package app.attune.webhook;

import app.attune.config.AttuneConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;

/**
 * Where webhooks may go: the operator's attune.webhooks.private-receivers, read once at start (a
 * malformed entry stops it), applied to what the host resolver answers.
 */
@Startup
@ApplicationScoped
class ReceiverPolicy {

    private final PrivateReceivers allowed;
    private final HostResolver resolver;

    ReceiverPolicy(Instance<HostResolver> resolver, AttuneConfig config) {
        Optional<List<String>> entries = config.webhooks().privateReceivers();
        this.allowed = entries.map(PrivateReceivers::of).orElse(PrivateReceivers.NONE);
        this.resolver = resolver.isResolvable() ? resolver.get() : HostResolver.SYSTEM;
    }

    /** The URL's receiver, resolved once and checked: the address to connect to, or why there is none. */
    ReceiverAddress.Checked check(String url) {
        return ReceiverAddress.check(url, allowed, resolver);
    }
}
