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
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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


    private static final TypeReference<Map<String, BigDecimal>> BY_PARTICIPANT = new TypeReference<>() {
    };

    private final CurrentCaller caller;
    private final SettingsService settings;
    private final ReportQueries queries;
    private final EntityManager em;
    private final AllianceRepository alliances;

    private final AuditTrail audit;
    private final ObjectMapper mapper;
    private final int maxRangeDays;
    private final Clock clock;

    ReportService(CurrentCaller caller, SettingsService settings, ReportQueries queries, EntityManager em,
            AllianceRepository alliances, AuditTrail audit, ObjectMapper mapper, Clock clock, AttuneConfig config) {
        this.audit = audit;
        this.mapper = mapper;
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
        List<SessionLine> sessions = queries.sessions(alliance.id, range, thresholds).stream().map(this::line).toList();
        List<RuptureLine> ruptures = queries.ruptures(alliance.id, range).stream()
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
        for (Object[] row : queries.chartRuptures(report.alliance().id(), range(from, to, thresholds.timeZone()))) {
            AllianceChart.RuptureMark mark = byId.computeIfAbsent(row[0].toString(), id -> {
                AllianceChart.RuptureMark m = new AllianceChart.RuptureMark(((Number) row[1]).intValue(),
                        ((Number) row[6]).intValue(), (String) row[2], (String) row[3], new ArrayList<>());
                ruptures.add(m);
                return m;
            });
            if (row[4] != null && row[5] != null) {
                mark.repairs().add(new AllianceChart.RepairMark(((Number) row[5]).doubleValue(), (String) row[4]));
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
        var query = em.createQuery("select a from Alliance a where " + scope.where() + " and a.status in :statuses",
                Alliance.class);
        scope.with(Map.of("statuses", status == null ? List.of(AllianceStatus.ACTIVE, AllianceStatus.ON_HOLD) : List.of(status)))
                .forEach(query::setParameter);
        List<Alliance> alliances = query.getResultList();
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
        Map<UUID, Cosignature> cosignatures = new HashMap<>();
        for (Object[] row : queries.awaitingCosign(byId.keySet(), now)) {
            cosignatures.put((UUID) row[0], new Cosignature(count(row[1]), ((Number) row[2]).longValue()));
        }
        for (Object[] row : queries.summaries(byId.keySet(), range, thresholds, asOf)) {
            UUID id = (UUID) row[0];
            summaries.put(id, summary(row, byId.get(id).status.isClosed(), thresholds,
                    cosignatures.getOrDefault(id, Cosignature.NONE)));
        }
        return summaries;
    }

    private static Summary summary(Object[] row, boolean closed, Thresholds thresholds, Cosignature cosignature) {
        long attended = count(row[1]);
        long withRupture = count(row[2]);
        RuptureCounts ruptures = new RuptureCounts(count(row[3]), count(row[4]), count(row[5]), count(row[6]));
        long resolved = count(row[7]);
        long resolvedSameSession = count(row[8]);
        Long oldestOpen = row[16] == null ? null : ((Number) row[16]).longValue();
        BigDecimal trend = row[22] == null || count(row[23]) < 2 ? null : decimal(row[22], 3);
        boolean belowTwice = Boolean.TRUE.equals(row[25]);
        long noShows = count(row[26]);
        List<String> reasons = new ArrayList<>();
        // The limit is reached on its day: 21 whole days open with a limit of 21 is flagged.
        if (oldestOpen != null && oldestOpen >= thresholds.openRuptureLimitDays()) {
            reasons.add("OPEN_RUPTURE_OVER_LIMIT");
        }
        if (belowTwice) {
            reasons.add("SRS_BELOW_CUTOFF_TWICE");
        }
        if (trend != null && count(row[23]) >= 3 && trend.compareTo(FALLING_TREND) <= 0) {
            reasons.add("FALLING_SRS_TREND");
        }
        if (noShows >= NO_SHOW_LIMIT) {
            reasons.add("CLIENT_NO_SHOWS");
        }
        long outsideAttended = count(row[28]);
        long attendedWithdrawal = count(row[29]);
        long attendedConfrontation = count(row[30]);
        long attendedMixed = count(row[31]);
        RupturesPerSession perSession = new RupturesPerSession(ratio(attendedWithdrawal, attended),
                ratio(attendedConfrontation, attended), ratio(attendedMixed, attended),
                ratio(attendedWithdrawal + attendedConfrontation + attendedMixed, attended));
        return new Summary(attended, withRupture, ratio(withRupture, attended), ruptures, resolved,
                ratio(resolved, ruptures.total()), ratio(resolvedSameSession, ruptures.total() - outsideAttended),
                outsideAttended, perSession,
                quartiles(row[9], row[10], row[11]), quartiles(row[12], row[13], row[14]),
                count(row[15]), oldestOpen, count(row[17]), counts((String) row[18]), ratio(count(row[37]), count(row[36])),
                counts((String) row[19]),
                new Discrepancy(count(row[20]), count(row[21]), count(row[27])), trend, count(row[24]), count(row[32]),
                new RepairGain(count(row[33]), decimal(row[34], 2), ratio(count(row[35]), count(row[33]))),
                cosignature, new AtRisk(!closed && !reasons.isEmpty(), reasons));
    }

    private SessionLine line(Object[] row) {
        Map<String, BigDecimal> subscales = null;
        if (row[11] != null) {
            subscales = new LinkedHashMap<>();
            subscales.put("BOND", (BigDecimal) row[13]);
            subscales.put("GOAL", (BigDecimal) row[14]);
            subscales.put("TASK", (BigDecimal) row[12]);
        }
        String flags = (String) row[17];
        return new SessionLine(((Number) row[0]).intValue(), Timestamps.offsetDateTime(row[1]),
                Attendance.valueOf((String) row[2]),
                new RuptureCounts(count(row[3]), count(row[4]), count(row[5]), count(row[6])),
                row[7] == null ? null : ((Number) row[7]).intValue(), count(row[8]),
                (BigDecimal) row[9], byParticipant(row[15]), (BigDecimal) row[10], (BigDecimal) row[11], subscales,
                byParticipant(row[16]), flags == null || flags.isEmpty() ? List.of() : Arrays.asList(flags.split(",")));
    }

    private static RuptureLine ruptureLine(Object[] row) {
        return new RuptureLine((UUID) row[0], ((Number) row[1]).intValue(), Timestamps.offsetDateTime(row[2]),
                RuptureType.valueOf((String) row[3]), Reporter.valueOf((String) row[4]), RuptureStatus.valueOf((String) row[5]),
                row[6] == null ? null : ((Number) row[6]).intValue(), decimal(row[7], 2), decimal(row[8], 1));
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

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    static BigDecimal decimal(Object value, int scale) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(scale, RoundingMode.HALF_UP);
    }

    private static Quartiles quartiles(Object median, Object q1, Object q3) {
        return new Quartiles(decimal(median, 2), decimal(q1, 2), decimal(q3, 2));
    }

    /** A participant-to-total JSON object as a map in label order; empty when none was named. */
    private Map<String, BigDecimal> byParticipant(Object json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return new TreeMap<>(mapper.readValue(json.toString(), BY_PARTICIPANT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report statement returned malformed JSON", e);
        }
    }

    /** "CODE=3,OTHER=1" as a map, in code order. */
    private static Map<String, Long> counts(String encoded) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split(",")) {
                int eq = pair.lastIndexOf('=');
                counts.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return counts;
    }
}
