package app.attune.research;

import app.attune.config.AttuneConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs queued research exports in the background, one at a time per replica: an export is
 * claimed with SKIP LOCKED, holds a lease it renews as it writes, and is taken up again by any
 * replica once its lease lapses (its worker died). Each round also expires exports past their
 * retention: their chunks are deleted, their record stays.
 */
@ApplicationScoped
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);

    private final AgroalDataSource dataSource;
    private final ExportWriter writer;
    private final Duration retention;
    private volatile boolean stopping;

    ExportWorker(AgroalDataSource dataSource, ExportWriter writer, AttuneConfig config) {
        this.dataSource = dataSource;
        this.writer = writer;
        this.retention = config.researchExport().retention();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${attune.research-export.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void round() {
        try {
            expire();
            Optional<Claim> claimed = claim();
            while (claimed.isPresent() && !stopping) {
                run(claimed.get());
                claimed = claim();
            }
        } catch (SQLException | RuntimeException e) {
            // The database may be away, or not migrated yet; the next round tries again.
            LOG.debugf("A research export round did not run: %s", e.getClass().getSimpleName());
        }
    }

    /** An export and the token of this worker's claim on it. */
    record Claim(UUID exportId, UUID organizationId, UUID token) {
    }

    private void run(Claim claim) throws SQLException {
        UUID id = claim.exportId();
        try {
            ExportWriter.Written written = writer.write(claim);
            if (!finish(claim, written)) {
                LOG.warnf("Research export %s was taken over by another worker before it finished here", id);
            }
        } catch (IOException | SQLException | RuntimeException e) {
            if (stopping) {
                // Cut short by this replica's shutdown: its lease lapses and another replica starts it again.
                return;
            }
            LOG.warnf("Research export %s failed (%s); its partial data is deleted", id, e.getClass().getSimpleName());
            fail(claim);
        }
    }

    private Optional<Claim> claim() throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement claim = db.prepareStatement("""
                update research_export set status = 'RUNNING', claim = gen_random_uuid(),
                       running_until = now() + cast(? as interval)
                where id = (select id from research_export
                            where status = 'QUEUED' or (status = 'RUNNING' and running_until < now())
                            order by created_at limit 1 for update skip locked)
                returning id, organization_id, claim""")) {
            claim.setString(1, ExportWriter.LEASE);
            try (ResultSet row = claim.executeQuery()) {
                return row.next() ? Optional.of(new Claim(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class))) : Optional.empty();
            }
        }
    }

    /** Marks the export DONE if this worker's claim still holds it; false when another took it over. */
    private boolean finish(Claim claim, ExportWriter.Written written) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement done = db.prepareStatement("""
                update research_export set status = 'DONE', rows_written = ?, rows_total = ?, row_counts = ?,
                       bytes = ?, finished_at = now(), expires_at = now() + cast(? as interval), running_until = null,
                       version = version + 1
                where id = ? and organization_id = ? and claim = ? and status = 'RUNNING'""")) {
            done.setLong(1, written.total());
            done.setLong(2, written.total());
            done.setString(3, json(written));
            done.setLong(4, written.bytes());
            done.setString(5, retention.toSeconds() + " seconds");
            done.setObject(6, claim.exportId());
            done.setObject(7, claim.organizationId());
            done.setObject(8, claim.token());
            return done.executeUpdate() == 1;
        }
    }

    /** Marks the export FAILED and deletes its chunks, in one statement, if this worker's claim still holds it. */
    private void fail(Claim claim) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement failed = db.prepareStatement("""
                with failed as (
                    update research_export set status = 'FAILED', finished_at = now(), running_until = null,
                           version = version + 1
                    where id = ? and organization_id = ? and claim = ? returning id)
                delete from research_export_chunk where export_id in (select id from failed) and organization_id = ?""")) {
            failed.setObject(1, claim.exportId());
            failed.setObject(2, claim.organizationId());
            failed.setObject(3, claim.token());
            failed.setObject(4, claim.organizationId());
            failed.executeUpdate();
        }
    }

    /** Deletes the data of exports past their retention; their records stay, EXPIRED. */
    private void expire() throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement expire = db.prepareStatement("""
                with expired as (
                    update research_export set status = 'EXPIRED', version = version + 1
                    where status = 'DONE' and expires_at <= now() returning id, organization_id)
                delete from research_export_chunk where (export_id, organization_id) in (select id, organization_id from expired)""")) {
            expire.executeUpdate();
        }
    }

    /** Rows per file as a JSON object; file names are the writer's own. */
    private static String json(ExportWriter.Written written) {
        StringBuilder json = new StringBuilder("{");
        written.rows().forEach((file, count) -> json.append(json.length() > 1 ? "," : "").append('"').append(file)
                .append("\":").append(count));
        return json.append('}').toString();
    }
}
