package app.attune.identity;

/** Role names as they appear in the token's `groups` claim. */
public final class Roles {

    public static final String THERAPIST = "therapist";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}
