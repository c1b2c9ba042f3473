package app.attune.report;

import app.attune.report.ReportViews.AllianceReport;
import app.attune.report.ReportViews.CaseloadEntry;
import app.attune.report.ReportViews.SessionLine;
import app.attune.report.ReportViews.Summary;
import app.attune.report.SupervisionViews.SuperviseeFigures;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Reports as RFC 4180 CSV: one row per session, one per alliance of a caseload, or one per supervisee. */
public final class ReportCsv {

    static final String[] SESSION_COLUMNS = {"number", "occurredAt", "attendance", "rupturesTotal", "withdrawal",
        "confrontation", "mixed", "maxSignificance", "repairs", "srsTotal", "orsTotal", "waiTotal", "waiTask", "waiBond",
        "waiGoal", "flags", "srsByParticipant"};
    static final String[] CASELOAD_COLUMNS = {"allianceId", "clientId", "therapistId", "status", "startedOn", "atRisk",
        "atRiskReasons", "sessionsAttended", "ruptures", "ruptureRate", "resolutionRate", "openRuptures",
        "oldestOpenRuptureDays", "unresolvedAtClose", "srsTrend", "vShapedEpisodes"};

    static final String[] SUPERVISEE_COLUMNS = {"superviseeId", "displayName", "licensed", "alliances", "alliancesAtRisk",
        "sessions", "sessionsAttended", "ruptureRate", "ruptures", "resolved", "resolutionRate", "medianSessionsToRepair",
        "medianDaysToRepair", "openRuptures", "oldestOpenRuptureDays", "meanSrs", "shareBelowSrsCutoff", "awaitingCosign",
        "oldestAwaitingCosignDays"};

    private ReportCsv() {
    }

    public static String sessions(AllianceReport report) {
        return write(SESSION_COLUMNS, printer -> {
            for (SessionLine s : report.sessions()) {
                printer.printRecord(s.number(), s.occurredAt(), s.attendance(), s.ruptures().total(), s.ruptures().withdrawal(),
                        s.ruptures().confrontation(), s.ruptures().mixed(), s.maxSignificance(), s.repairs(), s.srsTotal(),
                        s.orsTotal(), s.waiTotal(), subscale(s, "TASK"), subscale(s, "BOND"), subscale(s, "GOAL"),
                        String.join(";", s.flags()), byParticipant(s.srsByParticipant()));
            }
        });
    }

    /** "partner-a=30.0;partner-b=36.0", in label order. */
    private static String byParticipant(Map<String, BigDecimal> totals) {
        return totals.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toPlainString())
                .collect(Collectors.joining(";"));
    }

    public static String caseload(List<CaseloadEntry> entries) {
        return write(CASELOAD_COLUMNS, printer -> {
            for (CaseloadEntry e : entries) {
                Summary s = e.summary();
                printer.printRecord(e.alliance().id(), e.alliance().clientId(), e.alliance().therapistId(), e.alliance().status(),
                        e.alliance().startedOn(), s.atRisk().flag(), String.join(";", s.atRisk().reasons()),
                        s.sessionsAttended(), s.ruptures().total(), s.ruptureRate(), s.resolutionRate(), s.openRuptures(),
                        s.oldestOpenRuptureDays(), s.unresolvedAtClose(), s.srsTrend(), s.vShapedEpisodes());
            }
        });
    }

    public static String supervisees(List<SuperviseeFigures> entries) {
        return write(SUPERVISEE_COLUMNS, printer -> {
            for (SuperviseeFigures f : entries) {
                printer.printRecord(f.superviseeId(), text(f.displayName()), f.licensed(), f.alliances(), f.alliancesAtRisk(),
                        f.sessions(), f.sessionsAttended(), f.ruptureRate(), f.ruptures(), f.resolved(), f.resolutionRate(),
                        f.medianSessionsToRepair(), f.medianDaysToRepair(), f.openRuptures(), f.oldestOpenRuptureDays(),
                        f.meanSrs(), f.shareBelowSrsCutoff(), f.cosignature().awaiting(), f.cosignature().oldestDays());
            }
        });
    }

    /** Free text as a cell a spreadsheet shows and never runs: a leading =, +, -, @ or control gets a quote. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return "=+-@\t\r".indexOf(first) >= 0 ? "'" + value : value;
    }

    private static Object subscale(SessionLine s, String name) {
        return s.waiSubscales() == null ? null : s.waiSubscales().get(name);
    }

    private interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String write(String[] header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(header).get().print(out)) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
