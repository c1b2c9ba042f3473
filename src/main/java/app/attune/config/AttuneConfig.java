package app.attune.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every Attune setting, with its default and its bounds, in one place; read at start, so a value
 * out of bounds stops the service before it serves. The README's configuration table lists them
 * as environment variables (ATTUNE_WEBHOOKS_POLL_INTERVAL for attune.webhooks.poll-interval).
 */
@ConfigMapping(prefix = "attune")
public interface AttuneConfig {

    /** The largest request body accepted. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    RateLimit rateLimit();

    Report report();

    ResearchExport researchExport();

    Audit audit();

    Bootstrap bootstrap();

    Idempotency idempotency();

    Webhooks webhooks();

    Sequencer sequencer();

    interface RateLimit {
        /** Requests per practitioner per minute. */
        @WithDefault("600")
        @Min(1)
        int perMinute();
    }

    interface Report {
        /** The longest date range a report or research export may cover. */
        @WithDefault("1830")
        @Min(1)
        int maxRangeDays();
    }

    interface ResearchExport {
        /** Aggregate cells below this count are suppressed. */
        @WithDefault("11")
        @Min(1)
        int minimumCell();

        /** How long an export's data is kept. */
        @WithDefault("P7D")
        Duration retention();

        /** How often a replica looks for queued exports (read by the scheduler through its property). */
        @WithDefault("PT1S")
        Duration pollInterval();
    }

    interface Audit {
        /** The folder of the audit chain's keys. */
        Optional<Path> keyDirectory();

        /** The id of the key new events are hashed with. */
        Optional<String> activeKey();

        /** Whether the service may start without keys (events then carry no keyed hash). */
        @WithDefault("false")
        boolean unkeyedEventsAllowed();
    }

    interface Bootstrap {
        /** An organization provisioned at start, with its first admin. */
        Optional<String> organization();

        Optional<String> adminSubject();
    }

    interface Idempotency {
        /** How long an idempotency key and its stored answer are kept. */
        @WithDefault("PT24H")
        Duration retention();
    }

    interface Webhooks {
        @WithDefault("PT1S")
        Duration pollInterval();

        @WithDefault("PT1S")
        Duration backoffBase();

        @WithDefault("35")
        @Min(1)
        int maxAttempts();

        @WithDefault("PT5S")
        Duration timeout();

        @WithDefault("20")
        @Min(1)
        int maxPerOrganization();

        /** Attempts in flight on this replica. */
        @WithDefault("16")
        @Min(1)
        @Max(256)
        int concurrency();

        @WithDefault("4")
        @Min(1)
        int perOrganization();

        @WithDefault("2")
        @Min(1)
        int perReceiver();

        /** Private networks a receiver may be in (CIDR); none by default. */
        Optional<List<String>> privateReceivers();
    }

    interface Sequencer {
        @WithDefault("PT0.05S")
        Duration pollInterval();

        /** How long a read waits for the sequencer to catch up before answering 503. */
        @WithDefault("PT2S")
        Duration catchUpWait();
    }
}
