package app.attune.database;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Brings the schema up to date at start, and keeps trying in the background when the database
 * is not there yet: the service starts live but not ready, and becomes ready once its database
 * appears and is migrated. (The test profile migrates before start, as Quarkus does.)
 */
@Readiness
@ApplicationScoped
public class SchemaMigration implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Flyway flyway;
    private final Event<SchemaReady> ready;
    private volatile boolean migrated;
    private ScheduledExecutorService retries;

    SchemaMigration(Flyway flyway, Event<SchemaReady> ready) {
        this.flyway = flyway;
        this.ready = ready;
    }

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() == LaunchMode.TEST) {
            migrated = true;
            ready.fire(new SchemaReady());
            return;
        }
        if (!tryMigrate()) {
            LOG.warn("The database is not reachable; the service is live but not ready, and retries every second");
            retries = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "schema-migration");
                thread.setDaemon(true);
                return thread;
            });
            retries.scheduleWithFixedDelay(() -> {
                if (tryMigrate()) {
                    LOG.info("The database is reachable and its schema is up to date");
                    retries.shutdown();
                }
            }, RETRY.toMillis(), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    private boolean tryMigrate() {
        try {
            flyway.migrate();
            migrated = true;
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causes(e)) {
                // A migration that fails against a reachable database needs a person, not a retry loop.
                LOG.error("The schema migration failed against a reachable database");
                migrated = false;
                throw e;
            }
            return false;
        }
        ready.fire(new SchemaReady());
        return true;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Database schema").status(migrated).build();
    }
}
