package app.attune.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the sender reads a receiver's answer, against a real HTTP exchange on loopback. */
class ReceiverAnswerTest {

    private static final int LARGE = 4 * 1024 * 1024;

    private Vertx vertx;
    private HttpClient http;
    private HttpServer receiver;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        http = vertx.createHttpClient();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/short", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/long", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, LARGE);
            exchange.getResponseBody().write(new byte[LARGE]);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() throws Exception {
        receiver.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The callback that reads the answer can run after the answer has ended: that is still a 2xx. */
    @Test
    void anAnswerThatEndedBeforeItIsReadIsStillTheReceiversStatus() throws Exception {
        HttpClientResponse response = head("/short");
        // Wait for the end of the answer before reading it, as a queued callback sometimes does.
        response.end().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        int status = WebhookSender.statusOnceRead(response).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(204, status);
    }

    /** A long body is read through and dropped, not kept, and the status follows its end. */
    @Test
    void aLongAnswerIsReadToItsEnd() throws Exception {
        HttpClientResponse response = head("/long");

        int status = WebhookSender.statusOnceRead(response).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertEquals(200, status);
    }

    private HttpClientResponse head(String path) throws Exception {
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                        .setPort(receiver.getAddress().getPort()).setURI(path))
                .compose(request -> request.send("{}"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
