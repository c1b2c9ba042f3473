package app.attune.identity;

import app.attune.api.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps each token to its side of the service: a token of an unknown or suspended organization
 * reaches nothing, and the operator's reaches only the operator API. Role checks already refuse
 * both wherever roles are named; this covers the endpoints open to every signed-in practitioner.
 */
public class OrganizationGate {

    private static final String OPERATOR_API = "/api/v1/operator/";

    private final CurrentCaller caller;

    OrganizationGate(CurrentCaller caller) {
        this.caller = caller;
    }

    /** The answer to a token whose organization is not served. */
    public static Response unknownOrganization() {
        return ProblemType.UNKNOWN_ORGANIZATION.response(
                "The token's organization is not served here, or is suspended; ask the service's operator");
    }

    @ServerRequestFilter
    public Optional<Response> keepToItsSide(ContainerRequestContext request) {
        if (caller.ofUnknownOrganization()) {
            return Optional.of(unknownOrganization());
        }
        Caller who = caller.orNull();
        if (who != null && who.organizationId() == null && !request.getUriInfo().getPath().startsWith(OPERATOR_API)) {
            return Optional.of(ProblemType.FORBIDDEN.response("The operator's token reaches only the operator API"));
        }
        return Optional.empty();
    }
}
