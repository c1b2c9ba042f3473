package app.attune.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Removes expired idempotency keys and their stored answers every ten minutes. */
@ApplicationScoped
class ExpiredKeys {

    private static final Logger LOG = Logger.getLogger(ExpiredKeys.class);

    private final IdempotencyKeys keys;

    ExpiredKeys(IdempotencyKeys keys) {
        this.keys = keys;
    }

    @Scheduled(every = "10m", delay = 1, delayUnit = TimeUnit.MINUTES, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            keys.purgeExpired();
        } catch (RuntimeException e) {
            LOG.warn("Purging expired idempotency keys failed; the next round tries again");
        }
    }
}
