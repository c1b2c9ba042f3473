package app.attune.organization;

import app.attune.api.ApiExamples;
import app.attune.api.Versions;
import app.attune.identity.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Organization")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final SettingsService settings;

    SettingsResource(SettingsService settings) {
        this.settings = settings;
    }

    @GET
    @Path("/organization/settings")
    @Authenticated
    @Operation(operationId = "getSettings", summary = "Read the organization's report thresholds",
            description = "Reads the organization's settings: the report thresholds and whether webhooks may go to private "
                    + "and local addresses. Their version is the ETag to send as If-Match when replacing them.")
    @APIResponse(responseCode = "200", description = "The thresholds, with their version as ETag",
            content = @Content(schema = @Schema(implementation = ReportSettings.class),
                    examples = @ExampleObject(name = "defaults", value = ApiExamples.SETTINGS)))
    public Response get() {
        ReportSettings current = settings.get();
        return Versions.ok(current, current.version());
    }

    @PUT
    @Path("/organization/settings")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSettings",
            summary = "Replace the organization's report thresholds (admin; If-Match required)",
            description = "Replaces the organization's settings as a whole; If-Match must carry their current version. "
                    + "Private webhook receivers are the service operator's decision, never an organization's.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "stricter", value = ApiExamples.SETTINGS_PUT)))
    @APIResponse(responseCode = "200", description = "The new thresholds",
            content = @Content(schema = @Schema(implementation = ReportSettings.class),
                    examples = @ExampleObject(name = "stricter", value = ApiExamples.SETTINGS)))
    public Response replace(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ReportSettings request) {
        ReportSettings replaced = settings.replace(Versions.expected(ifMatch), request);
        return Versions.ok(replaced, replaced.version());
    }
}
