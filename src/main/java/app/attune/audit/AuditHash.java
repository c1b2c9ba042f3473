package app.attune.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * The chain's hash: an HMAC-SHA-256, under the key the event names, over every field of the
 * event (its key id included) and the previous event's hash. Events from before keys existed
 * carry plain SHA-256 over the same fields without a key id. Fields are length-prefixed so that
 * no two different events encode alike.
 */
final class AuditHash {

    static final String GENESIS = "0".repeat(64);
    /** Keeps a checkpoint's signature from ever being mistaken for an event's hash, or the reverse. */
    private static final String CHECKPOINT = "attune-audit-checkpoint-v1";
    private static final String COMMIT_LOG = "attune-commit-log-v1";

    private AuditHash() {
    }

    static String keyed(AuditEvent event, AuditKeys.Key key) {
        return hmac(key, encode(event, key.id()));
    }

    static String unkeyed(AuditEvent event) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(encode(event, null).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** What a checkpoint's signature covers. */
    static String signature(AuditCheckpoint checkpoint, AuditKeys.Key key) {
        return hmac(key, encode(CHECKPOINT, checkpoint.organizationId(), checkpoint.seq(), checkpoint.hash(),
                checkpoint.issuedAt().toInstant(), key.id()));
    }

    /** Whether a MAC someone handed back is the expected one, compared in constant time. */
    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /** What a commit log row's seal covers. */
    static String commitLog(AuditKeys.Key key, Object organizationId, Object id, String events, String changes) {
        return hmac(key, encode(COMMIT_LOG, organizationId, id, events, changes, key.id()));
    }

    private static String encode(AuditEvent event, String keyId) {
        String fields = encode(event.organizationId, event.seq, event.id, event.occurredAt.toInstant(), event.actorId,
                event.actorRoles, event.action, event.resourceType, event.resourceId, event.allianceId, event.outcome,
                event.requestId, event.clientAddress, event.prevHash);
        return keyId == null ? fields : fields + encode(keyId);
    }

    private static String encode(Object... fields) {
        StringBuilder text = new StringBuilder();
        for (Object field : fields) {
            String value = Objects.toString(field, "");
            text.append(value.length()).append(':').append(value).append(';');
        }
        return text.toString();
    }

    private static String hmac(AuditKeys.Key key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key.secret());
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
