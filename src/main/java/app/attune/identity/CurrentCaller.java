package app.attune.identity;

import app.attune.api.ProblemType;
import app.attune.api.TextRules;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The caller of the current request; a practitioner seen for the first time is registered. */
@RequestScoped
public class CurrentCaller {

    private static final int MAX_CLAIM_LENGTH = 255;

    @Inject
    JsonWebToken token;

    @Inject
    PractitionerRegistry registry;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            caller = resolve();
        }
        return caller;
    }

    private Caller resolve() {
        String subject = token.getSubject();
        String orgKey = claimText(token.getClaim("org"));
        if (!usable(subject) || !usable(orgKey)) {
            // A token without its practitioner or organization cannot be scoped to anything.
            throw new AuthenticationFailedException(ProblemType.UNAUTHENTICATED.title);
        }
        String name = claimText(token.getClaim("name"));
        Set<String> roles = token.getGroups() == null ? Set.of() : Set.copyOf(token.getGroups());
        UUID organizationId = registry.organization(orgKey);
        UUID practitionerId = registry.practitioner(organizationId, subject,
                usable(name) ? name : null, String.join(",", new java.util.TreeSet<>(roles)));
        return new Caller(practitionerId, organizationId, roles);
    }

    private static String claimText(Object claim) {
        if (claim == null) {
            return null;
        }
        return claim instanceof jakarta.json.JsonString json ? json.getString() : claim.toString();
    }

    private static boolean usable(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_CLAIM_LENGTH
                && TextRules.problemWith(value) == null;
    }
}
