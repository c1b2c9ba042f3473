package app.attune.fhir;

import app.attune.api.ApiExamples;
import app.attune.api.ApiProblem;
import app.attune.identity.Roles;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "FHIR")
public class FhirResource {

    /** FHIR's own JSON media type. */
    public static final String FHIR_JSON = "application/fhir+json";

    private final FhirExport export;

    FhirResource(FhirExport export) {
        this.export = export;
    }

    @GET
    @Path("/alliances/{id}/fhir")
    @Produces({FHIR_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.THERAPIST, Roles.SUPERVISOR, Roles.INTEGRATION})
    @Operation(operationId = "exportAllianceFhir",
            summary = "Export an alliance as a FHIR R4 Bundle (Patient, Practitioner, EpisodeOfCare, Encounters, "
                    + "QuestionnaireResponses, Observations, Procedures, DocumentReferences)",
            description = "Exports the alliance as a FHIR R4 collection Bundle: a pseudonymous Patient, the therapist, the "
                    + "alliance as EpisodeOfCare, an Encounter per session, a QuestionnaireResponse and Observation per "
                    + "measure, an Observation per rupture, a Procedure per repair and each progress note with its addenda "
                    + "as a DocumentReference. Private notes never appear.")
    @APIResponse(responseCode = "200", description = "A collection Bundle; private notes are never part of it",
            content = {
                @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                        examples = @ExampleObject(name = "bundle", value = ApiExamples.FHIR_BUNDLE)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                        examples = @ExampleObject(name = "bundle", value = ApiExamples.FHIR_BUNDLE))})
    public Response bundle(@PathParam("id") UUID id) {
        return Response.ok(export.allianceBundle(id)).build();
    }

    @GET
    @Path("/fhir/CodeSystem/{id}")
    @Produces({FHIR_JSON, MediaType.APPLICATION_JSON})
    @Authenticated
    @Operation(operationId = "getFhirCodeSystem",
            summary = "A code system the FHIR export uses: rupture-marker (3RS), alliance, repair or instrument",
            description = "Reads one of the FHIR R4 code systems the export refers to: rupture-marker (the 3RS markers), "
                    + "alliance, repair or instrument. Any other id is 404.")
    @APIResponse(responseCode = "200", description = "The CodeSystem resource",
            content = {
                @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                        examples = @ExampleObject(name = "codeSystem", value = ApiExamples.FHIR_CODE_SYSTEM)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                        examples = @ExampleObject(name = "codeSystem", value = ApiExamples.FHIR_CODE_SYSTEM))})
    public Response codeSystem(@PathParam("id") String id) {
        return found(export.codeSystem(id), "code system");
    }

    @GET
    @Path("/fhir/Questionnaire/{id}")
    @Produces({FHIR_JSON, MediaType.APPLICATION_JSON})
    @Authenticated
    @Operation(operationId = "getFhirQuestionnaire",
            summary = "An instrument as a FHIR Questionnaire: srs, ors, wai-sr or psq-rupture",
            description = "Reads an instrument as a FHIR R4 Questionnaire, the one its QuestionnaireResponses in the export "
                    + "refer to: srs, ors, wai-sr or psq-rupture. Any other id is 404.")
    @APIResponse(responseCode = "200", description = "The Questionnaire resource",
            content = {
                @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT),
                        examples = @ExampleObject(name = "questionnaire", value = ApiExamples.FHIR_QUESTIONNAIRE)),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                        examples = @ExampleObject(name = "questionnaire", value = ApiExamples.FHIR_QUESTIONNAIRE))})
    public Response questionnaire(@PathParam("id") String id) {
        return found(export.questionnaire(id), "questionnaire");
    }

    private static Response found(String resource, String what) {
        if (resource == null) {
            throw ApiProblem.notFound(what);
        }
        return Response.ok(resource).build();
    }
}
