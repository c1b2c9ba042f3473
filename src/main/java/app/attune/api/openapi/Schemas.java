package app.attune.api.openapi;

import app.attune.api.PageRequest;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Answers and requests as a generated client must see them: every property of an answer is
 * required (Jackson writes nulls; only @Schema(nullable = true) ones can be null), request bodies
 * admit no unknown property (the service refuses them), and each Page&lt;T&gt; answer is a typed
 * page schema.
 */
final class Schemas {

    private static final String REF_PREFIX = "#/components/schemas/";
    static final String PAGE_SUFFIX = "Page";

    private Schemas() {
    }

    static void apply(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        Bounds.formatted(components);
        Set<String> answers = refsOf(openAPI, false);
        answers.stream().filter(name -> name.endsWith(PAGE_SUFFIX) && components.getSchemas().get(name) == null)
                .forEach(name -> components.addSchema(name, page(name)));
        Set<String> readModels = closure(components, answers);
        splitEditableFields(openAPI, readModels);
        Set<String> writeModels = closure(components, refsOf(openAPI, true));
        readModels.stream().filter(name -> !writeModels.contains(name)).map(components.getSchemas()::get)
                .filter(schema -> schema.getProperties() != null)
                .forEach(schema -> schema.setRequired(List.copyOf(schema.getProperties().keySet())));
        writeModels.forEach(name -> describeRequest(components, name));
        Bounds.apply(openAPI, readModels.stream().filter(name -> !writeModels.contains(name)).collect(Collectors.toSet()));
        components.getSchemas().values().forEach(schema -> inlineNullableRefs(components, schema));
        components.getSchemas().values().forEach(Schemas::dropTypeBesideReference);
        dropUnreferenced(openAPI);
    }

    /** The components the operations' answers (or request bodies) refer to directly. */
    private static Set<String> refsOf(OpenAPI openAPI, boolean requests) {
        Set<String> names = new TreeSet<>();
        Operations.forEach(openAPI, (path, method, operation) -> {
            if (requests && operation.getRequestBody() != null) {
                collectRefs(operation.getRequestBody().getContent(), names);
            } else if (!requests) {
                operation.getResponses().getAPIResponses().values().forEach(r -> collectRefs(r.getContent(), names));
            }
        });
        return names;
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
                schema.addProperty(property, nullable(components, field));
            }
        });
        if (name.endsWith("Patch")) {
            // A merge patch sends only what changes: the update records' @NotNull must not read as "required".
            schema.setRequired(null);
        }
    }

    /** What inlining left unreferenced (a component only ever used as a nullable field) goes. */
    private static void dropUnreferenced(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        Set<String> used = new TreeSet<>(refsOf(openAPI, false));
        used.addAll(refsOf(openAPI, true));
        Operations.forEach(openAPI, (path, method, operation) -> Operations.forEachParameter(operation, (parameter, name) -> {
            if (parameter.getSchema() != null) {
                refs(parameter.getSchema(), used);
            }
        }));
        Set<String> reachable = closure(components, used);
        Set.copyOf(components.getSchemas().keySet()).stream().filter(name -> !reachable.contains(name))
                .forEach(components::removeSchema);
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
                if (body == null || body.getRef() == null || !readModels.contains(name(body.getRef()))) {
                    return;
                }
                String answer = name(body.getRef());
                String fields = answer + "Fields";
                if (components.getSchemas().get(fields) == null) {
                    components.addSchema(fields, editable(components.getSchemas().get(answer), answer));
                }
                media.setSchema(OASFactory.createSchema().ref(REF_PREFIX + fields));
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

    /**
     * OpenAPI 3.0 can say "null, or this component" only as nullable beside an allOf, which
     * validators rightly read as "must match the component" (3.0.3: nullable does not widen what
     * allOf asks). A nullable reference is therefore written out in place, nullable itself: an id,
     * a date, an object, or an enumeration with null among its values. Generated clients then see
     * such an enumeration as a type of its own (Java: an inner enum), the price of being exact.
     */
    private static void inlineNullableRefs(Components components, Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Map.copyOf(schema.getProperties()).forEach((name, property) -> {
            Schema target = nullableRefTarget(components, property);
            if (target != null) {
                schema.addProperty(name, inlined(target, property));
            }
        });
    }

    /**
     * The scanner writes `type: string` beside a reference to an enumeration or a date, which the
     * reference says already (and a lone `type: string` reads as an unbounded string to linters).
     */
    private static void dropTypeBesideReference(Schema schema) {
        if (schema.getRef() != null
                || schema.getAllOf() != null && schema.getAllOf().size() == 1 && schema.getAllOf().get(0).getRef() != null) {
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(Schemas::dropTypeBesideReference);
        }
        if (schema.getItems() != null) {
            dropTypeBesideReference(schema.getItems());
        }
    }

    /** The field, null allowed. */
    private static Schema nullable(Components components, Schema field) {
        if (field.getType() != null && field.getType().contains(Schema.SchemaType.NULL) || field.getAnyOf() != null) {
            return field;
        }
        Schema ref = field.getRef() != null ? field
                : field.getAllOf() != null && field.getAllOf().size() == 1 ? field.getAllOf().get(0) : null;
        if (ref == null || ref.getRef() == null) {
            return field.addType(Schema.SchemaType.NULL);
        }
        return inlined(components.getSchemas().get(name(ref.getRef())), field);
    }

    private static Schema inlined(Schema target, Schema property) {
        Schema inline = OASFactory.createSchema();
        inline.setAll(target.getAll());
        // Fresh lists: the copy shares the target's otherwise, and would make the component nullable.
        inline.setType(new ArrayList<>(target.getType()));
        inline.addType(Schema.SchemaType.NULL);
        if (target.getEnumeration() != null) {
            // OpenAPI 3.0.3: nullable does not widen an enum; null must be one of its values.
            List<Object> values = new ArrayList<>(target.getEnumeration());
            values.add(null);
            inline.setEnumeration(values);
        }
        inline.setDescription(property.getDescription() != null ? property.getDescription() : target.getDescription());
        inline.setExamples(property.getExamples());
        return inline;
    }

    private static Schema nullableRefTarget(Components components, Schema property) {
        List<Schema> anyOf = property.getAnyOf();
        if (anyOf == null || anyOf.size() != 2 || anyOf.get(0).getRef() == null
                || !List.of(Schema.SchemaType.NULL).equals(anyOf.get(1).getType())) {
            return null;
        }
        return components.getSchemas().get(name(anyOf.get(0).getRef()));
    }

    /** A page of the schema the name starts with: AlliancePage holds Alliance items. */
    private static Schema page(String name) {
        String item = name.substring(0, name.length() - PAGE_SUFFIX.length());
        Schema count = integer("int32", 0, Integer.MAX_VALUE);
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One page of " + item + " items, with what a client needs to ask for the next")
                .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .maxItems(PageRequest.MAX_SIZE).items(OASFactory.createSchema().ref(REF_PREFIX + item)))
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
        return schema == null || schema.getRef() == null ? null : name(schema.getRef());
    }

    private static void collectRefs(Content content, Set<String> names) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(media -> {
            if (media.getSchema() != null) {
                refs(media.getSchema(), names);
            }
        });
    }

    /** Every schema reachable from the given names. */
    private static Set<String> closure(Components components, Set<String> roots) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Schema schema = components.getSchemas().get(name);
            if (schema != null && seen.add(name)) {
                Set<String> next = new TreeSet<>();
                refs(schema, next);
                todo.addAll(next);
            }
        }
        return seen;
    }

    private static void refs(Schema schema, Set<String> names) {
        if (schema.getRef() != null) {
            names.add(name(schema.getRef()));
            return;
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> refs(p, names));
        }
        if (schema.getItems() != null) {
            refs(schema.getItems(), names);
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            refs(schema.getAdditionalPropertiesSchema(), names);
        }
        for (List<Schema> group : List.of(nonNull(schema.getAllOf()), nonNull(schema.getOneOf()), nonNull(schema.getAnyOf()))) {
            group.forEach(s -> refs(s, names));
        }
    }

    private static List<Schema> nonNull(List<Schema> schemas) {
        return schemas == null ? List.of() : schemas;
    }

    private static String name(String ref) {
        return ref.startsWith(REF_PREFIX) ? ref.substring(REF_PREFIX.length()) : ref;
    }
}
