package app.attune.alliance;

import app.attune.api.ApiExamples;
import app.attune.api.MergePatch.Patch;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.QueryParams;
import app.attune.api.Text;
import app.attune.api.Versions;
import app.attune.idempotency.Idempotent;
import app.attune.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Alliances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.THERAPIST, Roles.SUPERVISOR, Roles.INTEGRATION})
public class AllianceResource {

    private final AllianceService alliances;

    AllianceResource(AllianceService alliances) {
        this.alliances = alliances;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
    @Path("/alliances")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "openAlliance", summary = "Open an alliance between the calling therapist and a client",
            description = "Opens an alliance between a client and a therapist: the caller's own, or the therapist named by "
                    + "therapistId when an EHR records it. Its externalId, if given, is unique in the organization "
                    + "(409 on a duplicate).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "alliance", value = ApiExamples.NEW_ALLIANCE)))
    @APIResponse(responseCode = "201", description = "Opened",
            content = @Content(schema = @Schema(implementation = AllianceView.class),
                    examples = @ExampleObject(name = "alliance", value = ApiExamples.ALLIANCE)))
    public Response open(@Valid @NotNull NewAlliance request) {
        AllianceView alliance = alliances.open(request);
        return Versions.created("/api/v1/alliances/" + alliance.id(), alliance, alliance.version());
    }

    @GET
    @Path("/alliances")
    @Operation(operationId = "listAlliances", summary = "List the caller's alliances, newest first",
            description = "Lists the alliances the caller may see, newest first, one page at a time, optionally only "
                    + "those of one status, of one client or with the EHR's externalId.")
    @APIResponse(responseCode = "200", description = "One page of alliances",
            content = @Content(schema = @Schema(ref = "AlliancePage"),
                    examples = @ExampleObject(name = "page", value = ApiExamples.ALLIANCE_PAGE)))
    public Page<AllianceView> list(
            @Parameter(description = "ACTIVE, ON_HOLD, CLOSED_PLANNED or CLOSED_UNPLANNED",
                    schema = @Schema(implementation = AllianceStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "A client id",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("clientId") String clientId,
            @Parameter(description = "The EHR's id for the alliance",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Text.EXTERNAL_ID_MAX))
            @QueryParam("externalId") String externalId,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        QueryParams query = new QueryParams();
        AllianceStatus wantedStatus = query.enumValue("status", status, AllianceStatus.class);
        UUID client = query.uuid("clientId", clientId);
        String wantedExternalId = query.text("externalId", externalId, Text.EXTERNAL_ID_MAX);
        PageRequest wanted = query.page(page, size);
        query.check();
        return alliances.list(wantedStatus, client, wantedExternalId, wanted);
    }

    @GET
    @Path("/alliances/{id}")
    @Operation(operationId = "getAlliance", summary = "Read an alliance",
            description = "Reads an alliance; its version is the ETag to send as If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The alliance, with its version as ETag",
            content = @Content(schema = @Schema(implementation = AllianceView.class),
                    examples = @ExampleObject(name = "alliance", value = ApiExamples.ALLIANCE)))
    public Response get(@PathParam("id") UUID id) {
        AllianceView alliance = alliances.get(id);
        return Versions.ok(alliance, alliance.version());
    }

    @PATCH
    @RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
    @Path("/alliances/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "changeAlliance", summary = "Change, close or reopen an alliance (If-Match required)",
            description = "Changes, closes or reopens an alliance with a JSON merge patch; If-Match must carry its current "
                    + "version. Closing leaves its open ruptures UNRESOLVED_AT_CLOSE and reopening restores the status "
                    + "their repairs give; a closed alliance takes no new sessions, ruptures or repairs (409).")
    @RequestBody(content = @Content(schema = @Schema(implementation = AllianceChanges.class),
            examples = @ExampleObject(name = "close", value = ApiExamples.CLOSE_ALLIANCE)))
    @APIResponse(responseCode = "200", description = "The changed alliance",
            content = @Content(schema = @Schema(implementation = AllianceView.class),
                    examples = @ExampleObject(name = "alliance", value = ApiExamples.ALLIANCE)))
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Patch<AllianceChanges> patch) {
        AllianceView alliance = alliances.change(id, Versions.expected(ifMatch), patch);
        return Versions.ok(alliance, alliance.version());
    }
}
