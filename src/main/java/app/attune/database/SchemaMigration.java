package app.attune.database;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    private final Flyway flyway;
    private final Event<SchemaReady> ready;
    private volatile boolean migrated;
    private volatile boolean retrying;

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
            retrying = true;
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (!retrying) {
            return;
        }
        try {
            if (tryMigrate()) {
                retrying = false;
                LOG.info("The database is reachable and its schema is up to date");
            }
        } catch (RuntimeException e) {
            retrying = false; // logged by tryMigrate: it needs a person, not a retry every second
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
