package app.attune.report;

import app.attune.report.AllianceChart.RuptureMark;
import app.attune.report.ReportViews.AllianceReport;
import app.attune.report.ReportViews.RuptureLine;
import app.attune.report.ReportViews.SessionLine;
import app.attune.report.ReportViews.Summary;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;

/**
 * An alliance's report as a PDF for the supervision file: the range and when it was made, the
 * summary with its at-risk reasons, the SRS chart, the sessions, each rupture with its markers,
 * tags and repairs, and the progress notes only when asked. Never a private note: they are not
 * in what it is given.
 */
final class ReportPdf {

    /** What the PDF shows; {@code notes} is null unless the progress notes were asked for. */
    record Content(AllianceChart.Data chart, Map<UUID, RuptureDetail> details, List<SessionNote> notes, LocalDate from,
            LocalDate to, OffsetDateTime madeAt, ZoneId zone) {
    }

    record RuptureDetail(List<String> markers, List<String> tags, int significance, List<RepairDetail> repairs) {
    }

    record RepairDetail(List<String> strategies, String outcome, OffsetDateTime performedAt, Integer sessionNumber) {
    }

    record SessionNote(int number, OffsetDateTime occurredAt, String note) {
    }

    private static final float TEXT = 9.5f;
    private static final float SMALL = 8;
    private static final float CHART_HEIGHT = 170;
    private static final float[] SESSION_COLUMNS = {30, 62, 112, 52, 44, 44, 44, 44, 63};

    private final ZoneId zone;

    private ReportPdf(ZoneId zone) {
        this.zone = zone;
    }

    static byte[] render(Content content) {
        return new ReportPdf(content.zone()).document(content);
    }

    /** A day in the organization's zone. */
    private String day(OffsetDateTime time) {
        return time.atZoneSameInstant(zone).toLocalDate().toString();
    }

    private byte[] document(Content content) {
        AllianceReport report = content.chart().report();
        try (TaggedPdf pdf = new TaggedPdf("Alliance report " + report.alliance().id(), "en")) {
            pdf.heading(StandardStructureTypes.H1, "Alliance report", 16);
            pdf.paragraph("Alliance " + report.alliance().id() + " (" + report.alliance().format() + ", "
                    + report.alliance().status() + "), started " + report.alliance().startedOn()
                    + (report.alliance().endedOn() == null ? "" : ", ended " + report.alliance().endedOn()) + ".", TEXT);
            pdf.paragraph("Sessions " + range(content.from(), content.to()) + ". Made "
                    + content.madeAt().atZoneSameInstant(content.zone()).truncatedTo(ChronoUnit.SECONDS)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    + " (" + content.zone() + ")"
                    + (content.notes() == null ? "; progress notes not included." : "; progress notes included.")
                    + " Private notes are never included.", TEXT);
            summary(pdf, report.summary());
            chart(pdf, content.chart());
            sessions(pdf, report.sessions());
            ruptures(pdf, report.ruptures(), content.details());
            if (content.notes() != null) {
                notes(pdf, content.notes());
            }
            return pdf.bytes();
        }
    }

    private void summary(TaggedPdf pdf, Summary s) {
        pdf.heading(StandardStructureTypes.H2, "Summary", 12);
        pdf.paragraph(s.atRisk().flag() ? "At risk: " + String.join(", ", s.atRisk().reasons()) + "." : "Not at risk.", TEXT);
        pdf.paragraph("Sessions attended: " + s.sessionsAttended() + "; with a rupture: " + s.sessionsWithRupture()
                + " (rupture rate " + number(s.ruptureRate()) + ").", TEXT);
        pdf.paragraph("Ruptures: " + s.ruptures().total() + " (withdrawal " + s.ruptures().withdrawal() + ", confrontation "
                + s.ruptures().confrontation() + ", mixed " + s.ruptures().mixed() + "); resolved " + s.resolved()
                + " (resolution rate " + number(s.resolutionRate()) + "); open " + s.openRuptures()
                + (s.oldestOpenRuptureDays() == null ? "" : ", the oldest " + s.oldestOpenRuptureDays() + " days")
                + "; unresolved at close " + s.unresolvedAtClose() + ".", TEXT);
        pdf.paragraph("Sessions to repair, median " + number(s.sessionsToRepair().median()) + "; days to repair, median "
                + number(s.daysToRepair().median()) + ". Repair gain, median " + number(s.repairGain().median())
                + " SRS points over " + s.repairGain().count() + " repaired ruptures.", TEXT);
        pdf.paragraph("SRS trend over the last five rated sessions: " + number(s.srsTrend()) + " points per session; "
                + "V-shaped episodes " + s.vShapedEpisodes() + ", unrecovered dips " + s.unrecoveredDips() + ".", TEXT);
        pdf.paragraph("Client reported a rupture the therapist did not log: " + s.discrepancy().clientOnly()
                + " sessions; the reverse: " + s.discrepancy().therapistOnly() + ". Sessions awaiting co-signature: "
                + s.cosignature().awaiting() + ".", TEXT);
        if (!s.strategyMix().isEmpty()) {
            pdf.paragraph("Repair strategies: " + counts(s.strategyMix()) + ".", TEXT);
        }
        if (!s.tagCounts().isEmpty()) {
            pdf.paragraph("Tags: " + counts(s.tagCounts()) + ".", TEXT);
        }
    }

    /** The SRS line over the sessions, the cutoff, and a mark under each session with a rupture. */
    private void chart(TaggedPdf pdf, AllianceChart.Data data) {
        pdf.heading(StandardStructureTypes.H2, "Session Rating Scale by session", 12);
        List<SessionLine> sessions = data.report().sessions();
        PDStructureElement figure = pdf.figure(CHART_HEIGHT, alternative(data));
        float top = pdf.take(CHART_HEIGHT);
        float left = TaggedPdf.MARGIN + 24;
        float right = TaggedPdf.MARGIN + TaggedPdf.WIDTH;
        float bottom = top - CHART_HEIGHT + 24;
        float step = sessions.size() > 1 ? (right - left) / (sessions.size() - 1) : 0;
        pdf.artifact((content, font) -> {
            content.setStrokingColor(Color.GRAY);
            content.setLineWidth(0.5f);
            content.moveTo(left, bottom);
            content.lineTo(right, bottom);
            content.moveTo(left, bottom);
            content.lineTo(left, top);
            content.stroke();
            for (int i = 0; i < sessions.size(); i += Math.max(1, sessions.size() / 20)) {
                content.beginText();
                content.setFont(font, 7);
                content.newLineAtOffset(left + i * step - 3, bottom - 18);
                content.showText(String.valueOf(sessions.get(i).number()));
                content.endText();
            }
            for (int score = 0; score <= 40; score += 10) {
                content.beginText();
                content.setFont(font, 7);
                content.newLineAtOffset(TaggedPdf.MARGIN, y(score, bottom, top) - 2);
                content.showText(String.valueOf(score));
                content.endText();
            }
        });
        pdf.draw(figure, (content, font) -> {
            content.setStrokingColor(new Color(0xB0, 0x3A, 0x2E));
            content.setLineDashPattern(new float[] {3, 3}, 0);
            float cutoff = y(data.srsCutoff().floatValue(), bottom, top);
            content.moveTo(left, cutoff);
            content.lineTo(right, cutoff);
            content.stroke();
            content.setLineDashPattern(new float[] {}, 0);
            content.setStrokingColor(new Color(0x1F, 0x4E, 0x79));
            content.setLineWidth(1.2f);
            boolean drawing = false;
            for (int i = 0; i < sessions.size(); i++) {
                BigDecimal srs = sessions.get(i).srsTotal();
                if (srs == null) {
                    continue;
                }
                float x = left + i * step;
                float y = y(srs.floatValue(), bottom, top);
                if (drawing) {
                    content.lineTo(x, y);
                } else {
                    content.moveTo(x, y);
                    drawing = true;
                }
            }
            if (drawing) {
                content.stroke();
            }
            content.setNonStrokingColor(new Color(0x1F, 0x4E, 0x79));
            for (int i = 0; i < sessions.size(); i++) {
                BigDecimal srs = sessions.get(i).srsTotal();
                if (srs != null) {
                    content.addRect(left + i * step - 1.5f, y(srs.floatValue(), bottom, top) - 1.5f, 3, 3);
                }
            }
            content.fill();
            content.setNonStrokingColor(new Color(0xB0, 0x3A, 0x2E));
            for (RuptureMark mark : data.ruptures()) {
                float x = left + (mark.position() - 1) * step;
                content.moveTo(x - 3, bottom - 9);
                content.lineTo(x + 3, bottom - 9);
                content.lineTo(x, bottom - 3);
                content.closePath();
                content.fill();
            }
        });
    }

    private static String alternative(AllianceChart.Data data) {
        List<SessionLine> sessions = data.report().sessions();
        if (sessions.isEmpty()) {
            return "No sessions in range.";
        }
        String scores = sessions.stream().map(s -> "session " + s.number() + ": "
                + (s.srsTotal() == null ? "not rated" : s.srsTotal().toPlainString())).collect(Collectors.joining("; "));
        String ruptures = data.ruptures().isEmpty() ? "no ruptures"
                : "ruptures at sessions " + data.ruptures().stream().map(r -> r.sessionNumber() + " (" + r.type() + ", "
                        + r.status() + ")").collect(Collectors.joining(", "));
        return "SRS total (0 to 40) by session, cutoff " + data.srsCutoff().toPlainString() + ". " + scores + ". "
                + ruptures + ".";
    }

    private void sessions(TaggedPdf pdf, List<SessionLine> sessions) {
        pdf.heading(StandardStructureTypes.H2, "Sessions", 12);
        PDStructureElement table = pdf.group(StandardStructureTypes.TABLE, null);
        pdf.row(table, SESSION_COLUMNS, List.of("No.", "Date", "Attendance", "Ruptures", "Repairs", "SRS", "ORS", "WAI-SR",
                "Flags"), true, SMALL);
        for (SessionLine s : sessions) {
            pdf.row(table, SESSION_COLUMNS, List.of(String.valueOf(s.number()), day(s.occurredAt()),
                    s.attendance().name(), String.valueOf(s.ruptures().total()), String.valueOf(s.repairs()),
                    number(s.srsTotal()), number(s.orsTotal()), number(s.waiTotal()), String.join(" ", s.flags())), false, SMALL);
        }
        if (sessions.isEmpty()) {
            pdf.paragraph("No sessions in range.", TEXT);
        }
    }

    private void ruptures(TaggedPdf pdf, List<RuptureLine> ruptures, Map<UUID, RuptureDetail> details) {
        pdf.heading(StandardStructureTypes.H2, "Ruptures", 12);
        if (ruptures.isEmpty()) {
            pdf.paragraph("No ruptures in range.", TEXT);
        }
        for (RuptureLine r : ruptures) {
            RuptureDetail d = details.get(r.id());
            pdf.heading(StandardStructureTypes.H3, "Session " + r.sessionNumber() + ", " + day(r.surfacedAt()) + ": " + r.type() + ", " + r.status(), 10);
            List<String> facts = new ArrayList<>();
            facts.add("Reported by " + r.reportedBy() + "; significance " + d.significance() + ".");
            facts.add("Markers: " + (d.markers().isEmpty() ? "none" : String.join(", ", d.markers())) + ".");
            facts.add("Tags: " + (d.tags().isEmpty() ? "none" : String.join(", ", d.tags())) + ".");
            if (r.sessionsToRepair() != null) {
                facts.add("Resolved after " + r.sessionsToRepair() + (r.sessionsToRepair() == 1 ? " session, " : " sessions, ")
                        + number(r.daysToRepair()) + " days"
                        + (r.repairGain() == null ? "." : "; SRS gain " + r.repairGain().toPlainString() + "."));
            }
            pdf.paragraph(String.join(" ", facts), TEXT);
            for (RepairDetail repair : d.repairs()) {
                pdf.paragraph(StandardStructureTypes.P, "Repair " + (repair.sessionNumber() == null ? "between sessions, "
                        : "in session " + repair.sessionNumber() + ", ") + day(repair.performedAt())
                        + ": " + String.join(", ", repair.strategies()) + "; " + repair.outcome() + ".", TEXT, null);
            }
        }
    }

    private void notes(TaggedPdf pdf, List<SessionNote> notes) {
        pdf.heading(StandardStructureTypes.H2, "Progress notes", 12);
        if (notes.isEmpty()) {
            pdf.paragraph("No progress notes in range.", TEXT);
        }
        for (SessionNote note : notes) {
            pdf.heading(StandardStructureTypes.H3, "Session " + note.number() + ", "
                    + day(note.occurredAt()), 10);
            for (String paragraph : note.note().split("\\R+")) {
                pdf.paragraph(paragraph, TEXT);
            }
        }
    }

    private static float y(float score, float bottom, float top) {
        return bottom + (top - bottom) * score / 40;
    }

    private static String range(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "of the whole alliance";
        }
        return (from == null ? "from the first" : "from " + from) + (to == null ? " to today" : " to " + to);
    }

    private static String number(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
