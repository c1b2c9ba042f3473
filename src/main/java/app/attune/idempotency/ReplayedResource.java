package app.attune.idempotency;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * A collection of resources that a replayed answer may show, produced by the feature that owns
 * it. A replay is a read of what the first answer showed: before it is sent again, the feature
 * reads the resource as the caller is now (a 404 problem when it may no longer see it) and audits
 * that read.
 *
 * @param collection the collection's path segment under /api/v1, such as "clients"
 * @param readAgain reads one resource of it as the current caller, auditing the read
 */
public record ReplayedResource(String collection, Consumer<UUID> readAgain) {
}
