package app.attune.identity;

/** A token names an organization the operator has not provisioned, or has suspended. */
public final class UnknownOrganization extends Exception {

    UnknownOrganization() {
        super("unknown or suspended organization", null, false, false);
    }
}
