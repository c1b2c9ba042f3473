package app.attune.report;

import app.attune.report.ReportViews.AllianceReport;
import app.attune.report.ReportViews.SessionLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Draws an alliance's course as a standalone SVG: SRS totals over sessions with the cutoff line,
 * each rupture marked at its session in its type's colour, and each repair joined to the rupture
 * it repaired. Only numbers, dates and codes appear in it, never clinical text.
 */
public final class AllianceChart {

    static final String WITHDRAWAL = "#1f77b4";
    static final String CONFRONTATION = "#d62728";
    static final String MIXED = "#9467bd";
    private static final String RESOLVED = "#2ca02c";
    private static final String PARTIAL = "#ff7f0e";
    private static final String UNRESOLVED = "#7f7f7f";

    private static final int WIDTH = 820;
    private static final int HEIGHT = 420;
    private static final int LEFT = 60;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int PLOT_BOTTOM = 280;
    private static final int BAND = 320;
    private static final double SRS_MAX = 40;

    /** Everything the chart draws. */
    public record Data(AllianceReport report, BigDecimal srsCutoff, List<RuptureMark> ruptures) {
    }

    /**
     * A rupture at its session's place in time (1 for the first session charted), with the session's
     * number, and where its repairs fall (x.5 between sessions).
     */
    public record RuptureMark(int position, int sessionNumber, String type, String status, List<RepairMark> repairs) {
    }

    public record RepairMark(double position, String outcome) {
    }

    private AllianceChart() {
    }

    public static String svg(Data data) {
        List<SessionLine> sessions = data.report().sessions();
        // Sessions in the order they happened (the report's order), whatever their numbers.
        Scale x = new Scale(1, Math.max(sessions.size(), 2), LEFT + 20, WIDTH - RIGHT - 20);
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title id=\"chart-title\">Alliance course: Session Rating Scale by session</title>\n");
        svg.append("<desc id=\"chart-desc\">").append(sessions.size()).append(" sessions, ")
                .append(data.ruptures().size()).append(" ruptures, ")
                .append(data.report().summary().resolved()).append(" resolved. SRS cutoff ")
                .append(plain(data.srsCutoff())).append(".</desc>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"28\" font-size=\"16\" font-weight=\"bold\">")
                .append("Alliance course (SRS 0-40)</text>\n");
        axes(svg, x, sessions);
        cutoff(svg, data.srsCutoff());
        if (sessions.isEmpty()) {
            svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append((TOP + PLOT_BOTTOM) / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#555555\">No sessions recorded</text>\n");
        }
        srsLine(svg, x, sessions, data.srsCutoff());
        ruptures(svg, x, data.ruptures());
        legend(svg);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axes(StringBuilder svg, Scale x, List<SessionLine> sessions) {
        for (int score = 0; score <= SRS_MAX; score += 10) {
            double y = y(score);
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(num(y))
                    .append("\" y2=\"").append(num(y)).append("\" stroke=\"#e0e0e0\"/>\n");
            svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(score).append("</text>\n");
        }
        // Each tick names its session's number; left to right is the order the sessions happened.
        int step = Math.max(1, sessions.size() / 20);
        for (int i = 0; i < sessions.size(); i += step) {
            svg.append("<text x=\"").append(num(x.at(i + 1))).append("\" y=\"").append(PLOT_BOTTOM + 18)
                    .append("\" text-anchor=\"middle\">").append(sessions.get(i).number()).append("</text>\n");
        }
        svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(PLOT_BOTTOM + 34)
                .append("\" text-anchor=\"middle\" fill=\"#555555\">session, in date order</text>\n");
        svg.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(BAND + 4)
                .append("\" text-anchor=\"end\" fill=\"#555555\">ruptures</text>\n");
    }

    private static void cutoff(StringBuilder svg, BigDecimal cutoff) {
        double y = y(cutoff.doubleValue());
        svg.append("<line class=\"cutoff\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                .append(num(y)).append("\" y2=\"").append(num(y))
                .append("\" stroke=\"#d62728\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>\n");
        svg.append("<text x=\"").append(WIDTH - RIGHT).append("\" y=\"").append(num(y - 6))
                .append("\" text-anchor=\"end\" fill=\"#d62728\">cutoff ").append(plain(cutoff)).append("</text>\n");
    }

    private static void srsLine(StringBuilder svg, Scale x, List<SessionLine> sessions, BigDecimal cutoff) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < sessions.size(); i++) {
            SessionLine s = sessions.get(i);
            if (s.srsTotal() != null) {
                points.append(num(x.at(i + 1))).append(',').append(num(y(s.srsTotal().doubleValue()))).append(' ');
            }
        }
        if (points.length() > 0) {
            svg.append("<polyline class=\"srs\" fill=\"none\" stroke=\"#333333\" stroke-width=\"2\" points=\"")
                    .append(points.toString().trim()).append("\"/>\n");
        }
        for (int i = 0; i < sessions.size(); i++) {
            SessionLine s = sessions.get(i);
            if (s.srsTotal() != null) {
                boolean low = s.srsTotal().compareTo(cutoff) < 0;
                svg.append("<circle class=\"srs-point\" cx=\"").append(num(x.at(i + 1))).append("\" cy=\"")
                        .append(num(y(s.srsTotal().doubleValue()))).append("\" r=\"4\" fill=\"")
                        .append(low ? "#d62728" : "#333333").append("\"><title>Session ").append(s.number())
                        .append(": SRS ").append(plain(s.srsTotal())).append("</title></circle>\n");
            }
        }
    }

    private static void ruptures(StringBuilder svg, Scale x, List<RuptureMark> ruptures) {
        int stack = 0;
        int previousSession = Integer.MIN_VALUE;
        for (RuptureMark r : ruptures) {
            stack = r.position() == previousSession ? stack + 1 : 0;
            previousSession = r.position();
            double cx = x.at(r.position());
            double cy = BAND - stack * 12;
            for (RepairMark repair : r.repairs()) {
                double rx = x.at(repair.position());
                String colour = switch (repair.outcome()) {
                    case "RESOLVED" -> RESOLVED;
                    case "PARTIALLY_RESOLVED" -> PARTIAL;
                    default -> UNRESOLVED;
                };
                double lift = Math.max(14, Math.abs(rx - cx) / 3);
                svg.append("<path class=\"repair\" d=\"M").append(num(cx)).append(' ').append(num(cy)).append(" Q")
                        .append(num((cx + rx) / 2)).append(' ').append(num(cy + lift)).append(' ').append(num(rx)).append(' ')
                        .append(num(cy)).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"><title>")
                        .append("Repair ").append(repair.outcome()).append("</title></path>\n");
                svg.append("<rect x=\"").append(num(rx - 3)).append("\" y=\"").append(num(cy - 3))
                        .append("\" width=\"6\" height=\"6\" fill=\"").append(colour).append("\"/>\n");
            }
            String colour = colour(r.type());
            boolean open = !"RESOLVED".equals(r.status());
            svg.append("<circle class=\"rupture ").append(r.type().toLowerCase(Locale.ROOT)).append("\" cx=\"").append(num(cx))
                    .append("\" cy=\"").append(num(cy)).append("\" r=\"5\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\" fill=\"").append(open ? "#ffffff" : colour).append("\"><title>Session ")
                    .append(r.sessionNumber()).append(": ").append(r.type()).append(" rupture, ").append(r.status())
                    .append("</title></circle>\n");
        }
    }

    private static void legend(StringBuilder svg) {
        int y = HEIGHT - 22;
        String[][] items = {{WITHDRAWAL, "withdrawal"}, {CONFRONTATION, "confrontation"}, {MIXED, "mixed"},
                {RESOLVED, "repair: resolved"}, {PARTIAL, "repair: partial"}, {UNRESOLVED, "repair: unresolved"}};
        int x = LEFT;
        for (String[] item : items) {
            svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y - 4).append("\" r=\"5\" fill=\"").append(item[0])
                    .append("\"/><text x=\"").append(x + 9).append("\" y=\"").append(y).append("\">").append(item[1])
                    .append("</text>\n");
            x += 22 + item[1].length() * 7;
        }
        svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(HEIGHT - 4)
                .append("\" fill=\"#555555\" font-size=\"10\">hollow: rupture not (yet) resolved</text>\n");
    }

    static String colour(String type) {
        return switch (type) {
            case "WITHDRAWAL" -> WITHDRAWAL;
            case "CONFRONTATION" -> CONFRONTATION;
            default -> MIXED;
        };
    }

    private static double y(double score) {
        return PLOT_BOTTOM - (score / SRS_MAX) * (PLOT_BOTTOM - TOP);
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** A session's place in time (1, 2, 3…) to x coordinate. */
    private record Scale(double first, double last, double left, double right) {

        double at(double session) {
            return left + (session - first) / (last - first) * (right - left);
        }
    }
}
