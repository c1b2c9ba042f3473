package app.attune.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Writers of whole sessions (a note, an SRS, two ruptures each with a repair), each request with
 * its own Idempotency-Key, for the crash harness and the failover drill: what each answer was,
 * the retry of every indefinite one with its original key, and the checks of what was stored.
 */
final class SessionWriters {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One write as sent. */
    record Write(String key, String externalId, String alliance, String body) {
    }

    /** What the database holds of the writes, against what was acknowledged. */
    record Checks(long stored, int lost, long duplicates, long withoutAudit, long partial) {
    }

    private final String prefix;
    private final String token;
    private final Function<String, URI> uri;
    private final Map<Write, String> acknowledged = new ConcurrentHashMap<>();
    private final List<Write> indefinite = Collections.synchronizedList(new ArrayList<>());
    /** Answers 5xx other than 503, by status (a 502 or 504 comes from the proxy, a 500 from the service). */
    private final Map<Integer, AtomicInteger> serverErrors = new ConcurrentHashMap<>();
    private final List<String> serverErrorBodies = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger refused = new AtomicInteger();
    /** When each 201 arrived (System.nanoTime), for the gaps without a write. */
    private final ConcurrentSkipListSet<Long> acknowledgedAt = new ConcurrentSkipListSet<>();

    /** {@code prefix} starts every externalId, so the checks find these writes and no others. */
    SessionWriters(String prefix, String token, Function<String, URI> uri) {
        this.prefix = prefix;
        this.token = token;
        this.uri = uri;
    }

    /** Writes sessions into the alliance until the deadline (System.nanoTime). */
    void write(String alliance, long deadline) {
        int n = 0;
        while (System.nanoTime() < deadline) {
            String externalId = prefix + UUID.randomUUID();
            String body = """
                    {"externalId": "%s", "occurredAt": "2026-10-%02dT15:00:00Z", "durationMinutes": 50, "attendance": "ATTENDED",
                     "note": "Written by a test writer, session %d", "measures": [{"instrument": "SRS", "timing": "POST_SESSION",
                     "items": {"RELATIONSHIP": 8.5, "GOALS_AND_TOPICS": 7.0, "APPROACH": 9.0, "OVERALL": 8.0}}],
                     "ruptures": [{"type": "WITHDRAWAL", "significance": 2, "tags": ["crash"],
                                   "repairs": [{"strategies": ["CLARIFY_MISUNDERSTANDING"], "outcome": "RESOLVED"}]},
                                  {"type": "CONFRONTATION", "significance": 3, "tags": [],
                                   "repairs": [{"strategies": ["ACKNOWLEDGE_OWN_CONTRIBUTION"], "outcome": "PARTIALLY_RESOLVED"}]}]}"""
                    .formatted(externalId, 1 + n % 28, n);
            send(new Write(UUID.randomUUID().toString(), externalId, alliance, body));
            n++;
        }
    }

    /** Sends a write; files it as acknowledged, refused or indefinite. */
    void send(Write write) {
        try {
            HttpResponse<String> answer = PackagedService.HTTP.send(HttpRequest.newBuilder(
                            uri.apply("/api/v1/alliances/" + write.alliance() + "/sessions"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").header("Idempotency-Key", write.key())
                    .POST(HttpRequest.BodyPublishers.ofString(write.body())).build(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            if (status == 201) {
                acknowledgedAt.add(System.nanoTime());
                String id = JSON.readTree(answer.body()).get("id").asText();
                String earlier = acknowledged.putIfAbsent(write, id);
                if (earlier != null && !earlier.equals(id)) {
                    throw new IllegalStateException("a retry was answered with another session");
                }
            } else if (status >= 500 && status != 503) {
                serverErrors.computeIfAbsent(status, ignored -> new AtomicInteger()).incrementAndGet();
                if (serverErrorBodies.size() < 5) {
                    serverErrorBodies.add(status + " " + answer.body()); // problem+json: an error id, no clinical text
                }
                indefinite.add(write);
            } else if (status == 503 || status == 409 || status == 429) {
                indefinite.add(write);
            } else {
                refused.incrementAndGet();
                System.out.println("refused " + status + ": " + answer.body());
            }
        } catch (IOException | InterruptedException e) {
            indefinite.add(write);
        }
    }

    /** Every request without a definite answer, again with its original key, for at most the given time; how many there were. */
    int retryIndefinite(Duration limit) {
        int retried = indefinite.size();
        long deadline = System.nanoTime() + limit.toNanos();
        while (!indefinite.isEmpty() && System.nanoTime() < deadline) {
            send(indefinite.remove(0));
        }
        return retried;
    }

    /** The longest time without an acknowledged write from {@code from} on (System.nanoTime), in ms. */
    long longestGapAfter(long from, long to) {
        long longest = 0;
        Long before = acknowledgedAt.floor(from);
        long previous = before == null ? from : before;
        for (long at : acknowledgedAt.subSet(from, to)) {
            longest = Math.max(longest, at - previous);
            previous = at;
        }
        return longest / 1_000_000;
    }

    Checks check(Connection db) throws Exception {
        int lost = 0;
        for (String id : acknowledged.values()) {
            if (count(db, "select count(*) from session where id = ?::uuid", id) != 1) {
                lost++;
            }
        }
        String like = prefix + "%";
        return new Checks(count(db, "select count(*) from session where external_id like ?", like), lost,
                count(db, "select count(*) from (select external_id from session where external_id like ? "
                        + "group by external_id having count(*) > 1) d", like),
                count(db, """
                        select count(*) from session s where s.external_id like ? and not exists
                        (select 1 from audit_event e where e.resource_id = s.id and e.action = 'CREATE' and e.outcome = 'SUCCESS')""", like),
                count(db, """
                        select count(*) from session s where s.external_id like ? and
                        ((select count(*) from rupture r where r.session_id = s.id) <> 2
                         or (select count(*) from repair p where p.session_id = s.id) <> 2
                         or (select count(*) from measure m where m.session_id = s.id) <> 1)""", like));
    }

    /** The answers and the checks, one line each. */
    String report(int retried, Checks checks) {
        return """
                writes acknowledged (201)          %d
                sessions stored                    %d
                retried after an indefinite answer %d (still indefinite: %d)
                refused with a 4xx                 %d
                acknowledged writes lost           %d
                duplicates                         %d
                writes without their audit event   %d
                sessions stored in part            %d
                5xx answers other than 503         %d %s
                """.formatted(acknowledged.size(), checks.stored(), retried, indefinite.size(), refused.get(), checks.lost(),
                checks.duplicates(), checks.withoutAudit(), checks.partial(), serverErrors(),
                serverErrors.isEmpty() ? "" : serverErrors + " first: " + serverErrorBodies);
    }

    long serverErrors() {
        return serverErrors.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    /** Whether every target holds: nothing lost, repeated, unaudited, partial, indefinite or 5xx (503 aside). */
    boolean allTargetsMet(Checks checks) {
        return checks.lost() == 0 && checks.duplicates() == 0 && checks.withoutAudit() == 0 && checks.partial() == 0
                && indefinite.isEmpty() && serverErrors() == 0;
    }

    static long count(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
