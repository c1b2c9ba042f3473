package app.attune.openapi;

import app.attune.api.PageRequest;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Answers and requests as a generated client must see them: every property of an answer is
 * required (Jackson writes nulls; only @Schema(nullable = true) ones can be null), request bodies
 * admit no unknown property (the service refuses them), and each Page&lt;T&gt; answer is a typed
 * page schema.
 */
final class Schemas {

    static final String PAGE_SUFFIX = "Page";

    private Schemas() {
    }

    static void apply(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        Bounds.formatted(components);
        Set<String> answers = References.refsOf(openAPI, false);
        answers.stream().filter(name -> name.endsWith(PAGE_SUFFIX) && components.getSchemas().get(name) == null)
                .forEach(name -> components.addSchema(name, page(name)));
        Set<String> readModels = References.closure(components, answers);
        splitEditableFields(openAPI, readModels);
        Set<String> writeModels = References.closure(components, References.refsOf(openAPI, true));
        readModels.stream().filter(name -> !writeModels.contains(name)).map(components.getSchemas()::get)
                .filter(schema -> schema.getProperties() != null)
                .forEach(schema -> schema.setRequired(List.copyOf(schema.getProperties().keySet())));
        writeModels.forEach(name -> describeRequest(components, name));
        Bounds.apply(openAPI, readModels.stream().filter(name -> !writeModels.contains(name)).collect(Collectors.toSet()));
        components.getSchemas().values().forEach(schema -> Nullability.writeOutReferences(components, schema));
        components.getSchemas().values().forEach(References::dropTypeBesideReference);
        References.dropUnreferenced(openAPI);
    }

    private static void describeRequest(Components components, String name) {
        Schema schema = components.getSchemas().get(name);
        if (schema.getProperties() == null) {
            return;
        }
        if (schema.getAdditionalPropertiesSchema() == null) {
            // Unknown fields are refused with 400 (quarkus.jackson.fail-on-unknown-properties).
            schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        // An optional field may be sent as null: absent in a new resource, cleared by a merge patch.
        Map.copyOf(schema.getProperties()).forEach((property, field) -> {
            if (!required.contains(property)) {
                schema.addProperty(property, Nullability.nullable(components, field));
            }
        });
        if (name.endsWith("Patch")) {
            // A merge patch sends only what changes: the update records' @NotNull must not read as "required".
            schema.setRequired(null);
        }
    }

    /**
     * A body that is also an answer (the settings: PUT what GET shows) gets its own request schema,
     * XFields beside X, without the read-only fields, so that the answer's properties can be required.
     */
    private static void splitEditableFields(OpenAPI openAPI, Set<String> readModels) {
        Components components = openAPI.getComponents();
        Operations.forEach(openAPI, (path, method, operation) -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
                Schema body = media.getSchema();
                if (body == null || body.getRef() == null || !readModels.contains(References.name(body.getRef()))) {
                    return;
                }
                String answer = References.name(body.getRef());
                String fields = answer + "Fields";
                if (components.getSchemas().get(fields) == null) {
                    components.addSchema(fields, editable(components.getSchemas().get(answer), answer));
                }
                media.setSchema(OASFactory.createSchema().ref(References.PREFIX + fields));
            });
        });
    }

    private static Schema editable(Schema answer, String name) {
        Schema fields = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("The fields of " + name + " a caller sets; the others are the service's");
        answer.getProperties().forEach((property, schema) -> {
            if (!Boolean.TRUE.equals(schema.getReadOnly())) {
                fields.addProperty(property, schema);
            }
        });
        if (answer.getRequired() != null) {
            fields.setRequired(answer.getRequired().stream().filter(fields.getProperties()::containsKey).toList());
        }
        return fields;
    }

    /** A page of the schema the name starts with: AlliancePage holds Alliance items. */
    private static Schema page(String name) {
        String item = name.substring(0, name.length() - PAGE_SUFFIX.length());
        Schema count = integer("int32", 0, Integer.MAX_VALUE);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One page of " + item + " items, with what a client needs to ask for the next")
                .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .maxItems(PageRequest.MAX_SIZE).items(OASFactory.createSchema().ref(References.PREFIX + item)))
                .addProperty("page", integer("int32", 0, PageRequest.MAX_PAGE).example(0))
                .addProperty("size", integer("int32", 1, PageRequest.MAX_SIZE).example(PageRequest.DEFAULT_SIZE))
                .addProperty("totalItems", integer("int64", 0, Long.MAX_VALUE).example(1))
                .addProperty("totalPages", count.example(1))
                .required(List.of("items", "page", "size", "totalItems", "totalPages"));
    }

    static Schema integer(String format, long minimum, long maximum) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format(format)
                .minimum(BigDecimal.valueOf(minimum)).maximum(BigDecimal.valueOf(maximum));
    }

    /** The schemas with a version property: answers that carry one also send it as their ETag. */
    static Set<String> versioned(Components components) {
        Set<String> versioned = new HashSet<>();
        components.getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() != null && schema.getProperties().containsKey("version")) {
                versioned.add(name);
            }
        });
        return versioned;
    }

    /** The component an answer's JSON body is, or null. */
    static String jsonSchemaName(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaType("application/json") == null) {
            return null;
        }
        Schema schema = response.getContent().getMediaType("application/json").getSchema();
        return schema == null || schema.getRef() == null ? null : References.name(schema.getRef());
    }
}
