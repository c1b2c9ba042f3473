package app.attune.research;

import app.attune.api.ApiExamples;
import app.attune.database.TenantKey;
import app.attune.idempotency.Idempotent;
import app.attune.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/research-exports")
@Tag(name = "Research exports")
@RolesAllowed({Roles.ADMIN, Roles.RESEARCHER})
public class ResearchExportResource {

    static final String ZIP = "application/zip";

    private final ResearchExportService exports;

    ResearchExportResource(ResearchExportService exports) {
        this.exports = exports;
    }

    @POST
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startResearchExport", summary = "Start a de-identified research export of a date range",
            description = "Starts a background export of the organization's sessions from one day to another (at most "
                    + "the report limit), optionally only of alliances that have ended: pseudonymous ids, day offsets "
                    + "instead of dates, age bands instead of birth years, no free text, approved tags only, small "
                    + "aggregate cells suppressed. Answers 202 with the export's Location; poll it until DONE.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewResearchExport.class),
            examples = @ExampleObject(name = "export", value = ApiExamples.NEW_RESEARCH_EXPORT)))
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(schema = @Schema(implementation = ResearchExportView.class),
                    examples = @ExampleObject(name = "export", value = ApiExamples.RESEARCH_EXPORT)))
    public Response start(@Valid @NotNull NewResearchExport request) {
        ResearchExportView export = exports.start(request);
        return Response.accepted(export).location(URI.create("/api/v1/research-exports/" + export.id())).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getResearchExport", summary = "A research export's state and progress",
            description = "Its request, state (QUEUED, RUNNING, DONE, FAILED, EXPIRED), rows written and the percentage, "
                    + "and once done the rows of each file and when its data expires.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(schema = @Schema(implementation = ResearchExportView.class),
                    examples = @ExampleObject(name = "export", value = ApiExamples.RESEARCH_EXPORT)))
    public ResearchExportView get(@PathParam("id") UUID id) {
        return exports.get(id);
    }

    @GET
    @Path("/{id}/data")
    @Produces(ZIP)
    @Operation(operationId = "downloadResearchExport", summary = "Download a finished research export (ZIP)",
            description = "The ZIP of a DONE export: one CSV per table, the aggregate tables, data-dictionary.csv and "
                    + "README.txt. 409 while it is not done, 404 once it has expired.")
    @APIResponse(responseCode = "200", description = "The ZIP",
            content = @Content(mediaType = ZIP, schema = @Schema(type = SchemaType.STRING, format = "binary"),
                    examples = @ExampleObject(name = "zip", value = "(a ZIP archive: alliances.csv, sessions.csv, measures.csv, "
                            + "measure_items.csv, ruptures.csv, repairs.csv, practitioners.csv, counts_by_*.csv, "
                            + "data-dictionary.csv, README.txt)")))
    @APIResponse(responseCode = "409", description = "The export is not done yet (QUEUED, RUNNING) or has FAILED")
    public Response data(@PathParam("id") UUID id) {
        TenantKey export = exports.download(id);
        StreamingOutput zip = out -> exports.copyData(export, out);
        return Response.ok(zip, ZIP).header("Content-Disposition", "attachment; filename=\"research-export-" + id + ".zip\"")
                .build();
    }
}
