package app.attune.report;

import app.attune.access.AllianceScope;
import app.attune.alliance.Alliance;
import app.attune.alliance.AllianceRepository;
import app.attune.alliance.AllianceStatus;
import app.attune.alliance.AllianceView;
import app.attune.api.ApiProblem;
import app.attune.api.JournalDates;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.config.AttuneConfig;
import app.attune.identity.CurrentCaller;
import app.attune.journal.Attendance;
import app.attune.journal.Reporter;
import app.attune.journal.RuptureStatus;
import app.attune.journal.RuptureType;
import app.attune.organization.OrganizationSettings;
import app.attune.organization.SettingsService;
import app.attune.query.Filter;
import app.attune.report.ReportQueries.Range;
import app.attune.report.ReportQueries.Thresholds;
import app.attune.report.ReportViews.AllianceReport;
import app.attune.report.ReportViews.AtRisk;
import app.attune.report.ReportViews.CaseloadEntry;
import app.attune.report.ReportViews.Cosignature;
import app.attune.report.ReportViews.Discrepancy;
import app.attune.report.ReportViews.Quartiles;
import app.attune.report.ReportViews.RepairGain;
import app.attune.report.ReportViews.RuptureCounts;
import app.attune.report.ReportViews.RuptureLine;
import app.attune.report.ReportViews.RupturesPerSession;
import app.attune.report.ReportViews.SessionLine;
import app.attune.report.ReportViews.Summary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Alliance reports and caseloads. The figures come from {@link ReportQueries}; this class checks
 * who may read what, converts rows to the API records and applies the at-risk rules.
 */
@ApplicationScoped
public class ReportService {

    /** SRS points per session, over the last five rated sessions, below which the trend is falling. */
    static final BigDecimal FALLING_TREND = new BigDecimal("-1.0");
    /** Client no-shows among the last five sessions that put an alliance at risk. */
    static final int NO_SHOW_LIMIT = 2;

    private final CurrentCaller caller;
    private final SettingsService settings;
    private final ReportQueries queries;
    private final EntityManager em;
    private final AllianceRepository alliances;
    private final AuditTrail audit;
    private final int maxRangeDays;
    private final Clock clock;

    ReportService(CurrentCaller caller, SettingsService settings, ReportQueries queries, EntityManager em,
            AllianceRepository alliances, AuditTrail audit, Clock clock, AttuneConfig config) {
        this.audit = audit;
        this.alliances = alliances;
        this.maxRangeDays = config.report().maxRangeDays();
        this.caller = caller;
        this.settings = settings;
        this.queries = queries;
        this.em = em;
        this.clock = clock;
    }

    /** The alliance's report; {@code action} says whether it is read (JSON) or exported (CSV, SVG). */
    @Transactional
    public AllianceReport report(UUID allianceId, LocalDate from, LocalDate to, AuditAction action) {
        AllianceReport report = build(allianceId, from, to);
        audit.done(action, AuditedType.REPORT, allianceId, allianceId);
        return report;
    }

    AllianceReport build(UUID allianceId, LocalDate from, LocalDate to) {
        Alliance alliance = visible(allianceId);
        Thresholds thresholds = thresholds();
        Range range = range(from, to, thresholds.timeZone());
        queries.planForTheseAlliances();
        List<SessionLine> sessions = queries.sessions(alliance.organizationId, alliance.id, range, thresholds).stream().map(ReportService::line).toList();
        List<RuptureLine> ruptures = queries.ruptures(alliance.organizationId, alliance.id, range).stream()
                .map(ReportService::ruptureLine).toList();
        Summary summary = summaries(List.of(alliance), range, thresholds).get(alliance.id);
        return new AllianceReport(AllianceView.of(alliance), sessions, ruptures, summary);
    }

    /** The chart's data: the report and where each rupture and repair falls. */
    @Transactional
    public AllianceChart.Data chart(UUID allianceId, LocalDate from, LocalDate to) {
        AllianceChart.Data chart = chart(build(allianceId, from, to), from, to);
        audit.done(AuditAction.EXPORT, AuditedType.REPORT, allianceId, allianceId);
        return chart;
    }

    AllianceChart.Data chart(AllianceReport report, LocalDate from, LocalDate to) {
        Thresholds thresholds = thresholds();
        List<AllianceChart.RuptureMark> ruptures = new ArrayList<>();
        Map<String, AllianceChart.RuptureMark> byId = new LinkedHashMap<>();
        for (ReportRow row : queries.chartRuptures(caller.get().organizationId(), report.alliance().id(), range(from, to, thresholds.timeZone()))) {
            AllianceChart.RuptureMark mark = byId.computeIfAbsent(row.id("id").toString(), id -> {
                AllianceChart.RuptureMark m = new AllianceChart.RuptureMark(row.integer("position"),
                        row.integer("session_number"), row.text("type"), row.text("status"), new ArrayList<>());
                ruptures.add(m);
                return m;
            });
            if (!row.isNull("repair_outcome") && !row.isNull("repair_position")) {
                mark.repairs().add(new AllianceChart.RepairMark(row.real("repair_position"), row.text("repair_outcome")));
            }
        }
        return new AllianceChart.Data(report, thresholds.srsCutoff(), ruptures);
    }

    /**
     * The caller's caseload: its own alliances, and its supervisees' when it supervises; at-risk
     * alliances first. Without a status, the open ones (ACTIVE and ON_HOLD).
     */
    @Transactional
    public Page<CaseloadEntry> caseload(AllianceStatus status, PageRequest page, AuditAction action) {
        AllianceScope scope = AllianceScope.readable(caller.get(), "a");
        Filter filter = Filter.where(scope.where(), scope.parameters()).and("a.status in :statuses", "statuses",
                status == null ? List.of(AllianceStatus.ACTIVE, AllianceStatus.ON_HOLD) : List.of(status));
        List<Alliance> alliances = filter.bind(em.createQuery("select a from Alliance a where " + filter.clause(),
                Alliance.class)).getResultList();
        // Views first: their participants load in one batch, which the report statements' flush would undo.
        Map<UUID, AllianceView> views = new HashMap<>();
        alliances.forEach(a -> views.put(a.id, AllianceView.of(a)));
        queries.planForTheseAlliances();
        Thresholds thresholds = thresholds();
        Map<UUID, Summary> summaries = alliances.isEmpty() ? Map.of()
                : summaries(alliances, range(null, null, thresholds.timeZone()), thresholds);
        List<CaseloadEntry> entries = alliances.stream()
                .map(a -> new CaseloadEntry(views.get(a.id), summaries.get(a.id)))
                .sorted(Comparator.comparing((CaseloadEntry e) -> !e.summary().atRisk().flag())
                        .thenComparing(e -> e.summary().oldestOpenRuptureDays() == null ? Long.MAX_VALUE
                                : -e.summary().oldestOpenRuptureDays())
                        .thenComparing(e -> e.alliance().startedOn())
                        .thenComparing(e -> e.alliance().id()))
                .toList();
        int fromIndex = Math.min(page.page() * page.size(), entries.size());
        int toIndex = Math.min(fromIndex + page.size(), entries.size());
        audit.done(action, AuditedType.CASELOAD, null, null);
        return Page.of(entries.subList(fromIndex, toIndex), page, entries.size());
    }

    Map<UUID, Summary> summaries(List<Alliance> alliances, Range range, Thresholds thresholds) {
        Map<UUID, Alliance> byId = new HashMap<>();
        alliances.forEach(a -> byId.put(a.id, a));
        Map<UUID, Summary> summaries = new HashMap<>();
        // Ages are as of the range's end, or now for a range that has not ended.
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime asOf = range.to().isBefore(now) ? range.to() : now;
        UUID organizationId = caller.get().organizationId();
        Map<UUID, Cosignature> cosignatures = new HashMap<>();
        for (ReportRow row : queries.awaitingCosign(organizationId, byId.keySet(), now)) {
            cosignatures.put(row.id("alliance_id"), new Cosignature(row.count("awaiting"), row.whole("oldest_days")));
        }
        for (ReportRow row : queries.summaries(organizationId, byId.keySet(), range, thresholds, asOf)) {
            UUID id = row.id("alliance_id");
            summaries.put(id, summary(row, byId.get(id).status.isClosed(), thresholds,
                    cosignatures.getOrDefault(id, Cosignature.NONE)));
        }
        return summaries;
    }

    private static Summary summary(ReportRow row, boolean closed, Thresholds thresholds, Cosignature cosignature) {
        long attended = row.count("attended");
        long withRupture = row.count("attended_with_rupture");
        RuptureCounts ruptures = new RuptureCounts(row.count("ruptures"), row.count("withdrawal"),
                row.count("confrontation"), row.count("mixed"));
        long resolved = row.count("resolved");
        Long oldestOpen = row.whole("oldest_open_days");
        long recentRated = row.count("recent_rated");
        BigDecimal trend = recentRated < 2 ? null : row.decimal("trend", 3);
        List<String> reasons = new ArrayList<>();
        // The limit is reached on its day: 21 whole days open with a limit of 21 is flagged.
        if (oldestOpen != null && oldestOpen >= thresholds.openRuptureLimitDays()) {
            reasons.add("OPEN_RUPTURE_OVER_LIMIT");
        }
        if (row.flag("below_cutoff_twice")) {
            reasons.add("SRS_BELOW_CUTOFF_TWICE");
        }
        if (trend != null && recentRated >= 3 && trend.compareTo(FALLING_TREND) <= 0) {
            reasons.add("FALLING_SRS_TREND");
        }
        if (row.count("client_no_shows") >= NO_SHOW_LIMIT) {
            reasons.add("CLIENT_NO_SHOWS");
        }
        long outsideAttended = row.count("outside_attended");
        long attendedWithdrawal = row.count("attended_withdrawal");
        long attendedConfrontation = row.count("attended_confrontation");
        long attendedMixed = row.count("attended_mixed");
        RupturesPerSession perSession = new RupturesPerSession(ratio(attendedWithdrawal, attended),
                ratio(attendedConfrontation, attended), ratio(attendedMixed, attended),
                ratio(attendedWithdrawal + attendedConfrontation + attendedMixed, attended));
        long gains = row.count("gains");
        return new Summary(attended, withRupture, ratio(withRupture, attended), ruptures, resolved,
                ratio(resolved, ruptures.total()),
                ratio(row.count("resolved_same_session"), ruptures.total() - outsideAttended),
                outsideAttended, perSession,
                quartiles(row, "sessions_median", "sessions_q1", "sessions_q3"),
                quartiles(row, "days_median", "days_q1", "days_q3"),
                row.count("open_ruptures"), oldestOpen, row.count("unresolved_at_close"), row.counts("strategy_mix"),
                ratio(row.count("exploratory"), row.count("episodes")), row.counts("tags"),
                new Discrepancy(row.count("client_only"), row.count("therapist_only"), row.count("observed_only")), trend,
                row.count("v_shaped"), row.count("unrecovered"),
                new RepairGain(gains, row.decimal("median_gain", 2), ratio(row.count("rose"), gains)),
                cosignature, new AtRisk(!closed && !reasons.isEmpty(), reasons));
    }

    private static SessionLine line(ReportRow row) {
        Map<String, BigDecimal> subscales = null;
        if (!row.isNull("wai")) {
            subscales = new LinkedHashMap<>();
            subscales.put("BOND", row.decimal("bond"));
            subscales.put("GOAL", row.decimal("goal"));
            subscales.put("TASK", row.decimal("task"));
        }
        return new SessionLine(row.integer("number"), row.time("occurred_at"), row.code("attendance", Attendance.class),
                new RuptureCounts(row.count("ruptures"), row.count("withdrawal"), row.count("confrontation"),
                        row.count("mixed")),
                row.integer("max_significance"), row.count("repairs"), row.decimal("srs"), row.scores("srs_by_participant"),
                row.decimal("ors"), row.decimal("wai"), subscales, row.scores("wai_by_participant"), row.codes("flags"));
    }

    private static RuptureLine ruptureLine(ReportRow row) {
        return new RuptureLine(row.id("id"), row.integer("session_number"), row.time("surfaced_at"),
                row.code("type", RuptureType.class), row.code("reported_by", Reporter.class),
                row.code("status", RuptureStatus.class), row.integer("sessions_to_repair"),
                row.decimal("days_to_repair", 2), row.decimal("srs_gain", 1));
    }

    Alliance visible(UUID allianceId) {
        return alliances.findVisible(caller.get(), allianceId).orElseThrow(() -> ApiProblem.notFound("alliance"));
    }

    Thresholds thresholds() {
        OrganizationSettings s = settings.of(caller.get().organizationId());
        return new Thresholds(s.srsCutoff, s.srsItemFloor, s.orsCutoff, s.orsReliableChange, s.repairWindowSessions,
                s.openRuptureLimitDays, s.srsDropPoints, ZoneId.of(s.timeZone));
    }

    /** The days from..to in the organization's time zone, as instants; a day runs midnight to midnight there. */
    Range range(LocalDate from, LocalDate to, ZoneId zone) {
        LocalDate start = from == null ? JournalDates.EARLIEST : from;
        LocalDate end = to == null ? JournalDates.LATEST : to;
        if (end.isBefore(start)) {
            throw ApiProblem.invalid("to", "must not be before from");
        }
        // A range the caller opens at one end runs to today; without from it is the alliance's whole life.
        LocalDate spanEnd = to == null ? LocalDate.now(clock.withZone(zone)) : to;
        if (from != null && ChronoUnit.DAYS.between(from, spanEnd) >= maxRangeDays) {
            throw ApiProblem.invalid("from", "a report spans at most " + maxRangeDays + " days");
        }
        return new Range(start.atStartOfDay(zone).toOffsetDateTime(), end.plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
                end);
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    private static Quartiles quartiles(ReportRow row, String median, String q1, String q3) {
        return new Quartiles(row.decimal(median, 2), row.decimal(q1, 2), row.decimal(q3, 2));
    }
}
