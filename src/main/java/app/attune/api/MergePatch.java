package app.attune.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * JSON merge patch (RFC 7396) onto an update record: the current state is written as the record,
 * the caller's fields are laid over it (null clears), and the result is read back and validated
 * exactly as a create body would be. Read-only fields are refused by name.
 */
@ApplicationScoped
public class MergePatch {

    private final ObjectMapper mapper;
    private final Validator validator;

    MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Set<String> readOnly) {
        if (patch == null || !patch.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object of the fields to change");
        }
        List<FieldError> refused = new ArrayList<>();
        for (Iterator<String> names = patch.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (readOnly.contains(name)) {
                refused.add(new FieldError(name, "is read-only"));
            }
        }
        if (!refused.isEmpty()) {
            throw ApiProblem.invalid(refused);
        }
        ObjectNode merged = mapper.valueToTree(current);
        merged.setAll((ObjectNode) patch);
        T result;
        try {
            @SuppressWarnings("unchecked")
            Class<T> type = (Class<T>) current.getClass();
            result = mapper.treeToValue(merged, type);
        } catch (JsonProcessingException e) {
            // Answered by ProblemMappers exactly as a body that failed to bind.
            throw new PatchBindingFailure(e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    /** Carries a binding failure out of {@link #apply} unchecked. */
    public static final class PatchBindingFailure extends RuntimeException {

        PatchBindingFailure(JsonProcessingException cause) {
            super(null, cause, false, false);
        }

        public JsonProcessingException binding() {
            return (JsonProcessingException) getCause();
        }
    }
}
