package app.attune.http;

import app.attune.api.ProblemType;
import app.attune.config.AttuneConfig;
import app.attune.identity.CurrentCaller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A token bucket per practitioner: attune.rate-limit.per-minute requests a minute, in bursts of
 * up to as many. Beyond it, 429 problem+json with Retry-After. Every answer to a signed-in caller
 * says where its budget stands, in the RateLimit-Policy and RateLimit fields of
 * draft-ietf-httpapi-ratelimit-headers. Requests without a valid token are not counted here; they
 * are refused with 401 anyway.
 */
@ApplicationScoped
public class RateLimit {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String STATE_HEADER = "RateLimit";
    public static final String POLICY_PATTERN = "^\"default\";q=[0-9]+;w=60$";
    public static final String STATE_PATTERN = "^\"default\";r=[0-9]+;t=[0-9]+$";
    private static final String STATE = "attune.rate-limit";

    private final double perSecond;
    private final double capacity;
    private final String policy;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final CurrentIdentityAssociation identities;

    RateLimit(CurrentIdentityAssociation identities, AttuneConfig config) {
        int perMinute = config.rateLimit().perMinute();
        this.capacity = perMinute;
        this.perSecond = perMinute / 60.0;
        this.policy = "\"default\";q=" + perMinute + ";w=60";
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        return identities.getDeferredIdentity().map(identity -> check(identity, request)).onFailure().recoverWithNull();
    }

    /** Also on refusals that came before the count (a role check, say): the state is then read, not taken. */
    @ServerResponseFilter
    public Uni<Void> describe(ContainerRequestContext request, ContainerResponseContext response) {
        Budget counted = (Budget) request.getProperty(STATE);
        if (counted != null) {
            write(response, counted);
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().invoke(identity -> {
            var caller = identity.isAnonymous() ? null : CurrentCaller.of(identity);
            if (caller != null) {
                write(response, bucket(caller.practitionerId()).peek(capacity, perSecond));
            }
        }).onFailure().recoverWithNull().replaceWithVoid();
    }

    private void write(ContainerResponseContext response, Budget budget) {
        response.getHeaders().putSingle(POLICY_HEADER, policy);
        response.getHeaders().putSingle(STATE_HEADER, "\"default\";r=" + budget.remaining + ";t=" + budget.fullInSeconds);
    }

    private Response check(SecurityIdentity identity, ContainerRequestContext request) {
        var caller = CurrentCaller.of(identity);
        if (caller == null) {
            return null;
        }
        Budget budget = bucket(caller.practitionerId()).take(capacity, perSecond);
        request.setProperty(STATE, budget);
        if (budget.waitSeconds == 0) {
            return null;
        }
        return Response.fromResponse(ProblemType.TOO_MANY_REQUESTS.response(
                "Too many requests; retry after " + budget.waitSeconds + " seconds"))
                .header("Retry-After", budget.waitSeconds).build();
    }

    private Bucket bucket(UUID practitioner) {
        return buckets.computeIfAbsent(practitioner, id -> new Bucket(capacity));
    }

    /** Whole requests left, seconds until the bucket is full, and seconds until one may pass (0: now). */
    private record Budget(long remaining, long fullInSeconds, long waitSeconds) {
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(double capacity) {
            this.tokens = capacity;
        }

        synchronized Budget take(double capacity, double perSecond) {
            refill(capacity, perSecond);
            if (tokens >= 1) {
                tokens -= 1;
                return budget(capacity, perSecond, 0);
            }
            return budget(capacity, perSecond, (long) Math.ceil((1 - tokens) / perSecond));
        }

        synchronized Budget peek(double capacity, double perSecond) {
            refill(capacity, perSecond);
            return budget(capacity, perSecond, 0);
        }

        private void refill(double capacity, double perSecond) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
        }

        private Budget budget(double capacity, double perSecond, long waitSeconds) {
            return new Budget((long) Math.floor(tokens), (long) Math.ceil((capacity - tokens) / perSecond), waitSeconds);
        }
    }
}
