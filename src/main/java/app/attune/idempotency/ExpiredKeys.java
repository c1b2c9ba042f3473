package app.attune.idempotency;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Removes expired idempotency keys and their stored answers every ten minutes. */
@ApplicationScoped
class ExpiredKeys {

    private static final Logger LOG = Logger.getLogger(ExpiredKeys.class);

    private final IdempotencyKeys keys;
    private ScheduledExecutorService purges;

    ExpiredKeys(IdempotencyKeys keys) {
        this.keys = keys;
    }

    void onStart(@Observes StartupEvent event) {
        purges = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "idempotency-purge");
            thread.setDaemon(true);
            return thread;
        });
        purges.scheduleWithFixedDelay(this::purge, 1, 10, TimeUnit.MINUTES);
    }

    void onStop(@Observes ShutdownEvent event) {
        purges.shutdownNow();
    }

    private void purge() {
        try {
            keys.purgeExpired();
        } catch (RuntimeException e) {
            LOG.warn("Purging expired idempotency keys failed; the next round tries again");
        }
    }
}
