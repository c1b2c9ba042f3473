package app.attune.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.api.MergePatch.Patch;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** A merge patch read at the edge and laid over the current state, without HTTP or a database. */
class MergePatchTest {

    record Changes(@NotNull @Size(max = 5) String name, Integer minutes, @Size(max = 2) List<@NotNull String> tags) {
    }

    private static final Set<String> READ_ONLY = Set.of("id", "version");

    private final ObjectMapper mapper = strictMapper();
    private final MergePatch patches = new MergePatch(mapper, Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        return mapper;
    }

    private Patch<Changes> read(String json) throws Exception {
        return patches.read(mapper.readTree(json), Changes.class, READ_ONLY);
    }

    @Test
    void onlyTheFieldsSentChangeAndNullClears() throws Exception {
        Patch<Changes> patch = read("{\"minutes\": null, \"tags\": [\"a\"]}");
        assertTrue(patch.has("minutes"));
        assertFalse(patch.has("name"));
        assertEquals(new Changes("ab", null, List.of("a")), patch.over(new Changes("ab", 50, List.of("x", "y"))));
    }

    @Test
    void aRequiredFieldNotSentKeepsItsValueAndIsNotChecked() throws Exception {
        assertEquals(new Changes("ab", 3, null), read("{\"minutes\": 3}").over(new Changes("ab", 50, null)));
    }

    @Test
    void aSentFieldIsValidatedAsACreateBodyWouldBe() {
        ConstraintViolationException e = assertThrows(ConstraintViolationException.class,
                () -> read("{\"name\": null, \"tags\": [\"a\", null, \"c\"]}"));
        Set<String> fields = e.getConstraintViolations().stream().map(ConstraintViolation::getPropertyPath)
                .map(path -> path.iterator().next().getName()).collect(Collectors.toSet());
        assertEquals(Set.of("name", "tags"), fields);
    }

    @Test
    void readOnlyFieldsAreRefusedByName() {
        ApiProblem e = assertThrows(ApiProblem.class, () -> read("{\"version\": 3, \"id\": \"x\", \"minutes\": 1}"));
        assertEquals(Set.of("id", "version"),
                e.problem().errors().stream().map(FieldError::field).collect(Collectors.toSet()));
    }

    @Test
    void anUnknownFieldOrAWrongTypeFailsToBind() {
        MergePatch.PatchBindingFailure unknown = assertThrows(MergePatch.PatchBindingFailure.class,
                () -> read("{\"colour\": \"red\"}"));
        assertTrue(unknown.binding() instanceof UnrecognizedPropertyException);
        assertThrows(MergePatch.PatchBindingFailure.class, () -> read("{\"minutes\": \"9\"}"));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() throws Exception {
        for (String body : new String[] {"[]", "3", "null"}) {
            ApiProblem e = assertThrows(ApiProblem.class, () -> read(body));
            assertEquals("body", e.problem().errors().get(0).field());
        }
        assertThrows(ApiProblem.class, () -> patches.read(null, Changes.class, READ_ONLY));
    }
}
