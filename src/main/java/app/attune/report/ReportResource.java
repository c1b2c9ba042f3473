package app.attune.report;

import app.attune.alliance.AllianceStatus;
import app.attune.audit.AuditAction;
import app.attune.api.ApiExamples;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.QueryParams;
import app.attune.identity.Roles;
import app.attune.report.ReportViews.AllianceReport;
import app.attune.report.ReportViews.CaseloadEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "Reports")
@RolesAllowed({Roles.THERAPIST, Roles.SUPERVISOR, Roles.INTEGRATION})
public class ReportResource {

    static final String CSV = "text/csv";
    static final String SVG = "image/svg+xml";
    static final String PDF = "application/pdf";

    private final ReportService reports;
    private final ReportPdfService pdfs;

    ReportResource(ReportService reports, ReportPdfService pdfs) {
        this.reports = reports;
        this.pdfs = pdfs;
    }

    @GET
    @Path("/alliances/{id}/report")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAllianceReport",
            summary = "Trace an alliance over time: per-session ruptures, repairs and scores, with its summary "
                    + "(JSON; also text/csv, image/svg+xml and application/pdf)",
            description = "Traces the alliance over time: each session's ruptures, repairs and scores, with a summary, "
                    + "optionally only from one day to another (both inclusive). Answers JSON, or with Accept: text/csv "
                    + "a row per session, with Accept: image/svg+xml a chart, or with Accept: application/pdf a tagged PDF for "
                    + "the supervision file (summary with the at-risk reasons, chart, sessions, each rupture with its markers, "
                    + "tags and repairs). The PDF never holds a private note, and holds the progress notes only with "
                    + "includeNotes=true, which only the alliance's therapist and that therapist's supervisor may ask for "
                    + "(403 for anyone else); that export is audited as SESSION_NOTES.")
    @APIResponse(responseCode = "200", description = "The report",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllianceReport.class),
                        examples = @ExampleObject(name = "report", value = ApiExamples.REPORT)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "csv", value = ApiExamples.REPORT_CSV)),
                @Content(mediaType = SVG, schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "chart", value = ApiExamples.REPORT_SVG)),
                @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    public AllianceReport report(@PathParam("id") UUID id,
            @Parameter(description = "First day (ISO date), inclusive",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Last day (ISO date), inclusive",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to,
            @Parameter(description = "PDF only: include the sessions' progress notes (never the private notes)",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("includeNotes") String includeNotes) {
        Dates dates = Dates.of(from, to, includeNotes);
        return reports.report(id, dates.from(), dates.to(), AuditAction.REPORT);
    }

    @GET
    @Path("/alliances/{id}/report")
    @Produces(CSV)
    @Operation(hidden = true)
    public String reportCsv(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        Dates dates = Dates.of(from, to);
        return ReportCsv.sessions(reports.report(id, dates.from(), dates.to(), AuditAction.EXPORT));
    }

    @GET
    @Path("/alliances/{id}/report")
    @Produces(SVG)
    @Operation(hidden = true)
    public String reportSvg(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to) {
        Dates dates = Dates.of(from, to);
        return AllianceChart.svg(reports.chart(id, dates.from(), dates.to()));
    }

    @GET
    @Path("/alliances/{id}/report")
    @Produces(PDF)
    @Operation(hidden = true)
    public byte[] reportPdf(@PathParam("id") UUID id, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("includeNotes") String includeNotes) {
        Dates dates = Dates.of(from, to, includeNotes);
        return pdfs.pdf(id, dates.from(), dates.to(), dates.includeNotes());
    }

    @GET
    @Path("/reports/caseload")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCaseloadReport",
            summary = "The caller's caseload (and, for a supervisor, its supervisees'), at-risk alliances first "
                    + "(JSON; also text/csv)",
            description = "Lists the alliances the caller may see, each with its summary, at-risk first, one page at a "
                    + "time: the ACTIVE and ON_HOLD ones, or those of the status asked for. Answers JSON, or with "
                    + "Accept: text/csv a row per alliance of the page.")
    @APIResponse(responseCode = "200", description = "One page of alliances with their summaries",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseloadEntryPage"),
                        examples = @ExampleObject(name = "caseload", value = ApiExamples.CASELOAD)),
                @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "csv", value = ApiExamples.CASELOAD_CSV))})
    public Page<CaseloadEntry> caseload(
            @Parameter(description = "One alliance status; ACTIVE and ON_HOLD when absent",
                    schema = @Schema(implementation = AllianceStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Page number from 0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (20 by default)") @QueryParam("size") String size) {
        return caseload(status, page, size, AuditAction.REPORT);
    }

    @GET
    @Path("/reports/caseload")
    @Produces(CSV)
    @Operation(hidden = true)
    public String caseloadCsv(@QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return ReportCsv.caseload(caseload(status, page, size, AuditAction.EXPORT).items());
    }

    private Page<CaseloadEntry> caseload(String status, String page, String size, AuditAction action) {
        QueryParams query = new QueryParams();
        AllianceStatus wanted = query.enumValue("status", status, AllianceStatus.class);
        PageRequest pageRequest = query.page(page, size);
        query.check();
        return reports.caseload(wanted, pageRequest, action);
    }

    /** The report's date range, and whether a PDF holds the progress notes, read from the query. */
    private record Dates(LocalDate from, LocalDate to, boolean includeNotes) {

        static Dates of(String from, String to) {
            return of(from, to, null);
        }

        static Dates of(String from, String to, String includeNotes) {
            QueryParams query = new QueryParams();
            Dates dates = new Dates(query.date("from", from), query.date("to", to),
                    Boolean.TRUE.equals(query.bool("includeNotes", includeNotes)));
            query.check();
            return dates;
        }
    }
}
