package app.attune.api;

import app.attune.identity.CurrentCaller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token bucket per practitioner: attune.rate-limit.per-minute requests a minute, in bursts of
 * up to as many. Beyond it, 429 problem+json with Retry-After. Requests without a valid token
 * are not counted here; they are refused with 401 anyway.
 */
@ApplicationScoped
public class RateLimit {

    private final double perSecond;
    private final double capacity;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();
    private final CurrentIdentityAssociation identities;

    RateLimit(@ConfigProperty(name = "attune.rate-limit.per-minute") int perMinute, CurrentIdentityAssociation identities) {
        this.capacity = perMinute;
        this.perSecond = perMinute / 60.0;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit() {
        return identities.getDeferredIdentity().map(this::check).onFailure().recoverWithNull();
    }

    private Response check(SecurityIdentity identity) {
        var caller = CurrentCaller.of(identity);
        if (caller == null) {
            return null;
        }
        long waitSeconds = buckets.computeIfAbsent(caller.practitionerId(), id -> new Bucket(capacity)).take(capacity, perSecond);
        if (waitSeconds == 0) {
            return null;
        }
        return Response.fromResponse(ProblemType.TOO_MANY_REQUESTS.response(
                "Too many requests; retry after " + waitSeconds + " seconds"))
                .header("Retry-After", waitSeconds).build();
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(double capacity) {
            this.tokens = capacity;
        }

        /** 0 when a request may pass, else the whole seconds until one may. */
        synchronized long take(double capacity, double perSecond) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }
    }
}
