package app.attune.audit;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a refused request was aiming at, read from its method and path, for the audit trail. The
 * service never learned more than the path says: an id the caller may not see stays unresolved.
 */
public record AuditTarget(AuditAction action, AuditedType type, UUID resourceId, UUID allianceId) {

    private static final String PREFIX = "/api/v1/";
    private static final Map<String, AuditedType> COLLECTIONS = Map.of("clients", AuditedType.CLIENT,
            "alliances", AuditedType.ALLIANCE, "sessions", AuditedType.SESSION, "ruptures", AuditedType.RUPTURE,
            "reports", AuditedType.CASELOAD, "practitioners", AuditedType.PRACTITIONER,
            "organization", AuditedType.SETTINGS);
    static Optional<AuditTarget> of(String method, String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] segments = path.substring(PREFIX.length()).split("/");
        AuditedType type = COLLECTIONS.get(segments[0]);
        if (type == null) {
            return Optional.empty();
        }
        UUID id = segments.length > 1 ? uuid(segments[1]) : null;
        String nested = segments.length > 2 ? segments[2] : null;
        UUID allianceId = type == AuditedType.ALLIANCE ? id : null;
        AuditAction action = switch (method) {
            case "GET" -> id == null || nested != null ? AuditAction.LIST : AuditAction.READ;
            case "POST" -> AuditAction.CREATE;
            case "PUT", "PATCH", "DELETE" -> AuditAction.UPDATE;
            default -> null;
        };
        if (action == null) {
            return Optional.empty();
        }
        if ("sign".equals(nested) || "cosign".equals(nested)) {
            action = AuditAction.SIGN;
        } else if ("report".equals(nested)) {
            action = AuditAction.REPORT;
        }
        // The object named by the path's id is the one the caller was refused.
        return Optional.of(new AuditTarget(action, type, id, allianceId));
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
