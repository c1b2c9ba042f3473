package app.attune.webhook;

import app.attune.config.AttuneConfig;
import app.attune.database.DatabaseOutage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Sends the webhook outbox in the background, several attempts at once, fairly. A dispatcher
 * leases the deliveries that are due to this sender (attune.webhooks.concurrency at most in
 * flight here; across every replica at most attune.webhooks.per-organization of one organization
 * and attune.webhooks.per-receiver of one receiver, taking every organization's oldest before any
 * organization's next), and workers try each once: signed as Standard Webhooks says, a 2xx answer
 * delivers it, anything else is retried after an exponentially growing wait until
 * attune.webhooks.max-attempts. An attempt lasts at most attune.webhooks.timeout, so a receiver
 * that never answers holds its own organization's slots for that long and nobody else's. The
 * outbox is in the database, so a restart loses nothing.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /** Recording an attempt while the database is away: first wait, longest wait, and the lease kept in reserve. */
    private static final Duration RECORD_FIRST_WAIT = Duration.ofMillis(100);
    private static final Duration RECORD_LONGEST_WAIT = Duration.ofSeconds(2);
    private static final Duration RECORD_MARGIN = Duration.ofSeconds(5);
    /** The host and port of a webhook's URL, in SQL: what "one receiver" means for the bounds. */
    private static final String RECEIVER = "lower(substring(w.url from '^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#]+)'))";

    private final DataSource dataSource;
    private final ReceiverPolicy receivers;
    private final Vertx vertx;
    private final Duration pollInterval;
    private final Duration backoffBase;
    private final int maxAttempts;
    private final Duration timeout;
    private final int concurrency;
    private final int perOrganization;
    private final int perReceiver;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private HttpClient http;
    private ScheduledExecutorService dispatcher;
    private ExecutorService workers;

    WebhookSender(DataSource dataSource, ReceiverPolicy receivers, Vertx vertx, Clock clock, AttuneConfig config) {
        this.dataSource = dataSource;
        this.receivers = receivers;
        this.vertx = vertx;
        this.pollInterval = config.webhooks().pollInterval();
        this.backoffBase = config.webhooks().backoffBase();
        this.maxAttempts = config.webhooks().maxAttempts();
        this.timeout = config.webhooks().timeout();
        this.concurrency = config.webhooks().concurrency();
        this.perOrganization = config.webhooks().perOrganization();
        this.perReceiver = config.webhooks().perReceiver();
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    synchronized void start() {
        if (dispatcher == null) {
            // Never follow a redirect (it could lead to an address the receiver check refused); one
            // connection per attempt, to the address that attempt checked.
            http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setMaxPoolSize(concurrency)
                    .setConnectTimeout((int) timeout.toMillis()).setVerifyHost(true));
            workers = Executors.newFixedThreadPool(concurrency, named("webhook-attempt"));
            dispatcher = Executors.newSingleThreadScheduledExecutor(named("webhook-dispatcher"));
            dispatcher.scheduleWithFixedDelay(this::dispatch, pollInterval.toMillis(), pollInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Stops leasing and waits for the attempts in flight (each ends within the timeout); a lease an
     * attempt could not record expires and its delivery is due again.
     */
    synchronized void stop() {
        if (dispatcher != null) {
            dispatcher.shutdown();
            workers.shutdown();
            try {
                dispatcher.awaitTermination(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
                workers.awaitTermination(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            http.close();
            dispatcher = null;
            workers = null;
        }
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Leases as many due deliveries as there are free workers and hands them out. */
    private void dispatch() {
        try {
            int free = concurrency - inFlight.get();
            if (free <= 0) {
                return;
            }
            for (Due delivery : lease(free)) {
                inFlight.incrementAndGet();
                try {
                    workers.execute(() -> attemptAndRecord(delivery));
                } catch (RejectedExecutionException stopping) {
                    inFlight.decrementAndGet(); // the lease expires and the delivery is due again
                }
            }
        } catch (RuntimeException e) {
            // The database may be away; the next round tries again.
            LOG.warn("A webhook dispatch failed; the outbox is kept and retried");
        }
    }

    private void attemptAndRecord(Due delivery) {
        try {
            // A webhook speaks for whoever registered it: once that practitioner may no longer register
            // one (deactivated, or no admin or integration role), its deliveries stop.
            recordWithinLease(delivery, delivery.registrantEntitled() ? attempt(delivery) : GIVEN_UP);
        } catch (RuntimeException e) {
            LOG.warn("A webhook attempt could not be recorded; its lease expires and it is sent again");
        } finally {
            inFlight.decrementAndGet();
            wakeDispatcher();
        }
    }

    /** A finished attempt frees a worker: lease the next delivery now rather than at the next poll. */
    private void wakeDispatcher() {
        ScheduledExecutorService current = dispatcher;
        if (current != null) {
            try {
                current.execute(this::dispatch);
            } catch (RejectedExecutionException stopping) {
                // stopping: nothing more is leased
            }
        }
    }

    /**
     * One short transaction, serialized across replicas by an advisory lock so that two
     * dispatchers never both fill the same organization's or receiver's last slot. Each
     * organization's deliveries are ranked by age, and the free slots go first to every
     * organization's oldest, then to every organization's second, and so on.
     */
    private List<Due> lease(int free) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtextextended('webhook-lease', 7))")) {
                    lock.executeQuery().close();
                }
                List<Due> due = new ArrayList<>();
                // Measured before the lease is taken, so the local deadline never outlives the database's.
                long leaseEnds = System.nanoTime() + lease().toNanos();
                try (PreparedStatement select = connection.prepareStatement("""
                        with busy as (
                            select w.organization_id, %1$s as receiver
                            from webhook_delivery d join webhook w on w.id = d.webhook_id
                            where d.status = 'PENDING' and d.sending_until > now()
                        ), ranked as (
                            select d.id, d.next_attempt_at, d.position, w.organization_id, %1$s as receiver,
                                   row_number() over (partition by w.organization_id order by d.next_attempt_at, d.position) as org_rank,
                                   row_number() over (partition by %1$s order by d.next_attempt_at, d.position) as receiver_rank
                            from webhook_delivery d join webhook w on w.id = d.webhook_id
                            join organization o on o.id = w.organization_id and not o.suspended
                            where d.status = 'PENDING' and d.next_attempt_at <= now() and w.deleted_at is null
                              and (d.sending_until is null or d.sending_until <= now())
                        ), chosen as (
                            select r.id from ranked r
                            where r.org_rank + (select count(*) from busy b where b.organization_id = r.organization_id) <= ?
                              and r.receiver_rank + (select count(*) from busy b where b.receiver = r.receiver) <= ?
                            order by r.org_rank, r.next_attempt_at, r.position limit ?
                        )
                        update webhook_delivery d set sending_until = now() + make_interval(secs => ?), attempts = d.attempts + 1
                        from chosen, webhook w, practitioner p
                        where d.id = chosen.id and w.id = d.webhook_id and w.organization_id = d.organization_id
                          and p.id = w.created_by and p.organization_id = w.organization_id
                        returning d.id, d.payload, d.attempts, w.url, w.secret,
                                  p.active and p.roles && array['admin', 'integration']::text[], d.organization_id""".formatted(RECEIVER))) {
                    select.setInt(1, perOrganization);
                    select.setInt(2, perReceiver);
                    select.setInt(3, free);
                    select.setDouble(4, lease().toMillis() / 1000.0);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            due.add(new Due(rows.getObject(1, UUID.class), rows.getObject(7, UUID.class), rows.getString(2),
                                    rows.getInt(3), rows.getString(4), rows.getString(5), rows.getBoolean(6), leaseEnds));
                        }
                    }
                }
                connection.commit();
                return due;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook lease failed", e);
        }
    }

    /** Long enough for any attempt (resolution and the bounded exchange) to end and be recorded. */
    private Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(30);
    }

    /**
     * A leased delivery, with what sending it needs; attempt is the number this lease took, and
     * leaseEnds (System.nanoTime) when another sender may take it again.
     */
    private record Due(UUID id, UUID organizationId, String payload, int attempt, String url, String secret, boolean registrantEntitled,
            long leaseEnds) {
    }

    private static final Outcome GIVEN_UP = new Outcome(null, "given up: its registrant is no longer active or entitled", 0);

    /** What one attempt came to: the receiver's status, or why there was none. */
    private record Outcome(Integer status, String error, int durationMs) {
    }

    private Outcome attempt(Due delivery) {
        long started = System.nanoTime();
        Integer status = null;
        // Checked again at sending time (a host name may resolve elsewhere than when it was registered),
        // and the connection goes to the very address checked.
        ReceiverAddress.Checked receiver = receivers.check(delivery.url());
        String error = receiver.problem();
        if (error == null) {
            AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
            CompletableFuture<Integer> exchange = http.request(options(receiver, delivery))
                    .compose(request -> {
                        sent.set(request);
                        return request.send(Buffer.buffer(delivery.payload(), StandardCharsets.UTF_8.name()));
                    })
                    .compose(WebhookSender::statusOnceRead)
                    .toCompletionStage().toCompletableFuture();
            try {
                // The whole exchange is bounded, body included: a receiver that trickles its answer is cut off.
                status = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                error = "timed out";
            } catch (ExecutionException e) {
                // Sent or not tells the receiver's side: a request that went out may have been taken.
                // Only the exception's type is kept, never its message.
                error = (sent.get() == null ? "could not connect" : "no answer") 
                        + (e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } finally {
                HttpClientRequest request = sent.get();
                if (status == null && request != null) {
                    request.reset();
                }
            }
        }
        return new Outcome(status, error, (int) ((System.nanoTime() - started) / 1_000_000));
    }

    /**
     * The receiver's status once its answer has been read to the end, its body dropped. The answer
     * may have ended before this runs (a short one, read while this callback was queued): then
     * setting a body handler would throw, and a delivery the receiver took would count as failed
     * and be sent again, as two of 13,008 were in a failover drill. Without a handler, Vert.x drops
     * the body's chunks, and end() completes however late it is asked for.
     */
    static Future<Integer> statusOnceRead(HttpClientResponse response) {
        return response.end().map(ignored -> response.statusCode());
    }

    private RequestOptions options(ReceiverAddress.Checked receiver, Due delivery) {
        long timestamp = clock.instant().getEpochSecond();
        String path = receiver.uri().getRawPath() == null || receiver.uri().getRawPath().isEmpty() ? "/" : receiver.uri().getRawPath();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                // Host header, TLS server name and certificate check from the URL; the connection to the checked address.
                .setHost(receiver.uri().getHost()).setPort(receiver.port())
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(receiver.address(), receiver.port())))
                .setSsl("https".equals(receiver.uri().getScheme()))
                .setURI(receiver.uri().getRawQuery() == null ? path : path + "?" + receiver.uri().getRawQuery())
                .setFollowRedirects(false).setConnectTimeout(timeout.toMillis()).setIdleTimeout(timeout.toMillis());
        options.putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Attune-Webhooks/1")
                .putHeader("webhook-id", delivery.id().toString())
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", "v1," + signature(delivery.secret(), delivery.id().toString(), timestamp,
                        delivery.payload()));
        return options;
    }

    /**
     * Records the attempt, trying again while the database is away (a failover, a restart) for as
     * long as the lease holds: a receiver that answered 2xx is then never sent the same delivery
     * again, unless the database stays away longer than the lease (then it is sent twice, with the
     * same webhook-id). Other failures are not retried.
     */
    private void recordWithinLease(Due delivery, Outcome outcome) {
        long wait = RECORD_FIRST_WAIT.toNanos();
        while (true) {
            try {
                record(delivery, outcome);
                return;
            } catch (RuntimeException e) {
                long margin = RECORD_MARGIN.toNanos() + wait;
                if (!DatabaseOutage.causes(e) || System.nanoTime() + margin - delivery.leaseEnds() > 0) {
                    throw e;
                }
            }
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recording a webhook attempt", e);
            }
            wait = Math.min(wait * 2, RECORD_LONGEST_WAIT.toNanos());
        }
    }

    /**
     * Records the attempt and what follows from it, in one transaction, unless the lease was lost (taken again after
     * it expired) or the delivery was given up meanwhile (its webhook deleted): then only the
     * attempt is kept, as the history of what was sent.
     */
    private void record(Due delivery, Outcome outcome) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean delivered = outcome.status() != null && outcome.status() >= 200 && outcome.status() < 300;
        String next = delivered ? "DELIVERED"
                : delivery.attempt() >= maxAttempts || outcome == GIVEN_UP ? "FAILED" : "PENDING";
        // Repeatable: a second run after a commit whose answer was lost changes nothing.
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement attempt = connection.prepareStatement("""
                    insert into webhook_attempt (delivery_id, organization_id, attempt, attempted_at, response_status, error, duration_ms)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""");
                    PreparedStatement update = connection.prepareStatement("""
                    update webhook_delivery set status = ?, next_attempt_at = ?, sending_until = null,
                        delivered_at = case when ? then ? else delivered_at end
                    where id = ? and organization_id = ? and attempts = ? and status = 'PENDING'""")) {
                attempt.setObject(1, delivery.id());
                attempt.setObject(2, delivery.organizationId());
                attempt.setInt(3, delivery.attempt());
                attempt.setObject(4, now);
                attempt.setObject(5, outcome.status(), Types.INTEGER);
                attempt.setString(6, outcome.error());
                attempt.setInt(7, outcome.durationMs());
                attempt.executeUpdate();
                update.setString(1, next);
                update.setObject(2, now.plus(wait(delivery.attempt())));
                update.setBoolean(3, delivered);
                update.setObject(4, now);
                update.setObject(5, delivery.id());
                update.setObject(6, delivery.organizationId());
                update.setInt(7, delivery.attempt());
                update.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook attempt not recorded", e);
        }
    }

    /** backoff-base, then twice as long after each failure, at most an hour. */
    private Duration wait(int attempts) {
        Duration wait = backoffBase.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body" under the secret's key. */
    static String signature(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
