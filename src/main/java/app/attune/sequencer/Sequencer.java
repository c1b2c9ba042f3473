package app.attune.sequencer;

import app.attune.audit.AuditChain;
import app.attune.change.ChangeFeed;
import app.attune.commit.CommitLog;
import app.attune.webhook.Outbox;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Numbers and chains what transactions logged at commit (see V11 for the rule). One sequencer is
 * active per organization across every replica: the one whose connection holds the
 * organization's advisory lock, taken when it first finds work there and held while that
 * connection lives, so that another replica takes over at its next round when the holder dies.
 * Each round of an organization is one transaction that locks the chain's head first, so even two
 * sequencers could only take turns.
 */
@ApplicationScoped
public class Sequencer {

    private static final Logger LOG = Logger.getLogger(Sequencer.class);
    private static final int BATCH = 500;
    private static final TypeReference<List<CommitLog.AuditEntry>> EVENTS = new TypeReference<>() {
    };
    private static final TypeReference<List<CommitLog.ChangeEntry>> CHANGES = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final AuditChain chain;
    private final ChangeFeed feed;
    private final ObjectMapper mapper;
    private final Duration pollInterval;
    private final Timer lag;
    private final Semaphore wake = new Semaphore(0);
    private final Set<UUID> held = new HashSet<>();
    private volatile boolean running;
    private Thread thread;
    private Connection connection;

    Sequencer(DataSource dataSource, AuditChain chain, ChangeFeed feed, ObjectMapper mapper, MeterRegistry metrics,
            @ConfigProperty(name = "attune.sequencer.poll-interval") Duration pollInterval) {
        this.dataSource = dataSource;
        this.chain = chain;
        this.feed = feed;
        this.mapper = mapper;
        this.pollInterval = pollInterval;
        this.lag = Timer.builder("attune.sequencer.lag").description("From a transaction's commit log to its sequencing")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** A transaction of this process committed a log: sequence it now rather than at the next poll. */
    void onCommit(@Observes CommitLog.Committed committed) {
        wake.release();
    }

    synchronized void start() {
        if (thread == null) {
            running = true;
            thread = new Thread(this::run, "sequencer");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Stops, releasing every organization it held (its connection closes), so another replica takes over. */
    synchronized void stop() {
        if (thread != null) {
            running = false;
            wake.release();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        while (running) {
            try {
                boolean more = round();
                if (!more) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                // The database may be away, or the connection was cut: its locks are gone, start afresh.
                LOG.warn("A sequencer round failed; the pending commits are kept and retried");
                disconnect();
                sleepQuietly();
            }
        }
        disconnect();
    }

    /** One pass over the organizations with pending commits; true when some organization may have more. */
    private boolean round() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (Statement name = connection.createStatement()) {
                name.execute("set application_name = 'attune-sequencer'");
            }
        }
        List<UUID> organizations = new ArrayList<>();
        try (Statement pending = connection.createStatement();
                ResultSet rows = pending.executeQuery("select distinct organization_id from pending_commit")) {
            while (rows.next()) {
                organizations.add(rows.getObject(1, UUID.class));
            }
        }
        boolean more = false;
        for (UUID organization : organizations) {
            if (held.contains(organization) || lock(organization)) {
                more |= sequence(organization) == BATCH;
            }
        }
        return more;
    }

    private boolean lock(UUID organization) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(hashtextextended(?, 11))")) {
            lock.setString(1, "sequencer:" + organization);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                if (row.getBoolean(1)) {
                    held.add(organization);
                    return true;
                }
                return false;
            }
        }
    }

    /** Sequences the organization's committed logs, smallest ticket first, in one transaction; returns how many. */
    private int sequence(UUID organization) throws SQLException {
        connection.setAutoCommit(false);
        try {
            long lastSeq;
            String lastHash;
            long lastChange;
            try (PreparedStatement head = connection.prepareStatement(
                    "select last_seq, last_hash, last_change from audit_chain where organization_id = ? for update")) {
                head.setObject(1, organization);
                try (ResultSet row = head.executeQuery()) {
                    row.next();
                    lastSeq = row.getLong(1);
                    lastHash = row.getString(2);
                    lastChange = row.getLong(3);
                }
            }
            List<UUID> done = new ArrayList<>();
            List<CommitLog.AuditEntry> events = new ArrayList<>();
            List<CommitLog.ChangeEntry> changes = new ArrayList<>();
            List<OffsetDateTime> writtenAt = new ArrayList<>();
            // Read after the head's lock: what an earlier holder sequenced is gone from here.
            try (PreparedStatement pending = connection.prepareStatement("""
                    select id, events, changes, written_at from pending_commit
                    where organization_id = ? order by ticket limit ?""")) {
                pending.setObject(1, organization);
                pending.setInt(2, BATCH);
                try (ResultSet rows = pending.executeQuery()) {
                    while (rows.next()) {
                        done.add(rows.getObject(1, UUID.class));
                        events.addAll(mapper.readValue(rows.getString(2), EVENTS));
                        changes.addAll(mapper.readValue(rows.getString(3), CHANGES));
                        writtenAt.add(rows.getObject(4, OffsetDateTime.class));
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("a pending commit does not read back", e);
                }
            }
            if (done.isEmpty()) {
                connection.rollback();
                return 0;
            }
            AuditChain.Head head = chain.append(connection, organization, new AuditChain.Head(lastSeq, lastHash), events);
            long position = lastChange;
            if (!changes.isEmpty()) {
                ChangeFeed.Appended appended = feed.append(connection, organization, lastChange, changes);
                Outbox.enqueue(connection, organization, appended.positions(), appended.eventTypes(), appended.payloads());
                position = appended.lastPosition();
            }
            try (PreparedStatement remove = connection.prepareStatement("delete from pending_commit where id = any(?)");
                    PreparedStatement advance = connection.prepareStatement(
                            "update audit_chain set last_seq = ?, last_hash = ?, last_change = ? where organization_id = ?")) {
                remove.setArray(1, connection.createArrayOf("uuid", done.toArray()));
                remove.executeUpdate();
                advance.setLong(1, head.seq());
                advance.setString(2, head.hash());
                advance.setLong(3, position);
                advance.setObject(4, organization);
                advance.executeUpdate();
            }
            connection.commit();
            OffsetDateTime now = OffsetDateTime.now();
            for (OffsetDateTime written : writtenAt) {
                lag.record(Duration.between(written, now));
            }
            return done.size();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Gives the connection back without the organizations' locks: a pooled connection's session
     * outlives close(), and would otherwise keep them from every sequencer. A connection that was
     * cut has lost them already.
     */
    private void disconnect() {
        held.clear();
        if (connection != null) {
            try (Statement release = connection.createStatement()) {
                release.execute("select pg_advisory_unlock_all()");
                release.execute("reset application_name");
            } catch (SQLException e) {
                // cut: its session and its locks are gone
            }
            try {
                connection.close();
            } catch (SQLException e) {
                // gone already
            }
            connection = null;
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
