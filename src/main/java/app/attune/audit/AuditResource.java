package app.attune.audit;

import app.attune.api.ApiExamples;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.QueryParams;
import app.attune.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
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
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    private final AuditService audit;

    AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Path("/audit-events")
    @Operation(operationId = "listAuditEvents", summary = "List the organization's audit events, newest first (admin)",
            description = "Lists the organization's audit trail, newest first, one page at a time, optionally only the "
                    + "events of one actor, one alliance or one action, from a time (inclusive) to a time (exclusive). "
                    + "Events hold no clinical text.")
    @APIResponse(responseCode = "200", description = "One page of events",
            content = @Content(schema = @Schema(ref = "AuditEventPage"),
                    examples = @ExampleObject(name = "page", value = ApiExamples.AUDIT_PAGE)))
    public Page<AuditEventView> list(
            @Parameter(description = "The acting practitioner's id",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("actor") String actor,
            @Parameter(description = "An alliance id",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("alliance") String alliance,
            @Parameter(description = "READ, LIST, REPORT, EXPORT, CREATE, UPDATE or SIGN",
                    schema = @Schema(implementation = AuditAction.class)) @QueryParam("action") String action,
            @Parameter(description = "Earliest time (ISO date-time with offset), inclusive",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("from") String from,
            @Parameter(description = "Latest time (ISO date-time with offset), exclusive",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("to") String to,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        QueryParams query = new QueryParams();
        UUID wantedActor = query.uuid("actor", actor);
        UUID wantedAlliance = query.uuid("alliance", alliance);
        AuditAction wantedAction = query.enumValue("action", action, AuditAction.class);
        OffsetDateTime wantedFrom = query.time("from", from);
        OffsetDateTime wantedTo = query.time("to", to);
        PageRequest wanted = query.page(page, size);
        query.check();
        return audit.list(wantedActor, wantedAlliance, wantedAction, wantedFrom, wantedTo, wanted);
    }

    @GET
    @Path("/audit-events/verify")
    @Operation(operationId = "verifyAuditChain",
            summary = "Check the whole audit trail's hash chain and name the first event that fails (admin)",
            description = "Checks every event of the organization's audit trail against the hash chain and names the "
                    + "first event that fails, if any.")
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(schema = @Schema(implementation = AuditVerification.class), examples = {
                @ExampleObject(name = "intact", value = ApiExamples.AUDIT_VERIFIED),
                @ExampleObject(name = "altered", value = ApiExamples.AUDIT_BROKEN)}))
    public AuditVerification verify() {
        return audit.verify(null);
    }

    @POST
    @Path("/audit-events/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "verifyAuditChainAgainstCheckpoint",
            summary = "Check the hash chain and that the history up to a kept checkpoint is unchanged (admin)",
            description = "Checks the whole chain as GET does and, given a checkpoint this service signed earlier for the "
                    + "organization, that the event it names still carries its hash and that no event it covers is missing: a "
                    + "history rewritten below the checkpoint, or cut back to an earlier state, is found even when every hash "
                    + "in it was recomputed. A checkpoint that is not signed by this service, or is another organization's, "
                    + "is 400.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "checkpoint", value = ApiExamples.AUDIT_CHECKPOINT)))
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(schema = @Schema(implementation = AuditVerification.class), examples = {
                @ExampleObject(name = "intact", value = ApiExamples.AUDIT_VERIFIED_AGAINST_CHECKPOINT),
                @ExampleObject(name = "rewritten", value = ApiExamples.AUDIT_REWRITTEN)}))
    public AuditVerification verifyAgainst(@Valid @NotNull AuditCheckpoint checkpoint) {
        return audit.verify(checkpoint);
    }

    @GET
    @Path("/audit-events/checkpoint")
    @Operation(operationId = "getAuditCheckpoint", summary = "The audit trail's head, signed, to keep outside Attune (admin)",
            description = "Returns the newest event's seq and hash with the time, signed with the service's active audit key. "
                    + "Keep it outside Attune; given back to POST /audit-events/verify later, it shows whether the history up "
                    + "to it was rewritten or cut back since.")
    @APIResponse(responseCode = "200", description = "The signed head",
            content = @Content(schema = @Schema(implementation = AuditCheckpoint.class),
                    examples = @ExampleObject(name = "checkpoint", value = ApiExamples.AUDIT_CHECKPOINT)))
    public AuditCheckpoint checkpoint() {
        return audit.checkpoint();
    }
}
