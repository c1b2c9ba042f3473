package app.attune.commit;

import app.attune.config.AttuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;

/**
 * Read-your-writes for the feed and the trail: before a reader reads them, it waits (at most
 * attune.sequencer.catch-up-wait) until every transaction of its organization that committed
 * before it began is sequenced, so that a client sees its own last request. Takes no lock.
 */
@ApplicationScoped
public class SequencedReads {

    private final EntityManager em;
    private final Duration longestWait;

    SequencedReads(EntityManager em, AttuneConfig config) {
        this.em = em;
        this.longestWait = config.sequencer().catchUpWait();
    }

    /**
     * Waits until the organization's commits up to now are sequenced, checking less and less often,
     * at most the longest wait; at once when the oldest of them has waited longer than that already
     * (the sequencer is stalled: the answer is then stale rather than slow).
     */
    public void awaitCaughtUp(UUID organizationId) {
        long upTo = ((Number) em.createNativeQuery("select last_value from commit_ticket").getSingleResult()).longValue();
        long deadline = System.nanoTime() + longestWait.toNanos();
        long pause = 2;
        while (true) {
            Object oldest = em.createNativeQuery("""
                    select extract(epoch from clock_timestamp() - min(written_at)) from pending_commit
                    where organization_id = ?1 and ticket <= ?2""")
                    .setParameter(1, organizationId).setParameter(2, upTo).getSingleResult();
            if (oldest == null || ((Number) oldest).doubleValue() > longestWait.toMillis() / 1000.0
                    || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
