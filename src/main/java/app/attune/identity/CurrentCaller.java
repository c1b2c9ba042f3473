package app.attune.identity;

import app.attune.api.ProblemType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, as {@link CallerAugmentor} resolved it from the token. */
@RequestScoped
public class CurrentCaller {

    private final SecurityIdentity identity;

    CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        Caller caller = identity.getAttribute(CallerAugmentor.CALLER);
        if (caller == null) {
            throw new AuthenticationFailedException(ProblemType.UNAUTHENTICATED.title);
        }
        return caller;
    }

    /** Whether the token was valid but names an organization that is unknown or suspended. */
    public boolean ofUnknownOrganization() {
        return !identity.isAnonymous() && Boolean.TRUE.equals(identity.getAttribute(CallerAugmentor.UNKNOWN_ORGANIZATION));
    }

    /** The caller, or null for a request without a valid token. */
    public Caller orNull() {
        return of(identity);
    }

    /** The caller an identity stands for, or null for an anonymous one. */
    public static Caller of(SecurityIdentity identity) {
        return identity.isAnonymous() ? null : identity.getAttribute(CallerAugmentor.CALLER);
    }
}
