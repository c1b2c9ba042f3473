package app.attune.idempotency;

import app.attune.api.ApiProblem;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Safe retries (IETF httpapi Idempotency-Key draft). A POST with a key runs in one transaction
 * with the record of its answer: the same key and request replay that answer and store nothing
 * twice; the same key with another request is 422; a retry while the first is still running is
 * 409. A replay is a read: it checks that the caller may still see what it shows and is audited.
 * Keys belong to the caller and are kept for attune.idempotency.retention. A request that fails
 * stores no key, so it can be retried as it was. Integrations must send a key.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Pattern RESOURCE = Pattern.compile("/api/v1/([a-z-]+)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(/.*)?");
    private static final Logger LOG = Logger.getLogger(IdempotencyInterceptor.class);

    private final CurrentCaller caller;
    private final CurrentVertxRequest request;
    private final IdempotencyKeys keys;
    private final ObjectMapper mapper;
    private final Map<String, ReplayedResource> collections;

    IdempotencyInterceptor(CurrentCaller caller, CurrentVertxRequest request, IdempotencyKeys keys, ObjectMapper mapper,
            Instance<ReplayedResource> collections) {
        this.collections = collections.stream().collect(Collectors.toMap(ReplayedResource::collection, c -> c));
        this.caller = caller;
        this.request = request;
        this.keys = keys;
        // Map entries in key order: a retry that lists a measure's items in another order is the same request.
        this.mapper = mapper.copy().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    @AroundInvoke
    Object answerOnce(InvocationContext invocation) throws Exception {
        HttpServerRequest http = request.getCurrent().request();
        String key = http.getHeader(HEADER);
        Caller me = caller.get();
        if (key == null) {
            if (me.integrates()) {
                throw ApiProblem.invalid(HEADER, "an integration sends an Idempotency-Key with every POST");
            }
            return invocation.proceed();
        }
        if (http.headers().getAll(HEADER).size() > 1) {
            // Which of two keys would a retry repeat? Refuse rather than guess.
            throw ApiProblem.invalid(HEADER, "send one Idempotency-Key, not several");
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiProblem.invalid(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String fingerprint = fingerprint(http, invocation.getParameters());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!keys.claim(me, key)) {
                    throw ApiProblem.conflict("A request with this Idempotency-Key is still being processed; retry later");
                }
                IdempotencyKeys.Answer earlier = keys.find(me, key);
                if (earlier != null) {
                    if (!earlier.requestHash().equals(fingerprint)) {
                        throw ApiProblem.keyReused();
                    }
                    readAgain(earlier.location() != null ? URI.create(earlier.location()).getPath() : http.path());
                    return earlier.replay();
                }
                Response answer = asResponse(invocation.proceed());
                keys.store(me, key, fingerprint, answer);
                return answer;
            });
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException e) {
            // call() wraps what the invocation throws as checked; hand the original on to the mappers.
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * A replay shows what the first answer showed: the caller must still be allowed to read it
     * (the resource its Location names, or the one its path names), and the read is audited.
     * A collection no feature answers for is refused rather than replayed unchecked.
     */
    private void readAgain(String path) {
        Matcher resource = RESOURCE.matcher(path);
        ReplayedResource collection = resource.matches() ? collections.get(resource.group(1)) : null;
        if (collection == null) {
            LOG.warnf("An idempotent replay names a collection no feature checks; refused");
            throw ApiProblem.notFound("resource");
        }
        collection.readAgain().accept(UUID.fromString(resource.group(2)));
    }

    private static Response asResponse(Object result) {
        return result instanceof Response response ? response : Response.ok(result).build();
    }

    /** The request as the service read it: method, path and the bound parameters, whitespace aside. */
    private String fingerprint(HttpServerRequest http, Object[] parameters) throws JsonProcessingException {
        String text = http.method().name() + " " + http.path() + "\n" + mapper.writeValueAsString(parameters);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
