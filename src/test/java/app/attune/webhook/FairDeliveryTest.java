package app.attune.webhook;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.Practitioner;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deliveries are sent concurrently within bounds per organization and per receiver: one
 * organization's receivers that accept and never answer (tarpits) hold only that organization's
 * slots, and every attempt connects to the address its check resolved.
 */
@QuarkusTest
class FairDeliveryTest {

    /** The test profile's attune.webhooks.per-receiver and attune.webhooks.timeout. */
    private static final int PER_RECEIVER = 2;
    private static final long TIMEOUT_MS = 2000;

    @Inject
    AgroalDataSource database;

    private final List<Tarpit> tarpits = new CopyOnWriteArrayList<>();
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final List<Long> receivedAt = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            receivedAt.add(System.nanoTime());
            hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopAll() throws IOException {
        receiver.stop(0);
        for (Tarpit tarpit : tarpits) {
            tarpit.close();
        }
    }

    @Test
    void oneOrganizationsSilentReceiversDelayNoOtherOrganizationsDelivery() throws Exception {
        Practitioner slow = Practitioner.therapist();
        Practitioner slowAdmin = slow.firstAdmin();
        Tarpit first = tarpit();
        Tarpit second = tarpit();
        for (Tarpit tarpit : List.of(first, second)) {
            slowAdmin.request().body(Map.of("url", "http://127.0.0.1:" + tarpit.port() + "/hook",
                    "eventTypes", List.of("session.created"))).post("/api/v1/webhooks").then().statusCode(201);
        }
        // Five sessions: ten deliveries into receivers that accept and never answer.
        String slowAlliance = slow.createAlliance();
        for (int day = 1; day <= 5; day++) {
            slow.createSession(slowAlliance, "2026-09-0" + day);
        }
        waitUntil(() -> first.accepted() == PER_RECEIVER && second.accepted() == PER_RECEIVER,
                "the silent receivers were not both tried");

        Practitioner prompt = Practitioner.therapist();
        String webhook = prompt.firstAdmin().request().body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hook", "eventTypes", List.of("session.created"))).post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
        String promptAlliance = prompt.createAlliance();
        long recorded = System.nanoTime();
        prompt.createSession(promptAlliance, "2026-09-01");
        waitUntil(() -> !receivedAt.isEmpty(), "the other organization's delivery never arrived");

        long arrived = receivedAt.get(0);
        long waitedMs = (arrived - recorded) / 1_000_000;
        assertTrue(waitedMs < TIMEOUT_MS, "waited " + waitedMs + " ms behind another organization's silent receivers");
        // It arrived while the silent receivers' first attempts were still hanging, before any could time out.
        long firstHang = Math.min(first.acceptedAt().get(0), second.acceptedAt().get(0));
        assertTrue(arrived - firstHang < TIMEOUT_MS * 1_000_000, "arrived only after a silent receiver's attempt ended");
        // Never more attempts in flight into one receiver than its bound.
        assertEquals(PER_RECEIVER, (int) first.acceptedBefore(arrived));
        assertEquals(PER_RECEIVER, (int) second.acceptedBefore(arrived));
        prompt.firstAdmin().request().get("/api/v1/webhooks/{id}/deliveries", webhook).then()
                .body("items[0].status", equalTo("DELIVERED"));

        // The silent receivers' attempts time out and are retried; nothing else is held up meanwhile.
        waitUntil(() -> attemptsRecorded(slow) >= 2 * PER_RECEIVER, "the silent receivers' attempts never timed out");
        slowAdmin.request().get("/api/v1/webhooks").then().body("totalItems", equalTo(2));
    }

    @Test
    void anAttemptConnectsToTheAddressItsCheckResolvedAndToNoOther() throws Exception {
        Practitioner therapist = Practitioner.therapist();
        Practitioner admin = therapist.firstAdmin();
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int port = receiver.getAddress().getPort();

        // A name only this test's name server knows: a second lookup elsewhere (the HTTP client's own) would fail.
        String pinned = "pinned-" + System.nanoTime() + ".rebind.test";
        RebindingResolver.script(pinned, loopback);
        admin.request().body(Map.of("url", "http://" + pinned + ":" + port + "/hook", "eventTypes", List.of("session.created")))
                .post("/api/v1/webhooks").then().statusCode(201);
        String alliance = therapist.createAlliance();
        therapist.createSession(alliance, "2026-09-01");
        waitUntil(() -> !hostHeaders.isEmpty(), "the delivery never arrived");
        assertEquals(pinned + ":" + port, hostHeaders.get(0), "the Host header names the URL's host");
        assertEquals(2, RebindingResolver.lookups(pinned), "one lookup at registration, one for the attempt");

        // A name that answers the loopback address to the registration, then the cloud metadata address.
        String rebinding = "rebinding-" + System.nanoTime() + ".rebind.test";
        RebindingResolver.script(rebinding, loopback, InetAddress.getByName("169.254.169.254"));
        Practitioner other = Practitioner.therapist();
        String webhook = other.firstAdmin().request().body(Map.of("url", "http://" + rebinding + ":" + port + "/hook",
                "eventTypes", List.of("session.created"))).post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        other.createSession(other.createAlliance(), "2026-09-01");
        waitUntil(() -> RebindingResolver.lookups(rebinding) >= 2, "the attempt never looked the name up");
        waitUntil(() -> !other.firstAdmin().request().get("/api/v1/webhooks/{id}/deliveries", webhook).then().extract()
                .jsonPath().getList("items[0].attempts").isEmpty(), "the attempt was never recorded");
        other.firstAdmin().request().get("/api/v1/webhooks/{id}/deliveries", webhook).then()
                .body("items[0].attempts[0].responseStatus", equalTo(null))
                .body("items[0].attempts[0].error", equalTo("is a private or local address, which the service's operator has not allowed"));
        assertEquals(1, hostHeaders.size(), "nothing reached a receiver for the rebound name");
    }

    private int attemptsRecorded(Practitioner ofOrganization) {
        try (Connection connection = database.getConnection(); PreparedStatement count = connection.prepareStatement("""
                select count(*) from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id
                join webhook w on w.id = d.webhook_id
                where w.organization_id = (select organization_id from practitioner where subject = ?)""")) {
            count.setString(1, ofOrganization.subject);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Tarpit tarpit() throws IOException {
        Tarpit tarpit = new Tarpit(new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1")));
        tarpits.add(tarpit);
        Thread accepting = new Thread(tarpit::acceptForever, "tarpit");
        accepting.setDaemon(true);
        accepting.start();
        return tarpit;
    }

    /** A receiver that accepts every connection and never answers. */
    private record Tarpit(ServerSocket server, List<Socket> held, List<Long> acceptedAt) {

        Tarpit(ServerSocket server) {
            this(server, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        }

        long acceptedBefore(long time) {
            return acceptedAt.stream().filter(at -> at < time).count();
        }

        int port() {
            return server.getLocalPort();
        }

        int accepted() {
            return held.size();
        }

        void acceptForever() {
            try {
                while (!server.isClosed()) {
                    held.add(server.accept());
                    acceptedAt.add(System.nanoTime());
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        void close() throws IOException {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static void waitUntil(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(20);
        }
    }
}
