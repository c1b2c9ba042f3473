package app.attune.http;

import app.attune.api.ProblemType;
import app.attune.config.AttuneConfig;
import app.attune.database.DatabaseOutage;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A token bucket per practitioner: attune.rate-limit.per-minute requests a minute, in bursts of
 * up to as many. Beyond it, 429 problem+json with Retry-After. The buckets live in PostgreSQL
 * ({@code rate_take}, one statement per request), so every replica draws on the same budget. Every
 * counted answer says where the budget stands, in the RateLimit-Policy and RateLimit fields of
 * draft-ietf-httpapi-ratelimit-headers. Requests without a valid token are not counted; they are
 * refused with 401 anyway, and answers refused before the count (a role check) carry no fields.
 */
@ApplicationScoped
public class RateLimit {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String STATE_HEADER = "RateLimit";
    public static final String POLICY_PATTERN = "^\"default\";q=[0-9]+;w=60$";
    public static final String STATE_PATTERN = "^\"default\";r=[0-9]+;t=[0-9]+$";
    private static final String STATE = "attune.rate-limit";
    private static final Logger LOG = Logger.getLogger(RateLimit.class);
    private static final UUID NO_ORGANIZATION = new UUID(0, 0);

    private final double perSecond;
    private final double capacity;
    private final String policy;
    private final CurrentIdentityAssociation identities;
    private final DataSource database;

    RateLimit(CurrentIdentityAssociation identities, DataSource database, AttuneConfig config) {
        int perMinute = config.rateLimit().perMinute();
        this.capacity = perMinute;
        this.perSecond = perMinute / 60.0;
        this.policy = "\"default\";q=" + perMinute + ";w=60";
        this.identities = identities;
        this.database = database;
    }

    /** Runs on the worker thread of the (blocking) endpoint, so it may wait for the identity and the database. */
    @ServerRequestFilter
    public Response limit(ContainerRequestContext request) {
        Caller caller;
        try {
            caller = CurrentCaller.of(identities.getIdentity());
        } catch (RuntimeException unauthenticated) {
            return null; // answered 401 by the security layer
        }
        if (caller == null) {
            return null;
        }
        Budget budget = take(caller);
        if (budget == null) {
            return null;
        }
        request.setProperty(STATE, budget);
        if (budget.waitSeconds == 0) {
            return null;
        }
        return Response.fromResponse(ProblemType.TOO_MANY_REQUESTS.response(
                "Too many requests; retry after " + budget.waitSeconds + " seconds"))
                .header("Retry-After", budget.waitSeconds).build();
    }

    @ServerResponseFilter
    public void describe(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STATE) instanceof Budget budget) {
            response.getHeaders().putSingle(POLICY_HEADER, policy);
            response.getHeaders().putSingle(STATE_HEADER, "\"default\";r=" + budget.remaining + ";t=" + budget.fullInSeconds);
        }
    }

    /**
     * One request taken from the caller's bucket. With the database away the request is answered
     * 503 here, as it would be a moment later; any other failure lets it pass uncounted (the limit
     * protects the service, and a request that reaches no data harms nothing).
     */
    private Budget take(Caller caller) {
        try (Connection connection = database.getConnection();
                PreparedStatement take = connection.prepareStatement("select remaining, granted from rate_take(?, ?, ?, ?)")) {
            // The operator belongs to no organization: its bucket is filed under the nil id.
            take.setObject(1, caller.organizationId() == null ? NO_ORGANIZATION : caller.organizationId());
            take.setObject(2, caller.practitionerId());
            take.setDouble(3, capacity);
            take.setDouble(4, perSecond);
            try (ResultSet row = take.executeQuery()) {
                row.next();
                double tokens = row.getDouble(1);
                long wait = row.getBoolean(2) ? 0 : (long) Math.ceil((1 - tokens) / perSecond);
                return new Budget((long) Math.floor(tokens), (long) Math.ceil((capacity - tokens) / perSecond), wait);
            }
        } catch (SQLException e) {
            if (DatabaseOutage.causes(e)) {
                throw new DatabaseOutage.DatabaseUnavailable(e);
            }
            LOG.warnf("rate limit not counted: SQL state %s", e.getSQLState());
            return null;
        }
    }

    /** Whole requests left, seconds until the bucket is full, and seconds until one may pass (0: now). */
    private record Budget(long remaining, long fullInSeconds, long waitSeconds) {
    }
}
