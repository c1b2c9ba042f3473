package app.attune.report;

import app.attune.alliance.Alliance;
import app.attune.api.ApiProblem;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import app.attune.practitioner.Practitioner;
import app.attune.report.ReportPdf.RuptureDetail;
import app.attune.report.ReportPdf.SessionNote;
import app.attune.report.ReportQueries.Range;
import app.attune.report.ReportQueries.Thresholds;
import app.attune.report.ReportViews.AllianceReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An alliance's report as a PDF for the supervision file. Progress notes go in only when asked,
 * and only for the clinicians of the alliance (its therapist, and that therapist's supervisor);
 * the export of notes is audited on its own. Private notes are never read.
 */
@ApplicationScoped
public class ReportPdfService {

    private final CurrentCaller caller;
    private final ReportService reports;
    private final ReportDatabase database;
    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final Clock clock;

    ReportPdfService(CurrentCaller caller, ReportService reports, ReportDatabase database, AuditTrail audit, ObjectMapper mapper,
            Clock clock) {
        this.caller = caller;
        this.reports = reports;
        this.database = database;
        this.audit = audit;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public byte[] pdf(UUID allianceId, LocalDate from, LocalDate to, boolean includeNotes) {
        Alliance alliance = reports.visible(allianceId);
        if (includeNotes && !readsNotes(caller.get(), alliance)) {
            throw ApiProblem.forbidden("Only the alliance's therapist and its supervisor may export its progress notes");
        }
        AllianceReport report = reports.build(allianceId, from, to);
        Thresholds thresholds = reports.thresholds();
        Range range = reports.range(from, to, thresholds.timeZone());
        AllianceChart.Data chart = reports.chart(report, from, to);
        Map<UUID, RuptureDetail> details = details(alliance.organizationId, allianceId, range);
        List<SessionNote> notes = includeNotes ? notes(alliance.organizationId, allianceId, range) : null;
        audit.done(AuditAction.EXPORT, AuditedType.REPORT, allianceId, allianceId);
        if (includeNotes) {
            audit.done(AuditAction.EXPORT, AuditedType.SESSION_NOTES, allianceId, allianceId);
        }
        return ReportPdf.render(new ReportPdf.Content(chart, details, notes, from, to, OffsetDateTime.now(clock),
                thresholds.timeZone()));
    }

    /** The alliance's own therapist, or the supervisor of that therapist: not an integration, not an admin. */
    private static boolean readsNotes(Caller caller, Alliance alliance) {
        if (caller.treats() && alliance.therapistId.equals(caller.practitionerId())) {
            return true;
        }
        if (!caller.supervises()) {
            return false;
        }
        Practitioner therapist = Practitioner.<Practitioner>find("id = ?1 and organizationId = ?2", alliance.therapistId,
                alliance.organizationId).firstResult();
        return therapist != null && caller.practitionerId().equals(therapist.supervisorId);
    }

    /** Markers, tags, significance and repairs of each rupture that surfaced in range, as one JSON object each. */
    private Map<UUID, RuptureDetail> details(UUID organizationId, UUID allianceId, Range range) {
        List<ReportRow> rows = database.rows("""
                select r.id, cast(jsonb_build_object('markers', r.markers, 'tags', r.tags, 'significance', r.significance,
                       'repairs', coalesce(jsonb_agg(jsonb_build_object('strategies', rp.strategies, 'outcome', rp.outcome,
                           'performedAt', rp.performed_at, 'sessionNumber', rps.number) order by rp.performed_at, rp.created_at)
                           filter (where rp.id is not null), '[]')) as text) as detail
                from rupture r
                join session s on s.id = r.session_id and s.organization_id = :org
                left join repair rp on rp.rupture_id = r.id and rp.organization_id = :org and rp.performed_at < :to
                left join session rps on rps.id = rp.session_id and rps.organization_id = :org
                where r.organization_id = :org and r.alliance_id = :alliance and s.occurred_at >= :from and s.occurred_at < :to
                group by r.id, r.organization_id""", Map.of("org", organizationId, "alliance", allianceId, "from", range.from(), "to", range.to()));
        Map<UUID, RuptureDetail> details = new HashMap<>();
        for (ReportRow row : rows) {
            try {
                details.put(row.id("id"), mapper.readValue(row.text("detail"), RuptureDetail.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a rupture's detail did not read back", e);
            }
        }
        return details;
    }

    /** The progress notes of the sessions in range, in the order they happened; never the private notes. */
    private List<SessionNote> notes(UUID organizationId, UUID allianceId, Range range) {
        return database.rows("""
                select number, occurred_at, note from session
                where organization_id = :org and alliance_id = :alliance and occurred_at >= :from and occurred_at < :to and note is not null
                order by occurred_at, number""", Map.of("org", organizationId, "alliance", allianceId, "from", range.from(), "to", range.to()))
                .stream().map(row -> new SessionNote(row.integer("number"), row.time("occurred_at"), row.text("note"))).toList();
    }
}
