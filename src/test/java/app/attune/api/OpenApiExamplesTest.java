package app.attune.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.attune.support.ContractDocument;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every example in the committed document is valid against the schema it illustrates: bodies of
 * requests and answers, parameters, headers and the properties of each component. A generated
 * client's author copies these; one that its own schema refuses is a trap.
 */
class OpenApiExamplesTest {

    private final OpenAPI document = ContractDocument.forValidation();
    private final SchemaValidator validator = new SchemaValidator(document, new MessageResolver());
    private final List<String> failures = new ArrayList<>();
    private int checked;

    @Test
    void everyExampleIsValidAgainstItsSchema() {
        document.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> check(where + " parameter " + p.getName(), p.getExample(), p.getSchema()));
            }
            if (operation.getRequestBody() != null) {
                content(where + " request", operation.getRequestBody().getContent());
            }
            operation.getResponses().forEach((status, response) -> {
                content(where + " " + status, response.getContent());
                if (response.getHeaders() != null) {
                    response.getHeaders().forEach((name, header) -> check(where + " " + status + " header " + name,
                            header.getExample(), header.getSchema()));
                }
            });
        }));
        document.getComponents().getHeaders().forEach((name, header) -> check("header " + name, header.getExample(),
                header.getSchema()));
        Map<String, Schema> schemas = document.getComponents().getSchemas();
        schemas.forEach((name, schema) -> {
            check("schema " + name, schema.getExample(), schema);
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                properties.forEach((property, s) -> check("schema " + name + "." + property, s.getExample(), s));
            }
        });
        assertTrue(checked > 300, "expected the document's examples, checked " + checked);
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    private void content(String where, Content content) {
        if (content == null) {
            return;
        }
        content.forEach((mediaType, media) -> {
            check(where + " " + mediaType, media.getExample(), media.getSchema());
            if (media.getExamples() != null) {
                media.getExamples().forEach((name, example) ->
                        check(where + " " + mediaType + " example " + name, example.getValue(), media.getSchema()));
            }
        });
    }

    private void check(String where, Object example, Schema<?> schema) {
        if (example == null || schema == null) {
            return;
        }
        checked++;
        // The validator reads a string schema's value as the text itself, anything else as JSON.
        String json = example instanceof String text && "string".equals(schema.getType()) ? text : Json.pretty(example);
        ValidationReport report = validator.validate(json, schema, "example");
        report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> failures.add(where + ": " + m.getMessage()));
    }
}
