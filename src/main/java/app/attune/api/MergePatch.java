package app.attune.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * JSON merge patch (RFC 7396), read at the edge: {@link PatchReader} turns the body into a {@link Patch},
 * the fields the caller sent bound to the feature's changes record and validated exactly as a
 * create body would be, and the service lays it over the current state. Read-only fields are
 * refused by name; services never see the JSON.
 */
@ApplicationScoped
public class MergePatch {

    private final ObjectMapper mapper;
    private final Validator validator;

    MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The body as a patch of {@code type}: 400 for anything but an object of its writable fields. */
    public <T extends Record> Patch<T> read(JsonNode body, Class<T> type, Set<String> readOnly) {
        if (body == null || !body.isObject()) {
            throw ApiProblem.invalid("body", "must be a JSON object of the fields to change");
        }
        Set<String> present = new LinkedHashSet<>();
        List<FieldError> refused = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            present.add(name);
            if (readOnly.contains(name)) {
                refused.add(new FieldError(name, "is read-only"));
            }
        }
        if (!refused.isEmpty()) {
            throw ApiProblem.invalid(refused);
        }
        T sent;
        try {
            sent = mapper.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            // Answered by ProblemMappers exactly as a body that failed to bind.
            throw new PatchBindingFailure(e);
        }
        // Only the fields sent: the others keep values that were valid when they were written.
        Set<ConstraintViolation<T>> violations = new LinkedHashSet<>();
        present.forEach(name -> violations.addAll(validator.validateProperty(sent, name)));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return new Patch<>(sent, Set.copyOf(present));
    }

    /** The fields a caller sent in a merge patch, over the changes record {@code T}. */
    public record Patch<T extends Record>(T sent, Set<String> present) {

        public boolean has(String field) {
            return present.contains(field);
        }

        /** {@code current} with every field sent replaced by the sent value (null clears). */
        public T over(T current) {
            RecordComponent[] components = current.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            try {
                for (int i = 0; i < components.length; i++) {
                    RecordComponent c = components[i];
                    values[i] = c.getAccessor().invoke(has(c.getName()) ? sent : current);
                    types[i] = c.getType();
                }
                @SuppressWarnings("unchecked")
                T merged = (T) current.getClass().getDeclaredConstructor(types).newInstance(values);
                return merged;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("a changes record could not be rebuilt", e);
            }
        }
    }

    /** The fields of a resource a caller reads but may not send in a patch; named on its changes record. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface ReadOnly {
        String[] value();
    }

    /** Carries a binding failure out of {@link #read} unchecked. */
    public static final class PatchBindingFailure extends RuntimeException {

        PatchBindingFailure(JsonProcessingException cause) {
            super(null, cause, false, false);
        }

        public JsonProcessingException binding() {
            return (JsonProcessingException) getCause();
        }
    }
}
