package app.attune.sequencer;

import app.attune.audit.AuditChain;
import app.attune.change.ChangeFeed;
import app.attune.commit.CommitLog;
import app.attune.commit.LogSeal;
import app.attune.config.AttuneConfig;
import app.attune.webhook.Outbox;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Numbers and chains what transactions logged at commit (see V11 for the rule). Each round of an
 * organization is one transaction that takes the organization's advisory lock for itself
 * (pg_try_advisory_xact_lock: another replica's sequencer in a round of the same organization
 * makes this one skip it) and then locks the chain's head, so sequencers of several replicas take
 * turns and a dead one holds nothing beyond its unfinished round. One organization that cannot be
 * sequenced holds up no other.
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
    private final LogSeal seal;
    private final Duration pollInterval;
    private final Timer lag;
    private final Semaphore wake = new Semaphore(0);
    private final Set<UUID> failing = new HashSet<>();
    private volatile double oldestPending;
    private volatile boolean running;
    private Thread thread;
    private Connection connection;

    Sequencer(DataSource dataSource, AuditChain chain, ChangeFeed feed, ObjectMapper mapper, LogSeal seal, MeterRegistry metrics,
            AttuneConfig config) {
        this.dataSource = dataSource;
        this.seal = seal;
        this.chain = chain;
        this.feed = feed;
        // Read tolerantly: a log written by a newer replica may carry fields this one does not know.
        this.mapper = mapper.copy().configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.pollInterval = config.sequencer().pollInterval();
        this.lag = Timer.builder("attune.sequencer.lag").description("From a transaction's commit log to its sequencing")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30)).register(metrics);
        Gauge.builder("attune.sequencer.oldest.pending", this, sequencer -> sequencer.oldestPending).baseUnit("seconds")
                .description("Age of the oldest commit log not yet sequenced: grows while an organization is stalled")
                .register(metrics);
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

    /** Stops after the round in progress; its connection goes back to the pool. */
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
        int failures = 0;
        while (running) {
            try {
                boolean more = round();
                failures = 0;
                if (!more) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable e) {
                // The database may be away, or the connection was cut: start afresh, waiting longer each time.
                if (failures++ == 0) {
                    LOG.warnf("The sequencer lost its connection (%s); the pending commits are kept and retried",
                            e.getClass().getSimpleName());
                }
                disconnect();
                sleepQuietly(Math.min(pollInterval.toMillis() << Math.min(failures, 6), 5_000));
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
                ResultSet rows = pending.executeQuery("""
                        select organization_id, extract(epoch from clock_timestamp() - min(written_at))
                        from pending_commit group by organization_id""")) {
            double oldest = 0;
            while (rows.next()) {
                organizations.add(rows.getObject(1, UUID.class));
                oldest = Math.max(oldest, rows.getDouble(2));
            }
            oldestPending = oldest;
        }
        boolean more = false;
        for (UUID organization : organizations) {
            try {
                more |= sequence(organization) == BATCH;
                failing.remove(organization);
            } catch (SQLException e) {
                if (!connection.isValid(1)) {
                    throw e; // the connection, not this organization
                }
                failed(organization, e);
            } catch (RuntimeException e) {
                failed(organization, e);
            }
        }
        return more;
    }

    /**
     * One organization's round failed (a log this replica cannot read, written by a newer one, or a
     * row the database refuses): the others go on, and it is tried again at the next round, by this
     * replica or another; the stall shows in attune.sequencer.oldest.pending.
     */
    private void failed(UUID organization, Exception e) {
        if (failing.add(organization)) {
            String state = e instanceof SQLException sql ? " SQLState " + sql.getSQLState() : "";
            LOG.errorf("The sequencer cannot sequence organization %s (%s%s); its pending commits wait", organization,
                    e.getClass().getSimpleName(), state);
        }
    }

    /** Sequences the organization's committed logs, smallest ticket first, in one transaction; returns how many. */
    private int sequence(UUID organization) throws SQLException {
        connection.setAutoCommit(false);
        try {
            // One sequencer of the organization per round, across replicas; a holder that dies mid-round
            // loses the lock with its transaction, so the next round of any replica takes over.
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(hashtextextended(?, 11))")) {
                lock.setString(1, "sequencer:" + organization);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        connection.rollback();
                        return 0;
                    }
                }
            }
            long lastSeq;
            String lastHash;
            long lastChange;
            try (PreparedStatement head = connection.prepareStatement(
                    "select last_seq, last_hash, last_change from audit_chain where organization_id = ? for update")) {
                head.setObject(1, organization);
                try (ResultSet row = head.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("the organization has no audit chain head");
                    }
                    lastSeq = row.getLong(1);
                    lastHash = row.getString(2);
                    lastChange = row.getLong(3);
                }
            }
            List<UUID> done = new ArrayList<>();
            List<UUID> refused = new ArrayList<>();
            List<CommitLog.AuditEntry> events = new ArrayList<>();
            List<CommitLog.ChangeEntry> changes = new ArrayList<>();
            // Read after the head's lock: what an earlier holder sequenced is gone from here.
            try (PreparedStatement pending = connection.prepareStatement("""
                    select id, events, changes, seal from pending_commit
                    where organization_id = ? order by ticket limit ?""")) {
                pending.setObject(1, organization);
                pending.setInt(2, BATCH);
                try (ResultSet rows = pending.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        String logged = rows.getString(2);
                        String changed = rows.getString(3);
                        if (!seal.verifies(organization, id, logged, changed, rows.getString(4))) {
                            // Not written by this service, or altered since: never chained, kept aside for a look.
                            refused.add(id);
                            continue;
                        }
                        done.add(id);
                        events.addAll(mapper.readValue(logged, EVENTS));
                        changes.addAll(mapper.readValue(changed, CHANGES));
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("a pending commit does not read back", e);
                }
            }
            if (!refused.isEmpty()) {
                refuse(organization, refused);
            }
            if (done.isEmpty()) {
                connection.commit(); // the refused rows' move, if any
                return refused.size();
            }
            AuditChain.Head head = chain.append(connection, organization, new AuditChain.Head(lastSeq, lastHash), events);
            long position = lastChange;
            if (!changes.isEmpty()) {
                ChangeFeed.Appended appended = feed.append(connection, organization, lastChange, changes);
                Outbox.enqueue(connection, organization, appended.positions(), appended.eventTypes(), appended.payloads());
                position = appended.lastPosition();
            }
            List<Double> lags = new ArrayList<>();
            try (PreparedStatement remove = connection.prepareStatement("delete from pending_commit where organization_id = ?"
                    + " and id = any(?) returning extract(epoch from clock_timestamp() - written_at)");
                    PreparedStatement advance = connection.prepareStatement(
                            "update audit_chain set last_seq = ?, last_hash = ?, last_change = ? where organization_id = ?")) {
                remove.setObject(1, organization);
                remove.setArray(2, connection.createArrayOf("uuid", done.toArray()));
                try (ResultSet removed = remove.executeQuery()) {
                    while (removed.next()) {
                        lags.add(removed.getDouble(1)); // both ends on the database's clock
                    }
                }
                advance.setLong(1, head.seq());
                advance.setString(2, head.hash());
                advance.setLong(3, position);
                advance.setObject(4, organization);
                advance.executeUpdate();
            }
            connection.commit();
            for (double seconds : lags) {
                lag.record(Duration.ofNanos((long) (seconds * 1e9)));
            }
            return done.size();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Moves rows whose seal fails aside, in the round's transaction. */
    private void refuse(UUID organization, List<UUID> refused) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement("""
                with gone as (delete from pending_commit where organization_id = ? and id = any(?) returning *)
                insert into pending_commit_refused (id, organization_id, ticket, written_at, events, changes, seal)
                select id, organization_id, ticket, written_at, events, changes, seal from gone""")) {
            move.setObject(1, organization);
            move.setArray(2, connection.createArrayOf("uuid", refused.toArray()));
            move.executeUpdate();
        }
        LOG.errorf("The sequencer refused %d commit logs of organization %s whose seal does not verify; they are in "
                + "pending_commit_refused", refused.size(), organization);
    }

    /**
     * Gives the connection back without the organizations' locks: a pooled connection's session
     * outlives close(), and would otherwise keep them from every sequencer. A connection that was
     * cut has lost them already.
     */
    private void disconnect() {
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

    private void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
