package app.attune.client;

import app.attune.api.ApiExamples;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.QueryParams;
import app.attune.api.Text;
import app.attune.identity.Roles;
import app.attune.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
@Tag(name = "Clients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.THERAPIST, Roles.SUPERVISOR, Roles.INTEGRATION})
public class ClientResource {

    private final ClientService clients;

    ClientResource(ClientService clients) {
        this.clients = clients;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
    @Path("/clients")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerClient", summary = "Register a pseudonymous client",
            description = "Registers a pseudonymous client (externalId, displayLabel, birthYear): no names, no contact data. "
                    + "Its externalId, if given, is unique in the organization (409 on a duplicate).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "client", value = ApiExamples.NEW_CLIENT)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = ClientView.class),
                    examples = @ExampleObject(name = "client", value = ApiExamples.CLIENT)))
    public Response register(@Valid @NotNull NewClient request) {
        ClientView client = clients.register(request);
        return Response.created(URI.create("/api/v1/clients/" + client.id())).entity(client).build();
    }

    @GET
    @Path("/clients/{id}")
    @Operation(operationId = "getClient", summary = "Read a client",
            description = "Reads a client the caller may see.")
    @APIResponse(responseCode = "200", description = "The client",
            content = @Content(schema = @Schema(implementation = ClientView.class),
                    examples = @ExampleObject(name = "client", value = ApiExamples.CLIENT)))
    public ClientView get(@PathParam("id") UUID id) {
        return clients.get(id);
    }

    @GET
    @Path("/clients")
    @Operation(operationId = "listClients", summary = "List the caller's clients, or find one by the EHR's externalId",
            description = "Finds a client by the EHR's externalId or, without it, lists the clients the caller may see, "
                    + "one page at a time.")
    @APIResponse(responseCode = "200", description = "One page of clients",
            content = @Content(schema = @Schema(ref = "ClientPage"),
                    examples = @ExampleObject(name = "page", value = ApiExamples.CLIENT_PAGE)))
    public Page<ClientView> list(
            @Parameter(description = "The EHR's id for the client",
                    schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = Text.EXTERNAL_ID_MAX))
            @QueryParam("externalId") String externalId,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        QueryParams query = new QueryParams();
        String wantedExternalId = query.text("externalId", externalId, Text.EXTERNAL_ID_MAX);
        PageRequest wanted = query.page(page, size);
        query.check();
        return clients.list(wantedExternalId, wanted);
    }
}
