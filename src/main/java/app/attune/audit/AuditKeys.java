package app.attune.audit;

import app.attune.config.AttuneConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;

/**
 * The audit chain's keys, read at start from the directory the operator mounts
 * (attune.audit.key-directory, a Kubernetes secret volume for example): one file per key, named
 * by its key id, holding at least 32 random bytes in base64. New events and checkpoints use
 * attune.audit.active-key; the others stay for verifying what they signed. A missing or weak
 * key stops the start: an audit trail hashed with a guessable key protects nothing.
 */
@Startup
@ApplicationScoped
public class AuditKeys {

    static final int MIN_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** One key: its id, as events name it, and its secret. */
    record Key(String id, SecretKeySpec secret) {
    }

    private final Map<String, Key> keys;
    private final Key active;
    private final boolean unkeyedAllowed;

    @Inject
    AuditKeys(AttuneConfig config) {
        this(config.audit().keyDirectory(), config.audit().activeKey(), config.audit().unkeyedEventsAllowed());
    }

    AuditKeys(Optional<Path> directory, Optional<String> activeKey, boolean unkeyedAllowed) {
        if (directory.isEmpty() || activeKey.isEmpty()) {
            throw new IllegalStateException("Set ATTUNE_AUDIT_KEY_DIRECTORY (a mounted secret with one file per audit key) "
                    + "and ATTUNE_AUDIT_ACTIVE_KEY (the file name of the key for new events)");
        }
        this.keys = read(directory.get());
        this.active = keys.get(activeKey.get());
        if (active == null) {
            throw new IllegalStateException("attune.audit.active-key names no key file of attune.audit.key-directory");
        }
        this.unkeyedAllowed = unkeyedAllowed;
    }

    /** The key new events and checkpoints are hashed with. */
    Key active() {
        return active;
    }

    /** The key an event or a checkpoint names, if this service holds it. */
    Optional<Key> named(String id) {
        return Optional.ofNullable(id).map(keys::get);
    }

    /** Whether events hashed before keys existed (plain SHA-256, no key id) may stand in a verified chain. */
    boolean unkeyedAllowed() {
        return unkeyedAllowed;
    }

    static Map<String, Key> read(Path directory) {
        Map<String, Key> keys = new TreeMap<>();
        // A secret volume also holds hidden entries (..data and the like): only visible names are keys.
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String id = file.getFileName().toString();
                if (id.startsWith(".") || !Files.isRegularFile(file)) {
                    continue;
                }
                if (!KEY_ID.matcher(id).matches()) {
                    throw new IllegalStateException("attune.audit.key-directory: a key file's name must be 1 to 64 letters, "
                            + "digits, '-' or '_', starting with a letter or digit");
                }
                byte[] secret;
                try {
                    secret = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("attune.audit.key-directory: key " + id + " is not base64");
                }
                if (secret.length < MIN_BYTES) {
                    throw new IllegalStateException("attune.audit.key-directory: key " + id + " has fewer than "
                            + MIN_BYTES + " bytes");
                }
                keys.put(id, new Key(id, new SecretKeySpec(secret, "HmacSHA256")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("attune.audit.key-directory cannot be read", e);
        }
        return Map.copyOf(keys);
    }
}
