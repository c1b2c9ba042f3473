package app.attune.access;

import app.attune.api.ApiProblem;
import app.attune.identity.Caller;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one rule for which alliances a caller may see and change; every clinical query scopes
 * itself with it. A therapist sees its own alliances, a supervisor its supervisees', an
 * integration every alliance of its organization. Only a therapist (its own) and an integration
 * change them. An admin sees none.
 */
public record AllianceScope(String where, Map<String, Object> parameters) {

    /** The alliances, aliased {@code alias} in an HQL query, that the caller may read. */
    public static AllianceScope readable(Caller caller, String alias) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("scopeOrg", caller.organizationId());
        String inOrganization = alias + ".organizationId = :scopeOrg";
        if (caller.integrates()) {
            return new AllianceScope(inOrganization, parameters);
        }
        List<String> any = new ArrayList<>();
        if (caller.treats()) {
            any.add(alias + ".therapistId = :scopeMe");
        }
        if (caller.supervises()) {
            any.add(alias + ".therapistId in (select p.id from Practitioner p where p.supervisorId = :scopeMe)");
        }
        if (any.isEmpty()) {
            return new AllianceScope("1 = 0", Map.of());
        }
        parameters.put("scopeMe", caller.practitionerId());
        return new AllianceScope(inOrganization + " and (" + String.join(" or ", any) + ")", parameters);
    }

    /** Whether the caller may change an alliance of this therapist that it can read, and add to it. */
    public static boolean mayChange(Caller caller, UUID therapistId) {
        return caller.integrates() || (caller.treats() && caller.practitionerId().equals(therapistId));
    }

    /** 403 for an alliance the caller can read but may not change (a supervisor's view of a supervisee's). */
    public static void requireChangeable(Caller caller, UUID therapistId) {
        if (!mayChange(caller, therapistId)) {
            throw ApiProblem.forbidden("You may read this alliance but not change it");
        }
    }

    /** These parameters merged with the query's own. */
    public Map<String, Object> with(Map<String, Object> own) {
        Map<String, Object> all = new HashMap<>(own);
        all.putAll(parameters);
        return all;
    }
}
