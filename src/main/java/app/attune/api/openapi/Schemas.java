package app.attune.api.openapi;

import app.attune.api.PageRequest;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
        Set<String> answers = new TreeSet<>();
        Set<String> requests = new TreeSet<>();
        Operations.forEach(openAPI, (path, method, operation) -> {
            operation.getResponses().getAPIResponses().values()
                    .forEach(response -> collectRefs(response.getContent(), answers));
            if (operation.getRequestBody() != null) {
                collectRefs(operation.getRequestBody().getContent(), requests);
            }
        });
        answers.stream().filter(name -> name.endsWith(PAGE_SUFFIX) && components.getSchemas().get(name) == null)
                .forEach(name -> components.addSchema(name, page(name)));
        Set<String> readModels = closure(components, answers);
        splitEditableFields(openAPI, readModels);
        requests.clear();
        Operations.forEach(openAPI, (path, method, operation) -> {
            if (operation.getRequestBody() != null) {
                collectRefs(operation.getRequestBody().getContent(), requests);
            }
        });
        Set<String> writeModels = closure(components, requests);
        for (String name : readModels) {
            Schema schema = components.getSchemas().get(name);
            if (schema.getProperties() != null && !writeModels.contains(name)) {
                schema.setRequired(List.copyOf(schema.getProperties().keySet()));
            }
        }
        for (String name : writeModels) {
            Schema schema = components.getSchemas().get(name);
            if (schema.getProperties() != null && schema.getAdditionalPropertiesSchema() == null) {
                // Unknown fields are refused with 400 (quarkus.jackson.fail-on-unknown-properties).
                schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
            }
            if (name.endsWith("Patch")) {
                // A merge patch sends only what changes: the update records' @NotNull must not read as "required".
                schema.setRequired(null);
            }
        }
        components.getSchemas().values().forEach(schema -> inlineNullableRefs(components, schema));
        Set<String> used = new TreeSet<>();
        Operations.forEach(openAPI, (path, method, operation) -> {
            operation.getResponses().getAPIResponses().values().forEach(response -> collectRefs(response.getContent(), used));
            if (operation.getRequestBody() != null) {
                collectRefs(operation.getRequestBody().getContent(), used);
            }
            Operations.forEachParameter(operation, (parameter, name) -> {
                if (parameter.getSchema() != null) {
                    refs(parameter.getSchema(), used);
                }
            });
        });
        Set<String> reachable = closure(components, used);
        // What inlining left unreferenced (a component only ever used as a nullable field) goes.
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
     * OpenAPI 3.0 can say "null, or this component" only as nullable beside an allOf, which a
     * validator reads as "must match the component" and refuses null. A nullable reference is
     * therefore written out in place (a date, an enumeration with null among its values, a small
     * object), where nullable applies to the schema itself.
     */
    private static void inlineNullableRefs(Components components, Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        Map.copyOf(schema.getProperties()).forEach((name, property) -> {
            Schema target = nullableRefTarget(components, property);
            if (target == null) {
                return;
            }
            Schema inline = OASFactory.createSchema();
            inline.setAll(target.getAll());
            inline.addType(Schema.SchemaType.NULL);
            if (inline.getEnumeration() != null) {
                inline.addEnumeration(null);
            }
            inline.setDescription(property.getDescription() != null ? property.getDescription() : target.getDescription());
            inline.setExamples(property.getExamples());
            schema.addProperty(name, inline);
        });
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
