package app.attune.audit;

/** How the attempt ended. */
public enum AuditOutcome {
    /** Done. */
    SUCCESS,
    /** Refused: the caller's role may not take the action, or the object exists outside what it may see. */
    DENIED,
    /** The object does not exist (the caller was answered exactly as for DENIED objects it may not see). */
    NOT_FOUND
}
