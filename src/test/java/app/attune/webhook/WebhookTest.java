package app.attune.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import app.attune.support.Sql;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against a receiver on the loopback address that fails for a while, then recovers,
 * and checks every signature itself.
 */
@QuarkusTest
class WebhookTest {

    @Inject
    WebhookSender sender;

    @Inject
    AgroalDataSource database;

    private final Practitioner therapist = Practitioner.therapist();
    private final Practitioner ehr = therapist.colleague("integration");
    private final AtomicBoolean receiverUp = new AtomicBoolean(false);
    private final List<String> failedIds = new CopyOnWriteArrayList<>();
    private final Map<String, String> delivered = new ConcurrentHashMap<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private String secret;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", this::receive);
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
        sender.start();
    }

    @Test
    void aReceiverThatIsDownGetsEveryEventOnceVerifiedAfterItRecoversAndAfterARestart() throws Exception {
        JsonPath webhook = ehr.request()
                .body(Map.of("url", url(), "eventTypes", List.of("session.created", "session.signed")))
                .post("/api/v1/webhooks").then().statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
        secret = webhook.getString("secret");
        String webhookId = webhook.getString("id");
        ehr.request().get("/api/v1/webhooks").then().body("items[0].secret", equalTo(null));

        String alliance = therapist.createAlliance();
        String first = therapist.createSession(alliance, "2026-09-03");
        String second = therapist.createSession(alliance, "2026-09-10");
        waitUntil(() -> failedIds.size() >= 4, "the receiver was never tried twice per delivery");

        // The service stops with deliveries still due; the outbox keeps them.
        sender.stop();
        String third = therapist.createSession(alliance, "2026-09-17");
        receiverUp.set(true);
        Thread.sleep(500);
        assertTrue(delivered.isEmpty(), "sent while stopped");
        sender.start();
        waitUntil(() -> delivered.size() == 3, "not every event arrived after the receiver recovered");

        assertEquals(List.of(), badSignatures);
        assertEquals(Set.of(first, second, third), Set.copyOf(delivered.values()));
        JsonPath deliveries = ehr.request().get("/api/v1/webhooks/{id}/deliveries", webhookId).then().statusCode(200)
                .body("totalItems", equalTo(3)).extract().jsonPath();
        assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED"), deliveries.getList("items.status"));
        List<Integer> firstAttempts = deliveries.getList("items.find { it.attempts.size() > 1 }.attempts.responseStatus");
        assertEquals(503, firstAttempts.get(0));
        assertEquals(204, firstAttempts.get(firstAttempts.size() - 1));
        // Each delivery id reached the receiver as delivered once.
        assertEquals(3, delivered.size());
    }

    @Test
    void privateAndMalformedReceiversAreRefusedUnlessTheOperatorAllowsThem() {
        // The test profile's operator allows 127.0.0.1/32 (the tests' receivers) and nothing else private.
        for (String url : List.of("http://127.0.0.2:9/hook", "http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook", "http://100.64.0.1/hook", "ftp://example.org/hook", "http://user:pw@example.org/hook",
                "not a url", "http://no-such-host.invalid/hook", "https://example.org:70000/hook",
                "http://[2002:7f00:1::]/hook", "http://[64:ff9b::a00:1]/hook", "http://[::ffff:127.0.0.2]/hook",
                "http://0.0.0.0/hook", "http://2130706434/hook")) {
            ehr.request()
                    .body(Map.of("url", url, "eventTypes", List.of("session.created")))
                    .post("/api/v1/webhooks").then().statusCode(400).body("errors.field", hasItem("url"));
        }
        ehr.request()
                .body(Map.of("url", "https://example.org/hook", "eventTypes", List.of("session.deleted")))
                .post("/api/v1/webhooks").then().statusCode(400);
        therapist.request().get("/api/v1/webhooks").then().statusCode(403);
        ehr.request().get("/api/v1/webhooks").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aDeletedWebhookGetsNothingMore() throws Exception {
        Practitioner admin = therapist.colleague("admin");
        receiverUp.set(true);
        JsonPath webhook = admin.request().body(Map.of("url", url(), "eventTypes", List.of("session.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        String id = webhook.getString("id");
        secret = webhook.getString("secret");
        admin.request().delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        admin.request().delete("/api/v1/webhooks/{id}", id).then().statusCode(404);
        therapist.createSession(therapist.createAlliance(), "2026-09-03");
        Thread.sleep(500);
        assertTrue(delivered.isEmpty() && failedIds.isEmpty());
    }

    @Test
    void anAnswerRecordedThroughADatabaseOutageIsNeverSentAgain() throws Exception {
        receiverUp.set(true);
        JsonPath webhook = ehr.request().body(Map.of("url", url(), "eventTypes", List.of("session.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        secret = webhook.getString("secret");
        String webhookId = webhook.getString("id");
        // The first three attempts to record this webhook's answer fail as a terminated connection does
        // (a sequence counts them: nextval is not rolled back).
        Sql.execute(database, "create sequence webhook_outage_test",
                """
                create function webhook_outage_test() returns trigger language plpgsql as $$
                begin
                    if new.webhook_id = '%s' and new.status = 'DELIVERED' and nextval('webhook_outage_test') <= 3 then
                        raise exception 'terminating connection due to administrator command' using errcode = '57P01';
                    end if;
                    return new;
                end $$""".formatted(UUID.fromString(webhookId)),
                "create trigger webhook_outage_test before update on webhook_delivery for each row execute function webhook_outage_test()");
        try {
            String session = therapist.createSession(therapist.createAlliance(), "2026-09-03");
            // Well within the lease (34 s in the test profile), after which it would be sent again.
            long deadline = System.nanoTime() + 10_000_000_000L;
            List<String> statuses;
            do {
                Thread.sleep(100);
                statuses = ehr.request().get("/api/v1/webhooks/{id}/deliveries", webhookId).then().statusCode(200)
                        .extract().jsonPath().getList("items.status");
            } while (!statuses.equals(List.of("DELIVERED")) && System.nanoTime() < deadline);
            assertEquals(List.of("DELIVERED"), statuses, "the answer was not recorded through the outage");
            assertEquals(4L, single("select last_value from webhook_outage_test"), "three failed recordings, then one");
            Thread.sleep(500);
            assertEquals(List.of(), failedIds);
            assertEquals(List.of(), badSignatures, "a bad signature, or the same webhook-id received twice");
            assertEquals(List.of(session), List.copyOf(delivered.values()));
            ehr.request().get("/api/v1/webhooks/{id}/deliveries", webhookId).then()
                    .body("items[0].attempts.size()", equalTo(1)).body("items[0].attempts[0].responseStatus", equalTo(204));
        } finally {
            Sql.execute(database, "drop trigger webhook_outage_test on webhook_delivery", "drop function webhook_outage_test()",
                    "drop sequence webhook_outage_test");
        }
    }

    @Test
    void aWebhookStopsWhenItsRegistrantIsDeactivated() throws Exception {
        Practitioner admin = therapist.colleague("admin");
        receiverUp.set(true);
        JsonPath webhook = ehr.request().body(Map.of("url", url(), "eventTypes", List.of("session.created")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        String id = webhook.getString("id");
        secret = webhook.getString("secret");
        String ehrId = ehr.id();
        admin.request().header("If-Match", admin.etag("/api/v1/practitioners/{id}", ehrId)).body(Map.of("active", false))
                .patch("/api/v1/practitioners/{id}", ehrId).then().statusCode(200);
        therapist.createSession(therapist.createAlliance(), "2026-09-03");
        waitUntil(() -> admin.request().get("/api/v1/webhooks/{id}/deliveries", id).then().extract().jsonPath()
                .getList("items.status").contains("FAILED"), "the delivery was never given up");
        JsonPath deliveries = admin.request().get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("FAILED"), deliveries.getList("items.status"));
        assertEquals(List.of("given up: its registrant is no longer active or entitled"),
                deliveries.getList("items[0].attempts.error"));
        assertTrue(delivered.isEmpty() && failedIds.isEmpty(), "a request reached the receiver");
    }

    @Test
    void anOrganizationKeepsAtMostTwentyWebhooks() {
        Practitioner admin = therapist.colleague("admin");
        String last = null;
        for (int i = 0; i < 20; i++) {
            last = admin.request().body(Map.of("url", url() + "/" + i, "eventTypes", List.of("session.created")))
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        }
        admin.request().body(Map.of("url", url() + "/20", "eventTypes", List.of("session.created")))
                .post("/api/v1/webhooks").then().statusCode(409).contentType("application/problem+json");
        admin.request().get("/api/v1/webhooks").then().body("totalItems", equalTo(20));
        admin.request().delete("/api/v1/webhooks/{id}", last).then().statusCode(204);
        admin.request().body(Map.of("url", url() + "/20", "eventTypes", List.of("session.created")))
                .post("/api/v1/webhooks").then().statusCode(201);
    }


    private long single(String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        if (!receiverUp.get()) {
            failedIds.add(id);
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        if (!verified(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body)) {
            badSignatures.add(id);
        }
        JsonPath event = JsonPath.from(body);
        delivered.merge(id, event.getString("data.resourceId"), (a, b) -> {
            badSignatures.add("delivered twice: " + id);
            return a;
        });
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    /** Standard Webhooks verification, written here from the specification rather than borrowed from the service. */
    private boolean verified(String id, String timestamp, String signatureHeader, String body) {
        try {
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatureHeader.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static void waitUntil(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(50);
        }
    }
}
