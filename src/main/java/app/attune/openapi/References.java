package app.attune.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** Which components the operations use, directly and through each other. */
final class References {

    static final String PREFIX = "#/components/schemas/";

    private References() {
    }

    /** The components the operations' answers (or request bodies) refer to directly. */
    static Set<String> refsOf(OpenAPI openAPI, boolean requests) {
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

    /** What inlining left unreferenced (a component only ever used as a nullable field) goes. */
    static void dropUnreferenced(OpenAPI openAPI) {
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
     * The scanner writes `type: string` beside a reference to an enumeration or a date, which the
     * reference says already (and a lone `type: string` reads as an unbounded string to linters).
     */
    static void dropTypeBesideReference(Schema schema) {
        if (schema.getRef() != null
                || schema.getAllOf() != null && schema.getAllOf().size() == 1 && schema.getAllOf().get(0).getRef() != null) {
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(References::dropTypeBesideReference);
        }
        if (schema.getItems() != null) {
            dropTypeBesideReference(schema.getItems());
        }
    }

    static void collectRefs(Content content, Set<String> names) {
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
    static Set<String> closure(Components components, Set<String> roots) {
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

    static void refs(Schema schema, Set<String> names) {
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

    static String name(String ref) {
        return ref.startsWith(PREFIX) ? ref.substring(PREFIX.length()) : ref;
    }
}
