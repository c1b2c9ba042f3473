package app.attune.clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The service's one clock: UTC, ticking in microseconds, PostgreSQL's precision, so that a time
 * the service answers with is the time it stored. Every service reads the time from it, so a test
 * can pin it. Leases and expiries compared in SQL use the database's now(), the one clock all
 * replicas share.
 */
public class ServiceClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.of(1, ChronoUnit.MICROS));
    }
}
