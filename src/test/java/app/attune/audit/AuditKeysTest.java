package app.attune.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit keys the operator mounts: read as a Kubernetes secret volume lays them out, refused when weak. */
class AuditKeysTest {

    @TempDir
    Path directory;

    @Test
    void keysAreTheVisibleFilesOfTheDirectoryNamedByTheirIds() throws IOException {
        write("audit-2026", 32);
        write("audit-2027", 48);
        Files.createDirectory(directory.resolve("..2026_12_02_data"));
        Files.writeString(directory.resolve("..data"), "not a key");
        AuditKeys keys = new AuditKeys(Optional.of(directory), Optional.of("audit-2027"), false);
        assertEquals("audit-2027", keys.active().id());
        assertTrue(keys.named("audit-2026").isPresent(), "a retired key stays for verifying what it signed");
        assertTrue(keys.named("audit-2025").isEmpty());
        assertEquals(Set.of("audit-2026", "audit-2027"), AuditKeys.read(directory).keySet());
    }

    @Test
    void aMissingWeakOrMisnamedKeyStopsTheStart() throws IOException {
        assertThrows(IllegalStateException.class, () -> new AuditKeys(Optional.empty(), Optional.of("a"), false));
        write("audit-2026", 32);
        assertThrows(IllegalStateException.class, () -> new AuditKeys(Optional.of(directory), Optional.empty(), false));
        assertThrows(IllegalStateException.class, () -> new AuditKeys(Optional.of(directory), Optional.of("audit-2025"), false));
        write("short", 31);
        assertThrows(IllegalStateException.class, () -> AuditKeys.read(directory));
        Files.delete(directory.resolve("short"));
        Files.writeString(directory.resolve("garbled"), "not base64 at all!");
        assertThrows(IllegalStateException.class, () -> AuditKeys.read(directory));
        Files.delete(directory.resolve("garbled"));
        write("has space", 32);
        assertThrows(IllegalStateException.class, () -> AuditKeys.read(directory));
    }

    private void write(String id, int bytes) throws IOException {
        Files.writeString(directory.resolve(id), Base64.getEncoder().encodeToString(new byte[bytes]) + "\n");
    }
}
