package app.attune.report;

import static app.attune.report.ReportService.ratio;

import app.attune.alliance.Alliance;
import app.attune.alliance.AllianceStatus;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import app.attune.practitioner.Practitioner;
import app.attune.report.ReportQueries.Range;
import app.attune.report.ReportQueries.Thresholds;
import app.attune.report.ReportViews.Cosignature;
import app.attune.report.ReportViews.Summary;
import app.attune.report.SupervisionViews.ReviewItem;
import app.attune.report.SupervisionViews.ReviewReason;
import app.attune.report.SupervisionViews.SuperviseeFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A supervisor's view across its supervisees: their figures side by side, and the sessions where a
 * rupture may have been missed. Only the caller's own supervisees count, never its own alliances.
 */
@ApplicationScoped
public class SupervisionService {

    private final CurrentCaller caller;
    private final ReportService reports;
    private final ReportQueries reportQueries;
    private final SupervisionQueries queries;
    private final EntityManager em;
    private final AuditTrail audit;
    private final Clock clock;

    SupervisionService(CurrentCaller caller, ReportService reports, ReportQueries reportQueries, SupervisionQueries queries,
            EntityManager em, AuditTrail audit, Clock clock) {
        this.caller = caller;
        this.reports = reports;
        this.reportQueries = reportQueries;
        this.queries = queries;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
    }

    /** One page of the caller's supervisees, by name, each with its figures over the range. */
    @Transactional
    public Page<SuperviseeFigures> supervisees(LocalDate from, LocalDate to, PageRequest page, AuditAction action) {
        Caller me = caller.get();
        Thresholds thresholds = reports.thresholds();
        Range range = reports.range(from, to, thresholds.timeZone());
        long total = em.createQuery("select count(p) from Practitioner p where p.organizationId = :org "
                        + "and p.supervisorId = :me and p.active", Long.class)
                .setParameter("org", me.organizationId()).setParameter("me", me.practitionerId()).getSingleResult();
        List<Practitioner> supervisees = em.createQuery("select p from Practitioner p where p.organizationId = :org "
                        + "and p.supervisorId = :me and p.active order by p.displayName nulls last, p.id", Practitioner.class)
                .setParameter("org", me.organizationId()).setParameter("me", me.practitionerId())
                .setFirstResult(page.page() * page.size()).setMaxResults(page.size()).getResultList();
        List<SuperviseeFigures> items = supervisees.isEmpty() ? List.of() : figures(me, supervisees, range, thresholds);
        audit.done(action, AuditedType.SUPERVISEES, null, null);
        return Page.of(items, page, total);
    }

    private List<SuperviseeFigures> figures(Caller me, List<Practitioner> supervisees, Range range, Thresholds thresholds) {
        List<UUID> therapists = supervisees.stream().map(p -> p.id).toList();
        // Alliances open at some time in the range: started by its last day, not ended before its first.
        List<Alliance> alliances = em.createQuery("select a from Alliance a where a.organizationId = :org "
                        + "and a.therapistId in :therapists and a.startedOn <= :lastDay "
                        + "and (a.endedOn is null or a.endedOn >= :firstDay)", Alliance.class)
                .setParameter("org", me.organizationId()).setParameter("therapists", therapists)
                .setParameter("lastDay", range.lastDay())
                .setParameter("firstDay", range.from().atZoneSameInstant(thresholds.timeZone()).toLocalDate())
                .getResultList();
        Map<UUID, long[]> counts = new HashMap<>();
        reportQueries.planForTheseAlliances();
        Map<UUID, Summary> summaries = alliances.isEmpty() ? Map.of() : reports.summaries(alliances, range, thresholds);
        for (Alliance a : alliances) {
            long[] c = counts.computeIfAbsent(a.therapistId, id -> new long[2]);
            c[0]++;
            c[1] += summaries.get(a.id).atRisk().flag() ? 1 : 0;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime asOf = range.to().isBefore(now) ? range.to() : now;
        Map<UUID, ReportRow> rows = new HashMap<>();
        for (ReportRow row : queries.supervisees(me.organizationId(), therapists, alliances.stream().map(a -> a.id).toList(),
                range, thresholds, asOf, now)) {
            rows.put(row.id("therapist_id"), row);
        }
        return supervisees.stream().map(p -> figures(p, counts.getOrDefault(p.id, new long[2]), rows.get(p.id))).toList();
    }

    private static SuperviseeFigures figures(Practitioner p, long[] alliances, ReportRow row) {
        long attended = row.count("attended");
        long ruptures = row.count("ruptures");
        long resolved = row.count("resolved");
        long awaiting = row.count("awaiting");
        return new SuperviseeFigures(p.id, p.displayName, p.licensed, alliances[0], alliances[1], row.count("sessions"),
                attended, ratio(row.count("attended_with_rupture"), attended), ruptures, resolved, ratio(resolved, ruptures),
                row.decimal("sessions_to_repair", 2), row.decimal("days_to_repair", 2),
                row.count("open_ruptures"), row.whole("oldest_open_days"),
                row.decimal("mean_srs", 2), ratio(row.count("below_cutoff"), row.count("rated")),
                new Cosignature(awaiting, awaiting == 0 ? null : row.whole("oldest_awaiting_days")));
    }

    /** One page of the review queue across the caller's supervisees' open alliances, newest first. */
    @Transactional
    public Page<ReviewItem> reviewQueue(LocalDate from, LocalDate to, ReviewReason reason, PageRequest page,
            AuditAction action) {
        Caller me = caller.get();
        Thresholds thresholds = reports.thresholds();
        Range range = reports.range(from, to, thresholds.timeZone());
        List<UUID> alliances = em.createQuery("select a.id from Alliance a where a.organizationId = :org "
                        + "and a.status in :open and a.therapistId in (select p.id from Practitioner p "
                        + "where p.organizationId = :org and p.supervisorId = :me)", UUID.class)
                .setParameter("org", me.organizationId()).setParameter("me", me.practitionerId())
                .setParameter("open", List.of(AllianceStatus.ACTIVE, AllianceStatus.ON_HOLD)).getResultList();
        List<ReviewItem> items = List.of();
        long total = 0;
        if (!alliances.isEmpty()) {
            reportQueries.planForTheseAlliances();
            List<ReportRow> rows = queries.reviewQueue(me.organizationId(), alliances, range, thresholds, reason == null ? null : reason.name(),
                    OffsetDateTime.now(clock), page.page() * page.size(), page.size());
            total = rows.get(0).count("total");
            items = rows.stream().filter(r -> !r.isNull("reason")).map(SupervisionService::item).toList();
        }
        audit.done(action, AuditedType.REVIEW_QUEUE, null, null);
        return Page.of(items, page, total);
    }

    private static ReviewItem item(ReportRow row) {
        return new ReviewItem(row.code("reason", ReviewReason.class), row.id("alliance_id"), row.id("therapist_id"),
                row.id("session_id"), row.integer("session_number"), row.time("occurred_at"), row.id("rupture_id"),
                row.whole("days_open"));
    }
}
