package app.attune.database;

/** Fired once the schema is migrated: work at start that needs the tables observes it, not the start. */
public record SchemaReady() {
}
