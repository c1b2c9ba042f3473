package app.attune.api;

import java.util.ArrayList;
import java.util.List;

/** Collects every rule an input breaks, so that one answer lists them all. */
public final class InputErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public InputErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }
}
