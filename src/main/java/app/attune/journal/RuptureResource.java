package app.attune.journal;

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
import java.net.URI;
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
@Tag(name = "Ruptures and repairs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.THERAPIST, Roles.SUPERVISOR, Roles.INTEGRATION})
public class RuptureResource {

    private final RuptureService ruptures;

    RuptureResource(RuptureService ruptures) {
        this.ruptures = ruptures;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
    @Path("/sessions/{sessionId}/ruptures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "tagRupture", summary = "Tag a rupture surfaced in a session, with any repairs made in that session",
            description = "Tags a rupture surfaced in a session, with any repairs made in that same session. Markers must "
                    + "fit the type: withdrawal markers (3RS W1-W7) for WITHDRAWAL, confrontation markers (C1-C7) for "
                    + "CONFRONTATION, either for MIXED; a signed session or a closed alliance takes no new ruptures (409).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "missed appointment", value = ApiExamples.NEW_RUPTURE)))
    @APIResponse(responseCode = "201", description = "Tagged",
            content = @Content(schema = @Schema(implementation = RuptureView.class),
                    examples = @ExampleObject(name = "rupture", value = ApiExamples.RUPTURE)))
    public Response record(@PathParam("sessionId") UUID sessionId, @Valid @NotNull NewRupture request) {
        RuptureView rupture = ruptures.record(sessionId, request);
        return Versions.created("/api/v1/ruptures/" + rupture.id(), rupture, rupture.version());
    }

    @GET
    @Path("/ruptures/{id}")
    @Operation(operationId = "getRupture", summary = "Read a rupture with its repairs",
            description = "Reads a rupture with its repairs and its derived status; its version is the ETag to send as "
                    + "If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The rupture, with its version as ETag",
            content = @Content(schema = @Schema(implementation = RuptureView.class),
                    examples = @ExampleObject(name = "rupture", value = ApiExamples.RUPTURE)))
    public Response get(@PathParam("id") UUID id) {
        RuptureView rupture = ruptures.get(id);
        return Versions.ok(rupture, rupture.version());
    }

    @PATCH
    @RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
    @Path("/ruptures/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "changeRupture",
            summary = "Correct a rupture's tagging (If-Match required; status follows from repairs)",
            description = "Corrects a rupture's tagging with a JSON merge patch; If-Match must carry its current version. "
                    + "Its status follows from its repairs and cannot be set; a rupture of a signed session takes no "
                    + "retagging (409).")
    @RequestBody(content = @Content(schema = @Schema(implementation = RuptureChanges.class),
            examples = @ExampleObject(name = "retag", value = ApiExamples.RUPTURE_PATCH)))
    @APIResponse(responseCode = "200", description = "The changed rupture",
            content = @Content(schema = @Schema(implementation = RuptureView.class),
                    examples = @ExampleObject(name = "rupture", value = ApiExamples.RUPTURE)))
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Patch<RuptureChanges> patch) {
        RuptureView rupture = ruptures.change(id, Versions.expected(ifMatch), patch);
        return Versions.ok(rupture, rupture.version());
    }

    @GET
    @Path("/alliances/{allianceId}/ruptures")
    @Operation(operationId = "listAllianceRuptures",
            summary = "List an alliance's ruptures in the order their sessions happened, filtered by status, type or tag",
            description = "Lists the alliance's ruptures in the order their sessions happened, one page at a time, optionally only those of "
                    + "one status, one type or with one tag.")
    @APIResponse(responseCode = "200", description = "One page of ruptures",
            content = @Content(schema = @Schema(ref = "RupturePage"),
                    examples = @ExampleObject(name = "page", value = ApiExamples.RUPTURE_PAGE)))
    public Page<RuptureView> list(@PathParam("allianceId") UUID allianceId,
            @Parameter(description = "OPEN, PARTIALLY_RESOLVED, RESOLVED or UNRESOLVED_AT_CLOSE",
                    schema = @Schema(implementation = RuptureStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "WITHDRAWAL, CONFRONTATION or MIXED",
                    schema = @Schema(implementation = RuptureType.class)) @QueryParam("type") String type,
            @Parameter(description = "A tag slug such as missed-session",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 40, pattern = Text.SLUG))
            @QueryParam("tag") String tag,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        QueryParams query = new QueryParams();
        RuptureStatus wantedStatus = query.enumValue("status", status, RuptureStatus.class);
        RuptureType wantedType = query.enumValue("type", type, RuptureType.class);
        String wantedTag = query.slug("tag", tag);
        PageRequest wanted = query.page(page, size);
        query.check();
        return ruptures.listForAlliance(allianceId, wantedStatus, wantedType, wantedTag, wanted);
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
    @Path("/ruptures/{id}/repairs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordRepair",
            summary = "Record a repair of a rupture, in a session (sessionId) or between sessions (performedAt)",
            description = "Records a repair of a rupture, in a session (sessionId) or between sessions (performedAt); the "
                    + "rupture's status then follows from its repairs. A repair belongs to its rupture's alliance and never "
                    + "precedes the session where the rupture surfaced (by date). One repair episode names one to four distinct "
                    + "3RS strategies, the main one first. A closed alliance, or a session that did not take place, takes no "
                    + "new repairs (409).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "next session", value = ApiExamples.NEW_REPAIR)))
    @APIResponse(responseCode = "201", description = "Recorded; the rupture's status now follows from it",
            content = @Content(schema = @Schema(implementation = RepairView.class),
                    examples = @ExampleObject(name = "repair", value = ApiExamples.REPAIR)))
    public Response repair(@PathParam("id") UUID id, @Valid @NotNull NewRepair request) {
        RepairView repair = ruptures.repair(id, request);
        return Response.created(URI.create("/api/v1/ruptures/" + id)).entity(repair).build();
    }
}
