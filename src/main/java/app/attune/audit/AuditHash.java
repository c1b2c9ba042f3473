package app.attune.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The chain's hash: SHA-256 over every field of an event and the previous event's hash. Fields
 * are length-prefixed so that no two different events encode alike.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    static String of(AuditEvent event) {
        StringBuilder text = new StringBuilder();
        for (Object field : new Object[] {event.organizationId, event.seq, event.id, event.occurredAt.toInstant(),
                event.actorId, event.actorRoles, event.action, event.resourceType, event.resourceId, event.allianceId,
                event.outcome, event.requestId, event.clientAddress, event.prevHash}) {
            String value = Objects.toString(field, "");
            text.append(value.length()).append(':').append(value).append(';');
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
