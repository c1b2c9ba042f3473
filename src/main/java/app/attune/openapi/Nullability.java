package app.attune.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** What can be null, said the way OpenAPI 3.0 and the validators that read it agree on. */
final class Nullability {

    private Nullability() {
    }

    /**
     * OpenAPI 3.0 can say "null, or this component" only as nullable beside an allOf, which
     * validators rightly read as "must match the component" (3.0.3: nullable does not widen what
     * allOf asks). A nullable reference is therefore written out in place, nullable itself: an id,
     * a date, an object, or an enumeration with null among its values. Generated clients then see
     * such an enumeration as a type of its own (Java: an inner enum), the price of being exact.
     */
    static void writeOutReferences(Components components, Schema schema) {
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

    /** The field, null allowed. */
    static Schema nullable(Components components, Schema field) {
        if (field.getType() != null && field.getType().contains(Schema.SchemaType.NULL) || field.getAnyOf() != null) {
            return field;
        }
        Schema ref = field.getRef() != null ? field
                : field.getAllOf() != null && field.getAllOf().size() == 1 ? field.getAllOf().get(0) : null;
        if (ref == null || ref.getRef() == null) {
            return field.addType(Schema.SchemaType.NULL);
        }
        return inlined(components.getSchemas().get(References.name(ref.getRef())), field);
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
        return components.getSchemas().get(References.name(anyOf.get(0).getRef()));
    }
}
