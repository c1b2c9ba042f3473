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
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.THERAPIST, Roles.SUPERVISOR, Roles.INTEGRATION})
public class SessionResource {

    private final SessionService sessions;

    SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
    @Path("/alliances/{allianceId}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordSession",
            summary = "Record a session, optionally with its measures, ruptures and repairs in one atomic write",
            description = "Records a session as a DRAFT, optionally with its measures, ruptures and repairs in one atomic "
                    + "write. The service numbers sessions 1, 2, 3... per alliance in the order they are recorded, and a "
                    + "refused session consumes no number; no session precedes its alliance's start, and a closed alliance "
                    + "takes no new sessions (409).")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "therapist no-show", value = ApiExamples.NEW_SESSION_NO_SHOW),
            @ExampleObject(name = "finished session from an EHR", value = ApiExamples.NEW_SESSION_FULL)}))
    @APIResponse(responseCode = "201", description = "Recorded as a DRAFT, numbered by the service",
            content = @Content(schema = @Schema(implementation = SessionView.class),
                    examples = @ExampleObject(name = "session", value = ApiExamples.SESSION)))
    public Response record(@PathParam("allianceId") UUID allianceId, @Valid @NotNull NewSession request) {
        SessionView session = sessions.record(allianceId, request);
        return Versions.created("/api/v1/sessions/" + session.id(), session, session.version());
    }

    @GET
    @Path("/alliances/{allianceId}/sessions")
    @Operation(operationId = "listAllianceSessions", summary = "List an alliance's sessions in the order they happened",
            description = "Lists the alliance's sessions by occurredAt (ties by number), one page at a time: numbers follow "
                    + "recording order, which an EHR that backfills does not keep.")
    @APIResponse(responseCode = "200", description = "One page of sessions",
            content = @Content(schema = @Schema(ref = "SessionPage"),
                    examples = @ExampleObject(name = "page", value = ApiExamples.SESSION_PAGE)))
    public Page<SessionView> list(@PathParam("allianceId") UUID allianceId,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        QueryParams query = new QueryParams();
        PageRequest wanted = query.page(page, size);
        query.check();
        return sessions.list(allianceId, wanted);
    }

    @GET
    @Path("/sessions")
    @Operation(operationId = "findSessions", summary = "Find a session by the EHR's externalId",
            description = "Finds a session by the EHR's encounter id (externalId): the page holds it if the caller may see "
                    + "it, and is empty otherwise.")
    @APIResponse(responseCode = "200", description = "The matching session, if the caller may see it",
            content = @Content(schema = @Schema(ref = "SessionPage"),
                    examples = @ExampleObject(name = "page", value = ApiExamples.SESSION_PAGE)))
    public Page<SessionView> find(
            @Parameter(description = "The EHR's id for the encounter", required = true,
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Text.EXTERNAL_ID_MAX))
            @QueryParam("externalId") String externalId) {
        QueryParams query = new QueryParams();
        String wanted = query.text("externalId", externalId, Text.EXTERNAL_ID_MAX);
        if (externalId == null) {
            query.require("externalId");
        }
        query.check();
        return sessions.findByExternalId(wanted, new PageRequest(0, PageRequest.MAX_SIZE));
    }

    @GET
    @Path("/sessions/{id}")
    @Operation(operationId = "getSession", summary = "Read a session with its note, addenda, measures, ruptures and repairs",
            description = "Reads a session with its note, addenda, measures, ruptures and repairs; privateNote is shown to "
                    + "its author only. Its version is the ETag to send as If-Match when changing or signing it.")
    @APIResponse(responseCode = "200", description = "The session, with its version as ETag",
            content = @Content(schema = @Schema(implementation = SessionView.class),
                    examples = @ExampleObject(name = "session", value = ApiExamples.SESSION)))
    public Response get(@PathParam("id") UUID id) {
        SessionView session = sessions.get(id);
        return Versions.ok(session, session.version());
    }

    @PATCH
    @RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
    @Path("/sessions/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "changeSession", summary = "Change a draft session (If-Match required; a signed session is locked)",
            description = "Changes a draft session with a JSON merge patch; If-Match must carry its current version, and a "
                    + "signed session is locked (409). Moving it in time moves the repairs made in it, and is refused when "
                    + "a repair would then precede its rupture; shortening it below a rupture's minute is refused.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SessionChanges.class),
            examples = @ExampleObject(name = "note", value = ApiExamples.SESSION_PATCH)))
    @APIResponse(responseCode = "200", description = "The changed session",
            content = @Content(schema = @Schema(implementation = SessionView.class),
                    examples = @ExampleObject(name = "session", value = ApiExamples.SESSION)))
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Patch<SessionChanges> patch) {
        SessionView session = sessions.change(id, Versions.expected(ifMatch), patch);
        return Versions.ok(session, session.version());
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
    @Path("/sessions/{id}/sign")
    @Operation(operationId = "signSession", summary = "Sign a session, locking its note (If-Match required)",
            description = "Signs a session and locks it: its note and fields never change again, and it takes no new "
                    + "ruptures or measures and no retagging; If-Match must carry its current version. Corrections are "
                    + "addenda, and its ruptures can still be repaired in later sessions.")
    @APIResponse(responseCode = "200", description = "The signed session",
            content = @Content(schema = @Schema(implementation = SessionView.class),
                    examples = @ExampleObject(name = "session", value = ApiExamples.SESSION_SIGNED)))
    public Response sign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SessionView session = sessions.sign(id, Versions.expected(ifMatch));
        return Versions.ok(session, session.version());
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.SUPERVISOR)
    @Path("/sessions/{id}/cosign")
    @Operation(operationId = "cosignSession", summary = "Co-sign a pre-licensed therapist's signed session (its supervisor, If-Match)",
            description = "Co-signs a session that awaits co-signature (signed for a therapist whose record says it is not "
                    + "licensed). Only the therapist's supervisor may; it is the supervisor's only write on a supervisee's "
                    + "journal. 409 when the session awaits no co-signature.")
    @APIResponse(responseCode = "200", description = "The co-signed session",
            content = @Content(schema = @Schema(implementation = SessionView.class),
                    examples = @ExampleObject(name = "session", value = ApiExamples.SESSION_SIGNED)))
    public Response cosign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        SessionView session = sessions.cosign(id, Versions.expected(ifMatch));
        return Versions.ok(session, session.version());
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.SUPERVISOR)
    @Path("/sessions/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "returnSession", summary = "Return a session awaiting co-signature to its therapist, with a comment",
            description = "Instead of co-signing, the therapist's supervisor returns the session to DRAFT; its comment is "
                    + "kept among the session's addenda (kind RETURN) with its author and time. The therapist revises and "
                    + "signs again. 409 when the session awaits no co-signature.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "comment", value = ApiExamples.SESSION_RETURN)))
    @APIResponse(responseCode = "200", description = "The session, a DRAFT again",
            content = @Content(schema = @Schema(implementation = SessionView.class),
                    examples = @ExampleObject(name = "session", value = ApiExamples.SESSION)))
    public Response returnToTherapist(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull NewAddendum comment) {
        SessionView session = sessions.returnToTherapist(id, Versions.expected(ifMatch), comment);
        return Versions.ok(session, session.version());
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
    @Path("/sessions/{id}/addenda")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addAddendum", summary = "Add an addendum to a signed session; the signed note itself never changes",
            description = "Adds a correction or late entry to a signed session, with its own author and time; the signed "
                    + "note itself never changes.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "addendum", value = ApiExamples.NEW_ADDENDUM)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(schema = @Schema(implementation = AddendumView.class),
                    examples = @ExampleObject(name = "addendum", value = ApiExamples.ADDENDUM)))
    public Response addAddendum(@PathParam("id") UUID id, @Valid @NotNull NewAddendum request) {
        AddendumView addendum = sessions.addAddendum(id, request);
        return Response.created(URI.create("/api/v1/sessions/" + id)).entity(addendum).build();
    }
}
