package app.attune.access;

import app.attune.identity.Caller;
import java.util.HashMap;
import java.util.Map;

/**
 * The clients a caller may see: a therapist those it registered and those of the alliances it
 * may read; a supervisor those of its supervisees' alliances; an integration every client of
 * its organization.
 */
public record ClientScope(String where, Map<String, Object> parameters) {

    /** The clients, aliased {@code alias} in an HQL query, that the caller may see. */
    public static ClientScope readable(Caller caller, String alias) {
        AllianceScope alliances = AllianceScope.readable(caller, "a");
        if (caller.integrates()) {
            return new ClientScope(alias + ".organizationId = :scopeOrg", alliances.parameters());
        }
        Map<String, Object> parameters = new HashMap<>(alliances.parameters());
        String registered = "";
        if (caller.treats()) {
            registered = alias + ".createdBy = :registrar or ";
            parameters.put("registrar", caller.practitionerId());
        }
        return new ClientScope(alias + ".organizationId = :scopeOrg and (" + registered
                + "exists (select 1 from Alliance a where a.clientId = " + alias + ".id and " + alliances.where() + "))",
                parameters);
    }

    /** These parameters merged with the query's own. */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(own);
        all.putAll(parameters);
        return all;
    }
}
