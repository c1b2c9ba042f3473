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
import java.sql.SQLException;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

/**
 * Turns a verified token into a caller: the practitioner it names, in its organization, holding
 * only the roles both the token and the practitioner's record grant. Role checks
 * (@RolesAllowed) therefore see the effective roles.
 */
@ApplicationScoped
public class CallerAugmentor implements SecurityIdentityAugmentor {

    static final String CALLER = "attune.caller";
    /** Set, with no caller and no role, on the identity of a token whose organization is unknown or suspended. */
    static final String UNKNOWN_ORGANIZATION = "attune.unknown-organization";
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
        Object orgClaim = token.getClaim("org");
        String orgKey = claimText(orgClaim);
        Set<String> claimed = token.getGroups() == null ? Set.of() : token.getGroups();
        if (orgClaim == null && usable(subject) && claimed.contains(Roles.OPERATOR)) {
            // The operator belongs to no organization, and its token names none.
            return Uni.createFrom().item(identityOf(identity, Caller.operator(subject)));
        }
        if (!usable(subject) || !usable(orgKey)) {
            // A token without its practitioner or organization cannot be scoped to anything.
            return Uni.createFrom().failure(new AuthenticationFailedException(ProblemType.UNAUTHENTICATED.title));
        }
        String name = claimText(token.getClaim("name"));
        String requestId = MDC.get("requestId") instanceof String id ? id : "";
        return context.runBlocking(() -> {
            try {
                return identityOf(identity, registry.resolve(orgKey, subject, usable(name) ? name : null, claimed, requestId));
            } catch (UnknownOrganization e) {
                // Verified, but of no organization this service serves: every role check refuses it.
                // (A fresh builder: copying the identity would keep the token's groups as roles.)
                return QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                        .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes())
                        .addAttribute(UNKNOWN_ORGANIZATION, Boolean.TRUE).build();
            } catch (SQLException e) {
                throw DatabaseOutage.causes(e) ? new DatabaseOutage.DatabaseUnavailable(e)
                        : new IllegalStateException("practitioner lookup failed", e);
            }
        });
    }

    private static SecurityIdentity identityOf(SecurityIdentity identity, Caller caller) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(CALLER, caller)
                .addRoles(caller.roles())
                .build();
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
