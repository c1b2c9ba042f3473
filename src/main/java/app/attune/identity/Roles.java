package app.attune.identity;

import java.util.Set;

/** Role names as they appear in the token's `groups` claim and in a practitioner's record. */
public final class Roles {

    public static final String THERAPIST = "therapist";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String INTEGRATION = "integration";
    /** Starts and downloads de-identified research exports, and reaches nothing clinical; granted by an admin. */
    public static final String RESEARCHER = "researcher";

    /** Runs the service for every organization: provisions them, and reaches nothing clinical. */
    public static final String OPERATOR = "operator";

    public static final Set<String> ALL = Set.of(THERAPIST, SUPERVISOR, ADMIN, INTEGRATION, RESEARCHER);
    /** The roles a practitioner's first token may bring with it; admin, integration and researcher are granted. */
    public static final Set<String> CLINICAL = Set.of(THERAPIST, SUPERVISOR);
    /** One role name, for validating bodies. */
    public static final String PATTERN = "^(therapist|supervisor|admin|integration|researcher)$";

    private Roles() {
    }
}
