package app.attune.report;

import app.attune.api.ApiExamples;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.QueryParams;
import app.attune.audit.AuditAction;
import app.attune.identity.Roles;
import app.attune.report.SupervisionViews.ReviewItem;
import app.attune.report.SupervisionViews.ReviewReason;
import app.attune.report.SupervisionViews.SuperviseeFigures;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

// The same root as ReportResource: JAX-RS picks one class by its path before it looks at methods.
@Path("/api/v1")
@Tag(name = "Reports")
@RolesAllowed(Roles.SUPERVISOR)
public class SupervisionResource {

    private final SupervisionService supervision;

    SupervisionResource(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @GET
    @Path("/reports/supervisees")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getSuperviseesReport",
            summary = "The caller's supervisees side by side, each with its caseload's figures over a range "
                    + "(JSON; also text/csv)",
            description = "For a supervisor: each practitioner it supervises, by name, with the figures of its alliances "
                    + "open at some time in the range (rupture and resolution rates, time to repair, open ruptures, at-risk "
                    + "alliances, SRS, sessions awaiting co-signature), one page at a time. Without from, the alliances' "
                    + "whole lives; without to, up to today. Answers JSON, or with Accept: text/csv a row per supervisee "
                    + "of the page.")
    @APIResponse(responseCode = "200", description = "One page of supervisees with their figures",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SuperviseeFiguresPage"),
                        examples = @ExampleObject(name = "supervisees", value = ApiExamples.SUPERVISEES)),
                @Content(mediaType = ReportResource.CSV, schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "csv", value = ApiExamples.SUPERVISEES_CSV))})
    public Page<SuperviseeFigures> supervisees(
            @Parameter(description = "First day (ISO date), inclusive",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date), inclusive",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        return supervisees(from, to, page, size, AuditAction.REPORT);
    }

    @GET
    @Path("/reports/supervisees")
    @Produces(ReportResource.CSV)
    @Operation(hidden = true)
    public String superviseesCsv(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return ReportCsv.supervisees(supervisees(from, to, page, size, AuditAction.EXPORT).items());
    }

    private Page<SuperviseeFigures> supervisees(String from, String to, String page, String size, AuditAction action) {
        QueryParams query = new QueryParams();
        LocalDate first = query.date("from", from);
        LocalDate last = query.date("to", to);
        PageRequest pageRequest = query.page(page, size);
        query.check();
        return supervision.supervisees(first, last, pageRequest, action);
    }

    @GET
    @Path("/reports/review-queue")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReviewQueue",
            summary = "Sessions of the caller's supervisees where a rupture may have been missed, newest first",
            description = "For a supervisor, across its supervisees' ACTIVE and ON_HOLD alliances: sessions where the "
                    + "client's PSQ reported a rupture and the therapist logged none, sessions whose SRS dropped by at "
                    + "least srsDropPoints with no rupture logged, and ruptures still open after openRuptureLimitDays; "
                    + "newest first, one page at a time, with ids and codes only. Optionally only sessions from one day "
                    + "to another, or one reason.")
    @APIResponse(responseCode = "200", description = "One page of sessions to review",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ReviewItemPage"),
                    examples = @ExampleObject(name = "queue", value = ApiExamples.REVIEW_QUEUE)))
    public Page<ReviewItem> reviewQueue(
            @Parameter(description = "First day (ISO date), inclusive",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date), inclusive",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "Only this reason; every reason when absent",
                    schema = @Schema(implementation = ReviewReason.class)) @QueryParam("reason") String reason,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        QueryParams query = new QueryParams();
        LocalDate first = query.date("from", from);
        LocalDate last = query.date("to", to);
        ReviewReason wanted = query.enumValue("reason", reason, ReviewReason.class);
        PageRequest pageRequest = query.page(page, size);
        query.check();
        return supervision.reviewQueue(first, last, wanted, pageRequest, AuditAction.REPORT);
    }
}
