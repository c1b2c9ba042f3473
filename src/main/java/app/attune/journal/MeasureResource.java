package app.attune.journal;

import app.attune.api.ApiExamples;
import app.attune.idempotency.Idempotent;
import app.attune.identity.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Measures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.THERAPIST, Roles.INTEGRATION})
public class MeasureResource {

    private final MeasureService measures;

    MeasureResource(MeasureService measures) {
        this.measures = measures;
    }

    @POST
    @Idempotent
    @Path("/sessions/{sessionId}/measures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordMeasure",
            summary = "Record a completed questionnaire (SRS, ORS, WAI_SR or PSQ_RUPTURE) for a session",
            description = "Records a completed SRS, ORS, WAI_SR or PSQ_RUPTURE for a session; totals and subscales are "
                    + "computed, never accepted. Scores outside an instrument's range or step, missing items and unknown "
                    + "item codes are refused, each named (items.RELATIONSHIP); a PSQ_RUPTURE is POST_SESSION only; a signed "
                    + "session, or one that did not take place, takes no new measures (409).")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "srs", value = ApiExamples.NEW_MEASURE)))
    @APIResponse(responseCode = "201", description = "Recorded, with its computed total and subscales",
            content = @Content(schema = @Schema(implementation = MeasureView.class),
                    examples = @ExampleObject(name = "srs", value = ApiExamples.MEASURE)))
    public Response record(@PathParam("sessionId") UUID sessionId, @Valid @NotNull NewMeasure request) {
        return Response.status(Response.Status.CREATED).entity(measures.record(sessionId, request)).build();
    }
}
