package app.attune.webhook;

import app.attune.api.ApiExamples;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.QueryParams;
import app.attune.identity.Roles;
import app.attune.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.INTEGRATION})
public class WebhookResource {

    private final WebhookService webhooks;

    WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Idempotent
    @Path("/webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerWebhook",
            summary = "Register a webhook for change events; its signing secret is in this answer only",
            description = "Registers a receiver url for the change feed's eventTypes; deliveries are signed as the Standard "
                    + "Webhooks specification says, with the whsec_ secret that is in this answer only. The receiver must be "
                    + "http(s) and carry no credentials; unless the organization's settings allow private receivers, it must "
                    + "not be a loopback, private, link-local, carrier-grade NAT or unique-local address.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "signed sessions", value = ApiExamples.NEW_WEBHOOK)))
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = WebhookView.class),
                    examples = @ExampleObject(name = "webhook", value = ApiExamples.WEBHOOK)))
    public Response register(@Valid @NotNull NewWebhook request) {
        WebhookView webhook = webhooks.register(request);
        return Response.created(URI.create("/api/v1/webhooks/" + webhook.id())).entity(webhook).build();
    }

    @GET
    @Path("/webhooks")
    @Operation(operationId = "listWebhooks", summary = "List the organization's webhooks",
            description = "Lists the organization's webhooks, oldest first, one page at a time, without their signing secrets.")
    @APIResponse(responseCode = "200", description = "One page of webhooks, without their secrets",
            content = @Content(schema = @Schema(ref = "WebhookPage"),
                    examples = @ExampleObject(name = "page", value = ApiExamples.WEBHOOK_PAGE)))
    public Page<WebhookView> list(@Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        QueryParams query = new QueryParams();
        PageRequest wanted = query.page(page, size);
        query.check();
        return webhooks.list(wanted);
    }

    @DELETE
    @Path("/webhooks/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook; deliveries still waiting are given up",
            description = "Stops a webhook: nothing more is sent to it, and its deliveries still waiting are given up.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/webhooks/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's deliveries, newest first, each with every attempt",
            description = "Lists the webhook's deliveries, newest first, one page at a time, each with every attempt. A "
                    + "delivery that is not answered 2xx is retried with a doubling delay until its attempts run out, then "
                    + "it is FAILED.")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(schema = @Schema(ref = "WebhookDeliveryPage"),
                    examples = @ExampleObject(name = "page", value = ApiExamples.DELIVERY_PAGE)))
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        QueryParams query = new QueryParams();
        PageRequest wanted = query.page(page, size);
        query.check();
        return webhooks.deliveries(id, wanted);
    }
}
