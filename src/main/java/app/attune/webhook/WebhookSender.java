package app.attune.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the webhook outbox in the background. Each round takes the deliveries that are due, locked
 * so that other replicas skip them, and tries each once: signed as Standard Webhooks says, a
 * 2xx answer delivers it, anything else is retried after an exponentially growing wait until
 * attune.webhooks.max-attempts. The outbox is in the database, so a restart loses nothing.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    private static final int BATCH = 20;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final DataSource dataSource;
    private final ReceiverPolicy receivers;
    private final Duration pollInterval;
    private final Duration backoffBase;
    private final int maxAttempts;
    private final Duration timeout;
    private final HttpClient http;
    private ScheduledExecutorService rounds;

    WebhookSender(DataSource dataSource, ReceiverPolicy receivers,
            @ConfigProperty(name = "attune.webhooks.poll-interval") Duration pollInterval,
            @ConfigProperty(name = "attune.webhooks.backoff-base") Duration backoffBase,
            @ConfigProperty(name = "attune.webhooks.max-attempts") int maxAttempts,
            @ConfigProperty(name = "attune.webhooks.timeout") Duration timeout) {
        this.dataSource = dataSource;
        this.receivers = receivers;
        this.pollInterval = pollInterval;
        this.backoffBase = backoffBase;
        this.maxAttempts = maxAttempts;
        this.timeout = timeout;
        // Never follow a redirect: it could lead to an address the receiver check refused.
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    synchronized void start() {
        if (rounds == null) {
            rounds = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "webhook-sender");
                thread.setDaemon(true);
                return thread;
            });
            rounds.scheduleWithFixedDelay(this::sendDue, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops sending, waiting for a round in progress; what is still due stays in the outbox. */
    synchronized void stop() {
        if (rounds != null) {
            rounds.shutdown();
            try {
                rounds.awaitTermination(timeout.toMillis() * BATCH, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rounds = null;
        }
    }

    private void sendDue() {
        try {
            while (!Thread.currentThread().isInterrupted() && sendRound() == BATCH) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            // The database may be away; the next round tries again.
            LOG.warn("A webhook round failed; the outbox is kept and retried");
        }
    }

    /**
     * One round in one transaction, in plain JDBC: the sender runs beside the requests and keeps
     * out of their Hibernate sessions and statistics.
     */
    private int sendRound() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Due> due = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("""
                        select d.id, d.payload, d.attempts, w.url, w.secret,
                               p.active and p.roles && array['admin', 'integration']::text[]
                        from webhook_delivery d join webhook w on w.id = d.webhook_id
                        join practitioner p on p.id = w.created_by
                        join organization o on o.id = w.organization_id and not o.suspended
                        where d.status = 'PENDING' and d.next_attempt_at <= now() and w.deleted_at is null
                        order by d.next_attempt_at, d.position limit ? for update of d skip locked""")) {
                    select.setInt(1, BATCH);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            due.add(new Due(rows.getObject(1, UUID.class), rows.getString(2), rows.getInt(3) + 1,
                                    rows.getString(4), rows.getString(5), rows.getBoolean(6)));
                        }
                    }
                }
                for (Due delivery : due) {
                    // A webhook speaks for whoever registered it: once that practitioner may no longer
                    // register one (deactivated, or no admin or integration role), its deliveries stop.
                    record(connection, delivery, delivery.registrantEntitled() ? attempt(delivery) : GIVEN_UP);
                }
                connection.commit();
                return due.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook round failed", e);
        }
    }

    /** A delivery that is due, with what sending it needs. */
    private record Due(UUID id, String payload, int attempt, String url, String secret, boolean registrantEntitled) {
    }

    private static final Outcome GIVEN_UP = new Outcome(null, "given up: its registrant is no longer active or entitled", 0);

    /** What one attempt came to: the receiver's status, or why there was none. */
    private record Outcome(Integer status, String error, int durationMs) {
    }

    private Outcome attempt(Due delivery) {
        long started = System.nanoTime();
        Integer status = null;
        // Checked again at sending time: a host name may resolve elsewhere than when it was registered.
        String error = ReceiverAddress.problemWith(delivery.url(), receivers.allowed());
        if (error == null) {
            long timestamp = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Attune-Webhooks/1")
                    .header("webhook-id", delivery.id().toString())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", "v1," + signature(delivery.secret(), delivery.id().toString(), timestamp,
                            delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8)).build();
            // The whole exchange is bounded, body included: a receiver that trickles its answer is cut off.
            var exchange = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            try {
                status = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            } catch (TimeoutException e) {
                exchange.cancel(true);
                error = "timed out";
            } catch (ExecutionException e) {
                error = e.getCause() instanceof HttpTimeoutException ? "timed out" : "could not connect";
            } catch (InterruptedException e) {
                exchange.cancel(true);
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (RuntimeException e) {
                error = "could not send";
            }
        }
        return new Outcome(status, error, (int) ((System.nanoTime() - started) / 1_000_000));
    }

    private void record(Connection connection, Due delivery, Outcome outcome) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement attempt = connection.prepareStatement("""
                insert into webhook_attempt (delivery_id, attempt, attempted_at, response_status, error, duration_ms)
                values (?, ?, ?, ?, ?, ?)""")) {
            attempt.setObject(1, delivery.id());
            attempt.setInt(2, delivery.attempt());
            attempt.setObject(3, now);
            attempt.setObject(4, outcome.status(), Types.INTEGER);
            attempt.setString(5, outcome.error());
            attempt.setInt(6, outcome.durationMs());
            attempt.executeUpdate();
        }
        boolean delivered = outcome.status() != null && outcome.status() >= 200 && outcome.status() < 300;
        String next = delivered ? "DELIVERED"
                : delivery.attempt() >= maxAttempts || outcome == GIVEN_UP ? "FAILED" : "PENDING";
        try (PreparedStatement update = connection.prepareStatement("""
                update webhook_delivery set attempts = ?, status = ?, next_attempt_at = ?,
                    delivered_at = case when ? then ? else delivered_at end
                where id = ?""")) {
            update.setInt(1, delivery.attempt());
            update.setString(2, next);
            update.setObject(3, now.plus(wait(delivery.attempt())));
            update.setBoolean(4, delivered);
            update.setObject(5, now);
            update.setObject(6, delivery.id());
            update.executeUpdate();
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
