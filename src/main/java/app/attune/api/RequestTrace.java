package app.attune.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's X-Request-Id when it is a plain token, a new UUID
 * otherwise. The id is echoed in the response, put on every log line written for the request
 * (MDC key requestId), on the one line logged per request, and recorded in the audit trail. A bearer token sent in the URL is refused
 * here, before it can reach any log.
 */
@ApplicationScoped
public class RequestTrace {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "attune.request-id";
    private static final Pattern ACCEPTED_ID = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Set<String> PATH_WORDS = Set.of("api", "v1", "clients", "alliances", "sessions", "ruptures",
            "repairs", "measures", "addenda", "sign", "report", "reports", "caseload", "vocabulary", "organization",
            "settings", "practitioners", "me", "audit-events", "verify", "q", "health", "live", "ready", "started",
            "openapi", "metrics", "swagger-ui");
    private static final Logger LOG = Logger.getLogger("app.attune.request");

    private final CurrentVertxRequest request;
    private final String tokenInUrl;

    RequestTrace(CurrentVertxRequest request, ObjectMapper mapper) throws JsonProcessingException {
        this.request = request;
        this.tokenInUrl = mapper.writeValueAsString(ProblemType.UNAUTHENTICATED.problem(
                "Send the bearer token in the Authorization header, never in the URL"));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String offered = context.request().getHeader(HEADER);
        String id = offered != null && ACCEPTED_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        context.put(KEY, id);
        MDC.put("requestId", id);
        context.response().putHeader(HEADER, id);
        if (context.queryParams().contains("access_token")) {
            // RFC 6750 allows tokens in the URL; URLs end up in proxies' logs, so this service never accepts one.
            context.response().setStatusCode(401)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", "Bearer")
                    .end(tokenInUrl);
            return;
        }
        long started = System.nanoTime();
        context.addEndHandler(done -> {
            LOG.infof("%s %s %d %d ms", context.request().method(), loggablePath(context.request().path()),
                    context.response().getStatusCode(), (System.nanoTime() - started) / 1_000_000);
            MDC.remove("requestId");
        });
        context.next();
    }

    /**
     * The path for the request log: ids and the API's own words, anything else starred, so that
     * an identifier a caller typed into a path never reaches the log.
     */
    static String loggablePath(String path) {
        if (path == null) {
            return "-";
        }
        return Arrays.stream(path.split("/", -1))
                .map(segment -> segment.isEmpty() || PATH_WORDS.contains(segment) || UUID_TEXT.matcher(segment).matches()
                        ? segment : "*")
                .collect(Collectors.joining("/"));
    }

    /** The current request's id. */
    public String requestId() {
        RoutingContext context = request.getCurrent();
        Object id = context == null ? null : context.get(KEY);
        return id == null ? "none" : id.toString();
    }

    /** The address the current request came from (the proxy's, unless forwarding headers are trusted). */
    public String clientAddress() {
        RoutingContext context = request.getCurrent();
        SocketAddress remote = context == null ? null : context.request().remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}
