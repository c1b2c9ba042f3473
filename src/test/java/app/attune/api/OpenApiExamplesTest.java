package app.attune.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.ContractDocument;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every example in the committed document is valid against the schema it illustrates: bodies of
 * requests and answers, parameters, headers and the properties of each component. A generated
 * client's author copies these; one that its own schema refuses is a trap. Examples are read as
 * written (the parser would turn a date example into a Date); schemas from the parsed document.
 */
class OpenApiExamplesTest {

    private final OpenAPI document = ContractDocument.read();
    private final JsonNode raw = readRaw();
    private final SchemaValidator validator = new SchemaValidator(document, new MessageResolver());
    private final List<String> failures = new ArrayList<>();
    private int checked;

    @Test
    void everyExampleIsValidAgainstItsSchema() {
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            JsonNode written = raw.path("paths").path(path).path(method.name().toLowerCase());
            String where = method + " " + path;
            if (operation.getParameters() != null) {
                for (int i = 0; i < operation.getParameters().size(); i++) {
                    var parameter = operation.getParameters().get(i);
                    check(where + " parameter " + parameter.getName(), written.path("parameters").path(i).path("example"),
                            parameter.getSchema());
                }
            }
            if (operation.getRequestBody() != null) {
                content(where + " request", operation.getRequestBody().getContent(), written.path("requestBody").path("content"));
            }
            operation.getResponses().forEach((status, response) -> {
                JsonNode answer = written.path("responses").path(status);
                content(where + " " + status, response.getContent(), answer.path("content"));
            });
        }));
        document.getComponents().getHeaders().forEach((name, header) -> check("header " + name,
                raw.path("components").path("headers").path(name).path("example"), header.getSchema()));
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            JsonNode written = raw.path("components").path("schemas").path(name);
            check("schema " + name, written.path("example"), schema);
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                properties.forEach((property, s) -> check("schema " + name + "." + property,
                        written.path("properties").path(property).path("example"), s));
            }
        });
        assertTrue(checked > 300, "expected the document's examples, checked " + checked);
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    private void content(String where, Content content, JsonNode written) {
        if (content == null) {
            return;
        }
        content.forEach((mediaType, media) -> {
            JsonNode writtenMedia = written.path(mediaType);
            check(where + " " + mediaType, writtenMedia.path("example"), media.getSchema());
            writtenMedia.path("examples").fields().forEachRemaining(example -> check(
                    where + " " + mediaType + " example " + example.getKey(), example.getValue().path("value"),
                    media.getSchema()));
        });
    }

    private void check(String where, JsonNode example, Schema<?> schema) {
        if (example.isMissingNode() || schema == null) {
            return;
        }
        checked++;
        // The validator reads a string schema's value as the text itself, anything else as JSON.
        String value = example.isTextual() && "string".equals(schema.getType()) ? example.asText() : example.toString();
        ValidationReport report = validator.validate(value, schema, "example");
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> failures.add(where + ": " + m.getMessage()));
    }

    private static JsonNode readRaw() {
        try {
            return new ObjectMapper().readTree(Files.readString(Path.of("openapi", "openapi.json")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
