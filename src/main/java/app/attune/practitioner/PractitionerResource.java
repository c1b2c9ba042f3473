package app.attune.practitioner;

import app.attune.api.ApiExamples;
import app.attune.api.MergePatch.Patch;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.QueryParams;
import app.attune.api.Versions;
import app.attune.idempotency.Idempotent;
import app.attune.identity.Roles;
import io.quarkus.security.Authenticated;
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
@Tag(name = "Practitioners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class PractitionerResource {

    private final PractitionerService practitioners;

    PractitionerResource(PractitionerService practitioners) {
        this.practitioners = practitioners;
    }

    @GET
    @Path("/practitioners/me")
    @Authenticated
    @Operation(operationId = "getOwnPractitioner", summary = "Read the caller's own practitioner record",
            description = "Reads the caller's own practitioner record, as known by its token's subject.")
    @APIResponse(responseCode = "200", description = "The caller",
            content = @Content(schema = @Schema(implementation = PractitionerView.class),
                    examples = @ExampleObject(name = "me", value = ApiExamples.PRACTITIONER)))
    public Response me() {
        PractitionerView me = practitioners.me();
        return Versions.ok(me, me.version());
    }

    @POST
    @Idempotent
    @Path("/practitioners")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerPractitioner",
            summary = "Register a practitioner or EHR service account ahead of its first sign-in (admin)",
            description = "Registers a practitioner or EHR service account, known by its token's subject, with its "
                    + "displayName, roles, supervisorId and active flag, ahead of its first sign-in.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "therapist", value = ApiExamples.NEW_PRACTITIONER)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = PractitionerView.class),
                    examples = @ExampleObject(name = "practitioner", value = ApiExamples.PRACTITIONER)))
    public Response register(@Valid @NotNull NewPractitioner request) {
        PractitionerView practitioner = practitioners.register(request);
        return Versions.created("/api/v1/practitioners/" + practitioner.id(), practitioner, practitioner.version());
    }

    @GET
    @Path("/practitioners")
    @Operation(operationId = "listPractitioners", summary = "List the organization's practitioners (admin)",
            description = "Lists the organization's practitioners and service accounts by subject, one page at a time, "
                    + "optionally only those granted one role or only the active or inactive ones.")
    @APIResponse(responseCode = "200", description = "One page of practitioners, by subject",
            content = @Content(schema = @Schema(ref = "PractitionerPage"),
                    examples = @ExampleObject(name = "page", value = ApiExamples.PRACTITIONER_PAGE)))
    public Page<PractitionerView> list(
            @Parameter(description = "Only practitioners granted this role", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {Roles.ADMIN, Roles.INTEGRATION, Roles.SUPERVISOR, Roles.THERAPIST}))
            @QueryParam("role") String role,
            @Parameter(description = "true or false",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("active") String active,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        QueryParams query = new QueryParams();
        String wantedRole = query.oneOf("role", role, Roles.ALL);
        Boolean wantedActive = query.bool("active", active);
        PageRequest wanted = query.page(page, size);
        query.check();
        return practitioners.list(wantedRole, wantedActive, wanted);
    }

    @GET
    @Path("/practitioners/{id}")
    @Operation(operationId = "getPractitioner", summary = "Read a practitioner (admin)",
            description = "Reads a practitioner of the organization; its version is the ETag to send as If-Match when "
                    + "changing it.")
    @APIResponse(responseCode = "200", description = "The practitioner, with its version as ETag",
            content = @Content(schema = @Schema(implementation = PractitionerView.class),
                    examples = @ExampleObject(name = "practitioner", value = ApiExamples.PRACTITIONER)))
    public Response get(@PathParam("id") UUID id) {
        PractitionerView practitioner = practitioners.get(id);
        return Versions.ok(practitioner, practitioner.version());
    }

    @PATCH
    @Path("/practitioners/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "changePractitioner",
            summary = "Change a practitioner's name, roles, supervisor or active flag (admin; If-Match required)",
            description = "Changes a practitioner's displayName, roles, supervisorId or active flag with a JSON merge patch; "
                    + "If-Match must carry its current version. The subject never changes.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PractitionerChanges.class),
            examples = @ExampleObject(name = "make supervisor", value = ApiExamples.PRACTITIONER_PATCH)))
    @APIResponse(responseCode = "200", description = "The changed practitioner",
            content = @Content(schema = @Schema(implementation = PractitionerView.class),
                    examples = @ExampleObject(name = "practitioner", value = ApiExamples.PRACTITIONER)))
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Patch<PractitionerChanges> patch) {
        PractitionerView practitioner = practitioners.change(id, Versions.expected(ifMatch), patch);
        return Versions.ok(practitioner, practitioner.version());
    }
}
