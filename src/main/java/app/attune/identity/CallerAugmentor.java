package app.attune.identity;

import app.attune.api.ProblemType;
import app.attune.api.TextRules;
import app.attune.database.DatabaseOutage;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import java.sql.SQLException;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns a verified token into a caller: the practitioner it names, in its organization, holding
 * only the roles both the token and the practitioner's record grant. Role checks
 * (@RolesAllowed) therefore see the effective roles.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    static final String CALLER = "attune.caller";
    private static final int MAX_CLAIM_LENGTH = 255;

    private final PractitionerRegistry registry;

    CallerAugmentor(PractitionerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String subject = token.getSubject();
        String orgKey = claimText(token.getClaim("org"));
        if (!usable(subject) || !usable(orgKey)) {
            // A token without its practitioner or organization cannot be scoped to anything.
            return Uni.createFrom().failure(new AuthenticationFailedException(ProblemType.UNAUTHENTICATED.title));
        }
        String name = claimText(token.getClaim("name"));
        Set<String> claimed = token.getGroups() == null ? Set.of() : token.getGroups();
        return context.runBlocking(() -> {
            Caller caller;
            try {
                caller = registry.resolve(orgKey, subject, usable(name) ? name : null, claimed);
            } catch (SQLException e) {
                throw DatabaseOutage.causes(e) ? new DatabaseOutage.DatabaseUnavailable(e)
                        : new IllegalStateException("practitioner lookup failed", e);
            }
            Principal principal = identity.getPrincipal();
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(principal)
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addAttribute(CALLER, caller)
                    .addRoles(caller.roles())
                    .build();
        });
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
