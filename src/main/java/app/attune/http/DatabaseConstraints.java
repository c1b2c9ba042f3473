package app.attune.http;

import app.attune.api.FieldError;
import app.attune.api.Problem;
import app.attune.api.ProblemType;
import java.util.Map;

/**
 * Names the rule behind a constraint the database enforced, for the race where two requests pass
 * the service's own check at once. Unknown constraints give a generic conflict.
 */
final class DatabaseConstraints {

    private static final Map<String, FieldError> BY_NAME = Map.of(
            "organization_org_key_key", new FieldError("key", "is already used by another organization"),
            "client_external_id_unique", new FieldError("externalId", "is already used by another client of this organization"),
            "alliance_external_id_unique", new FieldError("externalId", "is already used by another alliance of this organization"),
            "measure_once_per_session", new FieldError("instrument",
                    "this session already has that measure from that respondent (and participant) at that timing"),
            "measure_participant_known", new FieldError("participant",
                    "names no participant of the alliance, or a participant whose measures are recorded was removed"));

    private DatabaseConstraints() {
    }

    static Problem problemFor(String constraintName) {
        String name = constraintName == null ? "" : constraintName.toLowerCase();
        FieldError known = BY_NAME.get(name);
        if (known != null) {
            return new Problem(ProblemType.CONFLICT.uri(), ProblemType.CONFLICT.title, 409,
                    known.field() + " " + known.message(), java.util.List.of(known));
        }
        return ProblemType.CONFLICT.problem("The request conflicts with the current state of the journal; read it again and retry");
    }
}
