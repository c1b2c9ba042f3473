package app.attune.support;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.nio.file.Path;

/** The committed openapi/openapi.json (which OpenApiDocumentTest keeps equal to the yaml and the served one), parsed. */
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
}
