package app.attune.audit;

/** What a request did, or tried to do, with a resource. */
public enum AuditAction {
    READ, LIST, REPORT, EXPORT, CREATE, UPDATE, SIGN
}
