package app.attune.sequencer;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.commit.CommitLog;
import app.attune.support.Blocking;
import app.attune.support.Journal;
import app.attune.support.Practitioner;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import org.junit.jupiter.api.Test;

/**
 * The sequencer: writers of one organization wait for nothing of each other's, the feed and the
 * trail are numbered in commit order without gaps or repeats, and another sequencer takes over
 * when the one holding an organization dies.
 */
@QuarkusTest
class SequencerTest {

    private static final long SEED = 20261202L;

    @Inject
    AgroalDataSource database;

    @Inject
    Sequencer sequencer;

    @Inject
    CommitLog log;

    @Inject
    TransactionManager transactions;

    @Test
    void aTransactionHeldAtItsCommitHoldsUpNothingElseOfItsOrganization() throws Exception {
        Practitioner therapist = Practitioner.therapist();
        Practitioner admin = therapist.firstAdmin();
        String alliance = therapist.createAlliance();
        // A constraint trigger that makes one client's registration wait, at COMMIT, for a lock held here:
        // the request has done all its work and written its audit event, and has not committed.
        try (Connection setup = database.getConnection(); Statement sql = setup.createStatement()) {
            sql.execute("""
                    create or replace function hold_at_commit() returns trigger language plpgsql as $$
                    begin perform pg_advisory_xact_lock(20261202); return null; end $$""");
            sql.execute("drop trigger if exists hold_at_commit on client");
            sql.execute("""
                    create constraint trigger hold_at_commit after insert on client deferrable initially deferred
                    for each row when (new.display_label = 'Held at commit') execute function hold_at_commit()""");
        }
        try (Connection holder = database.getConnection(); Statement sql = holder.createStatement()) {
            sql.execute("select pg_advisory_lock(20261202)");
            CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> therapist.request()
                    .body(Map.of("displayLabel", "Held at commit")).post("/api/v1/clients"));
            Blocking.waitForABlockedQuery(database);

            // Meanwhile the organization's other work goes on: a write, a report, a list, the feed and the trail.
            CompletableFuture<List<Object>> meanwhile = CompletableFuture.supplyAsync(() -> {
                String session = therapist.createSession(alliance, "2026-09-03");
                therapist.request().get("/api/v1/alliances/{id}/report", alliance).then().statusCode(200);
                therapist.request().get("/api/v1/alliances").then().statusCode(200);
                List<String> feed = therapist.request().get("/api/v1/changes").then().statusCode(200)
                        .extract().jsonPath().getList("changes.resourceId");
                admin.request().get("/api/v1/audit-events/verify").then().statusCode(200).body("intact", equalTo(true));
                return List.of(session, feed);
            });
            List<Object> done = meanwhile.get(15, TimeUnit.SECONDS);
            assertTrue(((List<?>) done.get(1)).contains(done.get(0)), "the feed did not show the session recorded meanwhile");
            assertTrue(!held.isDone(), "the held registration finished early: the test held nothing");
            sql.execute("select pg_advisory_unlock(20261202)");
            held.get(10, TimeUnit.SECONDS).then().statusCode(201);
        } finally {
            try (Connection cleanup = database.getConnection(); Statement sql = cleanup.createStatement()) {
                sql.execute("drop trigger if exists hold_at_commit on client");
            }
        }
        admin.request().get("/api/v1/audit-events/verify").then().statusCode(200).body("intact", equalTo(true));
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("attune_sequencer_lag_seconds"));
    }

    @Test
    void whenTheSequencerOfAnOrganizationDiesAnotherTakesOverWithNothingLostOrRepeated() throws Exception {
        Practitioner therapist = Practitioner.therapist();
        Practitioner admin = therapist.firstAdmin();
        String alliance = therapist.createAlliance();
        UUID organization = organizationOf(therapist);

        // Another replica's sequencer holds the organization: this one leaves it alone.
        sequencer.stop();
        try (Connection other = database.getConnection(); PreparedStatement lock = other.prepareStatement(
                "select pg_advisory_lock(hashtextextended(?, 11))")) {
            lock.setString(1, "sequencer:" + organization);
            lock.executeQuery().close();
            sequencer.start();
            List<String> sessions = new ArrayList<>();
            for (int day = 1; day <= 5; day++) {
                sessions.add(therapist.createSession(alliance, "2026-09-0" + day));
            }
            Thread.sleep(300);
            assertTrue(pending(organization) >= 5, "sequenced by a sequencer that did not hold the organization");
            // The holder dies: its session ends and its locks with it (a pooled connection's session outlives
            // close(), so the test ends the locks as the session's end would).
            other.createStatement().execute("select pg_advisory_unlock_all()");
        }
        waitUntilSequenced(organization);

        // Then this one's own connection is cut in the middle of a stream of writes.
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<CompletableFuture<String>> writes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String day = "2026-10-%02d".formatted(1 + i % 28);
            writes.add(CompletableFuture.supplyAsync(() -> therapist.createSession(alliance, day), writers));
            if (i == 20) {
                try (Connection killer = database.getConnection(); Statement sql = killer.createStatement()) {
                    sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'attune-sequencer' and pid <> pg_backend_pid()");
                }
            }
        }
        for (CompletableFuture<String> write : writes) {
            write.get(30, TimeUnit.SECONDS);
        }
        writers.shutdown();
        waitUntilSequenced(organization);

        List<String> feed = new ArrayList<>();
        String cursor = "0";
        boolean more = true;
        while (more) {
            var page = therapist.request().queryParam("since", cursor).get("/api/v1/changes").then().statusCode(200)
                    .extract().jsonPath();
            List<String> cursors = page.getList("changes.cursor");
            for (String position : cursors) {
                feed.add(position);
            }
            cursor = page.getString("nextCursor");
            more = page.getBoolean("more");
        }
        for (int i = 0; i < feed.size(); i++) {
            assertEquals(Integer.toString(i + 1), feed.get(i), "the feed has a gap or a repeat");
        }
        // One alliance, 45 sessions, and the client's creation: every change once.
        assertEquals(47, feed.size());
        admin.request().get("/api/v1/audit-events/verify").then().statusCode(200).body("intact", equalTo(true));
        // Every session's recording left its one event, none lost or doubled by the takeovers.
        assertEquals(45, single("select count(*) from audit_event where organization_id = ? and resource_type = 'SESSION' "
                + "and action = 'CREATE'", organization));
        assertEquals(45, single("select count(distinct request_id) from audit_event where organization_id = ? "
                + "and resource_type = 'SESSION' and action = 'CREATE'", organization));
    }

    @Test
    void aCommitLogWrittenBehindTheServicesBackIsNeverChained() throws Exception {
        Practitioner therapist = Practitioner.therapist();
        Practitioner admin = therapist.firstAdmin();
        therapist.createClient();
        UUID organization = organizationOf(therapist);
        waitUntilSequenced(organization);
        UUID forged = UUID.randomUUID();
        String event = "[{\"id\": \"" + UUID.randomUUID() + "\", \"occurredAt\": \"2026-12-02T10:00:00Z\", \"actorId\": null, "
                + "\"actorRoles\": \"admin\", \"action\": \"READ\", \"resourceType\": \"CLIENT\", \"resourceId\": null, "
                + "\"allianceId\": null, \"outcome\": \"SUCCESS\", \"requestId\": \"forged\", \"clientAddress\": null}]";
        // Whoever can write the table, with a seal made up or copied from another row.
        try (Connection connection = database.getConnection()) {
            String copied;
            try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(
                    "select seal from pending_commit_refused union all select 'dev-2026:' || repeat('0', 64) limit 1")) {
                row.next();
                copied = row.getString(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into pending_commit (id, organization_id, ticket, written_at, events, changes, seal)
                    values (?, ?, nextval('commit_ticket'), now(), ?, '[]', ?)""")) {
                insert.setObject(1, forged);
                insert.setObject(2, organization);
                insert.setString(3, event);
                insert.setString(4, copied);
                insert.executeUpdate();
            }
        }
        waitUntilSequenced(organization);
        assertEquals(1, single("select count(*) from pending_commit_refused where organization_id = ?", organization));
        assertEquals(0, single("select count(*) from audit_event where organization_id = ? and request_id = 'forged'", organization));
        // The organization's own work goes on, and its chain holds.
        therapist.createClient();
        admin.request().get("/api/v1/audit-events/verify").then().statusCode(200).body("intact", equalTo(true));
        // A logged commit is not changed in place.
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.executeUpdate("insert into pending_commit (id, organization_id, ticket, written_at, events, changes, seal) "
                    + "values (gen_random_uuid(), '" + organization + "', nextval('commit_ticket'), now(), '[]', '[]', 'x')");
            assertThrows(SQLException.class, () -> sql.executeUpdate("update pending_commit set events = '[]' where seal = 'x'"));
            connection.rollback();
        }
    }

    /**
     * Random interleavings of transactions that begin, log, and commit or roll back: the feed holds
     * exactly the committed ones, in the order their commits returned, whatever order they began in.
     */
    @Test
    void transactionsAreSequencedInTheOrderTheirCommitsReturned() throws Exception {
        Practitioner therapist = Practitioner.therapist();
        therapist.createClient();
        UUID organization = organizationOf(therapist);
        waitUntilSequenced(organization);
        Arbitrary<Integer> sizes = Arbitraries.integers().between(2, 8);
        Arbitrary<Integer> changesPerTransaction = Arbitraries.integers().between(0, 3)
                .withDistribution(RandomDistribution.uniform());
        java.util.Random random = new java.util.Random(SEED);
        for (int round = 0; round < 25; round++) {
            int count = sizes.generator(100).next(random).value();
            List<Transaction> transactions = new ArrayList<>();
            for (int t = 0; t < count; t++) {
                transactions.add(new Transaction(organization, changesPerTransaction.generator(100).next(random).value(),
                        random.nextInt(5) == 0));
            }
            long before = lastPosition(organization);
            // Every transaction begins and logs, in one random order; then they end in another.
            List<Transaction> beginOrder = new ArrayList<>(transactions);
            java.util.Collections.shuffle(beginOrder, random);
            for (Transaction transaction : beginOrder) {
                transaction.begin();
            }
            List<Transaction> endOrder = new ArrayList<>(transactions);
            java.util.Collections.shuffle(endOrder, random);
            List<UUID> committed = new ArrayList<>();
            for (Transaction transaction : endOrder) {
                transaction.end();
                if (!transaction.rollsBack) {
                    committed.addAll(transaction.changes);
                }
            }
            waitUntilSequenced(organization);
            assertEquals(committed, changesAfter(organization, before), "round " + round);
            for (Transaction transaction : transactions) {
                transaction.close();
            }
        }
    }

    /** A JTA transaction on a thread of its own (transactions are bound to threads), logging through the commit log. */
    private final class Transaction {

        final UUID organization;
        final boolean rollsBack;
        final List<UUID> changes = new ArrayList<>();
        final ExecutorService thread = Executors.newSingleThreadExecutor();
        final int changeCount;

        Transaction(UUID organization, int changeCount, boolean rollsBack) {
            this.organization = organization;
            this.changeCount = changeCount;
            this.rollsBack = rollsBack;
        }

        void begin() throws Exception {
            thread.submit(() -> {
                transactions.begin();
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                log.audit(organization, new CommitLog.AuditEntry(UUID.randomUUID(), now, null, "integration", "CREATE",
                        "CLIENT", null, null, "SUCCESS", "sequencer-test", null));
                for (int i = 0; i < changeCount; i++) {
                    UUID resource = UUID.randomUUID();
                    changes.add(resource);
                    log.change(new CommitLog.ChangeEntry("CLIENT", resource, null, "CREATE", now));
                }
                return null;
            }).get(10, TimeUnit.SECONDS);
        }

        void end() throws Exception {
            thread.submit(() -> {
                if (rollsBack) {
                    transactions.rollback();
                } else {
                    transactions.commit();
                }
                return null;
            }).get(10, TimeUnit.SECONDS);
        }

        void close() {
            thread.shutdown();
        }
    }

    private void waitUntilSequenced(UUID organization) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pending(organization) > 0) {
            assertTrue(System.nanoTime() < deadline, "the sequencer never caught up");
            Thread.sleep(20);
        }
    }

    private long pending(UUID organization) throws SQLException {
        return single("select count(*) from pending_commit where organization_id = ?", organization);
    }

    private long lastPosition(UUID organization) throws SQLException {
        return single("select last_change from audit_chain where organization_id = ?", organization);
    }

    private List<UUID> changesAfter(UUID organization, long position) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select resource_id from change_event where organization_id = ? and position > ? order by position")) {
            select.setObject(1, organization);
            select.setLong(2, position);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private long single(String sql, UUID organization) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, organization);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private UUID organizationOf(Practitioner practitioner) throws SQLException {
        practitioner.id();
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select organization_id from practitioner where subject = ?")) {
            select.setString(1, practitioner.subject);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }
}
