package app.attune.audit;

/** The kinds of resource the audit trail names. */
public enum AuditedType {
    CLIENT, ALLIANCE, SESSION, ADDENDUM, MEASURE, RUPTURE, REPAIR, REPORT, CASELOAD, PRACTITIONER, SETTINGS, WEBHOOK, ORGANIZATION, AUDIT_TRAIL, CHANGE_FEED
}
