package app.attune.organization;

import app.attune.api.ApiExamples;
import app.attune.api.MergePatch.Patch;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.QueryParams;
import app.attune.api.Versions;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The operator's API: the organizations the service serves. An operator token reaches nothing else. */
@Path("/api/v1/operator/organizations")
@Tag(name = "Operator")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class OperatorResource {

    private final OrganizationService organizations;

    OperatorResource(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "provisionOrganization", summary = "Serve a new organization, with its first admin",
            description = "Creates an organization whose tokens carry `key` in their org claim, its report settings at "
                    + "their defaults, its audit trail and the practitioner record of its first admin (the only admin "
                    + "not granted by another admin). Tokens naming an organization that was never provisioned are "
                    + "refused. 409 when the key is in use.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "organization", value = ApiExamples.NEW_ORGANIZATION)))
    @APIResponse(responseCode = "201", description = "Provisioned",
            content = @Content(schema = @Schema(implementation = OrganizationView.class),
                    examples = @ExampleObject(name = "organization", value = ApiExamples.ORGANIZATION)))
    public Response provision(@Valid @NotNull NewOrganization request) {
        OrganizationView organization = organizations.provision(request);
        return Versions.created("/api/v1/operator/organizations/" + organization.id(), organization, organization.version());
    }

    @GET
    @Operation(operationId = "listOrganizations", summary = "List the organizations served, oldest first",
            description = "Lists every organization the service serves, suspended ones included, one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of organizations",
            content = @Content(schema = @Schema(ref = "OrganizationPage"),
                    examples = @ExampleObject(name = "page", value = ApiExamples.ORGANIZATION_PAGE)))
    public Page<OrganizationView> list(
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        QueryParams query = new QueryParams();
        PageRequest wanted = query.page(page, size);
        query.check();
        return organizations.list(wanted);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getOrganization", summary = "Read an organization",
            description = "Reads an organization; its version is the ETag to send as If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The organization, with its version as ETag",
            content = @Content(schema = @Schema(implementation = OrganizationView.class),
                    examples = @ExampleObject(name = "organization", value = ApiExamples.ORGANIZATION)))
    public Response get(@PathParam("id") UUID id) {
        OrganizationView organization = organizations.get(id);
        return Versions.ok(organization, organization.version());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "changeOrganization", summary = "Rename, suspend or resume an organization (If-Match required)",
            description = "Changes an organization with a JSON merge patch. While suspended, its tokens are refused with "
                    + "403 (urn:attune:problem:unknown-organization) from their next request on; its data is kept.")
    @RequestBody(content = @Content(schema = @Schema(implementation = OrganizationChanges.class),
            examples = @ExampleObject(name = "suspend", value = ApiExamples.SUSPEND_ORGANIZATION)))
    @APIResponse(responseCode = "200", description = "The changed organization",
            content = @Content(schema = @Schema(implementation = OrganizationView.class),
                    examples = @ExampleObject(name = "organization", value = ApiExamples.ORGANIZATION)))
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            Patch<OrganizationChanges> patch) {
        OrganizationView organization = organizations.change(id, Versions.expected(ifMatch), patch);
        return Versions.ok(organization, organization.version());
    }
}
