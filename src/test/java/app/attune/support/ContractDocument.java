package app.attune.support;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The committed openapi/openapi.json, read for validation. OpenAPI 3.0 writes "this enumeration or
 * object, or null" as {@code allOf: [$ref]} beside {@code nullable: true}; the JSON Schema engine
 * under the validator reads the allOf alone and refuses null. So, for validation only, each such
 * field is replaced by a copy of what it refers to, nullable itself (null added to an
 * enumeration's values, as OpenAPI 3.0.3 asks): the meaning the document states, in a form the
 * engine reads.
 */
public final class ContractDocument {

    private ContractDocument() {
    }

    public static OpenAPI read() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readLocation(Path.of("openapi", "openapi.json").toUri().toString(), null, options);
        if (result.getMessages() != null && !result.getMessages().isEmpty()) {
            throw new IllegalStateException("openapi/openapi.json does not parse: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    /** The document with nullable references written out in place (see above). */
    public static OpenAPI forValidation() {
        OpenAPI document = read();
        Map<String, Schema> components = document.getComponents().getSchemas();
        components.values().forEach(schema -> inline(components, schema));
        return document;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void inline(Map<String, Schema> components, Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties != null) {
            properties.replaceAll((name, property) -> nullableCopy(components, property));
            properties.values().forEach(property -> inline(components, property));
        }
        if (schema.getItems() != null) {
            schema.setItems(nullableCopy(components, schema.getItems()));
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullableCopy(Map<String, Schema> components, Schema property) {
        List<Schema> allOf = property.getAllOf();
        if (!Boolean.TRUE.equals(property.getNullable()) || allOf == null || allOf.size() != 1 || allOf.get(0).get$ref() == null) {
            return property;
        }
        Schema target = components.get(allOf.get(0).get$ref().replace("#/components/schemas/", ""));
        Schema copy = new Schema();
        copy.setType(target.getType());
        copy.setFormat(target.getFormat());
        copy.setProperties(target.getProperties());
        copy.setRequired(target.getRequired());
        copy.setAdditionalProperties(target.getAdditionalProperties());
        copy.setMaxLength(target.getMaxLength());
        if (target.getEnum() != null) {
            List<Object> values = new ArrayList<>(target.getEnum());
            values.add(null);
            copy.setEnum(values);
        }
        copy.setNullable(true);
        return copy;
    }
}
