package app.attune.openapi;

import app.attune.api.Text;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Upper bounds on what an answer can hold, so that a client can size its buffers and a scanner can
 * tell a runaway answer from a real one. Requests are bounded by their own Bean Validation
 * annotations; these are the answers' bounds, each at least as large as anything the service stores.
 */
final class Bounds {

    /** No stored text is longer than a progress note. */
    private static final int TEXT_MAX = Text.NOTE_MAX;
    /** A report of the longest range, with several sessions a day, stays far below this. */
    static final int LIST_MAX = 10_000;
    private static final int MAP_MAX = 1_000;
    /** CSV and SVG reports: far above the longest range's report. */
    static final int DOCUMENT_MAX = 16 * 1024 * 1024;
    private static final Map<String, Integer> FORMATTED = Map.of("UUID", 36, "LocalDate", 10, "OffsetDateTime", 64);

    private Bounds() {
    }

    /** Ids, dates and times are strings of a known length, wherever they appear. */
    static void formatted(Components components) {
        FORMATTED.forEach((name, length) -> {
            Schema schema = components.getSchemas().get(name);
            if (schema != null) {
                schema.setMaxLength(length);
            }
        });
    }

    /** A text parameter's length, from its format: the service refuses anything else as malformed. */
    static void parameter(Schema schema) {
        if (schema == null || schema.getRef() != null || schema.getMaxLength() != null || schema.getEnumeration() != null
                || schema.getType() == null || !schema.getType().contains(Schema.SchemaType.STRING)) {
            return;
        }
        schema.setMaxLength(switch (String.valueOf(schema.getFormat())) {
            case "uuid" -> FORMATTED.get("UUID");
            case "date" -> FORMATTED.get("LocalDate");
            default -> FORMATTED.get("OffsetDateTime");
        });
    }

    static void apply(OpenAPI openAPI, Set<String> answers) {
        Components components = openAPI.getComponents();
        answers.stream().map(components.getSchemas()::get).filter(Objects::nonNull).forEach(Bounds::bound);
        Operations.forEach(openAPI, (path, method, operation) -> operation.getResponses().getAPIResponses().values()
                .forEach(response -> {
                    if (response.getContent() != null) {
                        response.getContent().getMediaTypes().forEach((type, media) -> {
                            if (media.getSchema() != null && media.getSchema().getRef() == null && !type.contains("json")) {
                                media.getSchema().setMaxLength(DOCUMENT_MAX);
                            }
                        });
                    }
                }));
    }

    private static void bound(Schema schema) {
        if (schema.getRef() != null || schema.getAnyOf() != null) {
            // A reference (or "a reference or null") is bounded where it is defined.
            return;
        }
        var types = schema.getType() == null ? List.<Schema.SchemaType>of() : schema.getType();
        if (types.contains(Schema.SchemaType.STRING) && schema.getMaxLength() == null && schema.getEnumeration() == null) {
            schema.setMaxLength(TEXT_MAX);
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            if (schema.getMinimum() == null) {
                // Counts, versions, numbers and days: nothing an answer holds is negative.
                schema.setMinimum(BigDecimal.ZERO);
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf("int32".equals(schema.getFormat()) ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (types.contains(Schema.SchemaType.ARRAY) && schema.getMaxItems() == null) {
            schema.setMaxItems(LIST_MAX);
        }
        if (schema.getAdditionalPropertiesSchema() != null && schema.getMaxProperties() == null) {
            schema.setMaxProperties(MAP_MAX);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(Bounds::bound);
        }
        if (schema.getItems() != null) {
            bound(schema.getItems());
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            bound(schema.getAdditionalPropertiesSchema());
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(Bounds::bound);
        }
    }
}
