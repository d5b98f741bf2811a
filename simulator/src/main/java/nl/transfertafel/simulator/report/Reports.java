package nl.transfertafel.simulator.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.transfertafel.simulator.run.RunMetrics;

/**
 * Writes the comparison: a table for the terminal, {@code results.csv} (one row per policy),
 * {@code timeseries.csv} (per week and month), and {@code report.html} with inline SVG charts (no
 * scripts, no CDN: the file opens offline).
 */
public final class Reports {

    private static final String[] COLOURS = {"#7f7f7f", "#d62728", "#ff7f0e", "#1f77b4"};

    private Reports() {
    }

    /** Heading facts of a run: region, seed, scenario, dates. */
    public record RunInfo(String region, long seed, String scenario, LocalDate start, int warmupDays, int measuredDays,
            String elapsed) {
    }

    public static String terminalTable(Map<String, RunMetrics> results, int measuredDays) {
        List<String> policies = new ArrayList<>(results.keySet());
        Map<String, List<Figures.Figure>> figures = new LinkedHashMap<>();
        results.forEach((k, v) -> figures.put(k, Figures.of(v, measuredDays)));
        List<Figures.Figure> rows = figures.values().iterator().next();
        int labelWidth = rows.stream().mapToInt(r -> r.label().length()).max().orElse(10);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + labelWidth + "s", "figure"));
        for (String p : policies) {
            out.append(String.format(Locale.ROOT, " %12s", p));
        }
        out.append('\n').append("-".repeat(labelWidth + 13 * policies.size())).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            out.append(String.format(Locale.ROOT, "%-" + labelWidth + "s", rows.get(i).label()));
            for (String p : policies) {
                out.append(String.format(Locale.ROOT, " %12s", figures.get(p).get(i).value()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The closing lines: one {@code key=value} line per policy. */
    public static List<String> keyValueLines(Map<String, RunMetrics> results, int measuredDays) {
        List<String> lines = new ArrayList<>();
        results.forEach((policy, m) -> {
            StringBuilder line = new StringBuilder("policy=").append(policy);
            Figures.asMap(m, measuredDays).forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            lines.add(line.toString());
        });
        return lines;
    }

    public static void writeCsv(Path dir, RunInfo info, Map<String, RunMetrics> results) throws IOException {
        StringBuilder csv = new StringBuilder();
        List<String> keys = new ArrayList<>(Figures.asMap(results.values().iterator().next(), info.measuredDays()).keySet());
        csv.append("region,seed,scenario,policy,").append(String.join(",", keys)).append('\n');
        results.forEach((policy, m) -> {
            csv.append(info.region()).append(',').append(info.seed()).append(",\"").append(info.scenario()).append("\",")
                    .append(policy);
            Figures.asMap(m, info.measuredDays()).values().forEach(v -> csv.append(',').append(v));
            csv.append('\n');
        });
        Files.writeString(dir.resolve("results.csv"), csv, StandardCharsets.UTF_8);

        StringBuilder series = new StringBuilder("series,index,date,policy,value\n");
        results.forEach((policy, m) -> {
            for (int w = 0; w < m.waitingByWeek.length; w++) {
                String date = info.start().plusDays(w * 7L + 6).toString();
                series.append("waiting,").append(w).append(',').append(date).append(',').append(policy).append(',')
                        .append(m.waitingByWeek[w]).append('\n');
                series.append("beyond_norm,").append(w).append(',').append(date).append(',').append(policy).append(',')
                        .append(m.beyondNormByWeek[w]).append('\n');
            }
            for (int month = 0; month < m.transfersByMonth.length; month++) {
                series.append("transfers,").append(month).append(',')
                        .append(info.start().plusMonths(month).toString(), 0, 7).append(',').append(policy).append(',')
                        .append(m.transfersByMonth[month]).append('\n');
            }
            for (int week = 0; week < m.intakeWaitHistogram.length; week++) {
                series.append("intake_wait_weeks,").append(week).append(",,").append(policy).append(',')
                        .append(m.intakeWaitHistogram[week]).append('\n');
            }
        });
        Files.writeString(dir.resolve("timeseries.csv"), series, StandardCharsets.UTF_8);
    }

    public static void writeHtml(Path dir, RunInfo info, Map<String, RunMetrics> results, String parametersTable)
            throws IOException {
        int weeks = info.warmupDays() / 7;
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Transfertafel simulation: ")
                .append(esc(info.region())).append("</title><style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:1000px}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}svg{margin:1em 0}small{color:#555}</style></head><body>");
        html.append("<h1>Waiting times under four ways of running a transfer table</h1>");
        html.append("<p>Region <b>").append(esc(info.region())).append("</b>, seed <b>").append(info.seed())
                .append("</b>, scenario <b>").append(esc(info.scenario())).append("</b>. Measured: the clients registered from ")
                .append(info.start().plusDays(info.warmupDays())).append(" for ").append(info.measuredDays())
                .append(" days. All policies ran on the same registrations, capacity and client decisions (common random numbers). ")
                .append("Run time ").append(esc(info.elapsed())).append(".</p>");
        html.append("<h2>Figures</h2><table><tr><th>figure</th>");
        results.keySet().forEach(p -> html.append("<th>").append(esc(p)).append("</th>"));
        html.append("</tr>");
        Map<String, List<Figures.Figure>> figures = new LinkedHashMap<>();
        results.forEach((k, v) -> figures.put(k, Figures.of(v, info.measuredDays())));
        List<Figures.Figure> rows = figures.values().iterator().next();
        for (int i = 0; i < rows.size(); i++) {
            html.append("<tr><td>").append(esc(rows.get(i).label())).append(" <small>").append(rows.get(i).key())
                    .append("</small></td>");
            for (String p : figures.keySet()) {
                html.append("<td>").append(figures.get(p).get(i).value()).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");

        Map<String, double[]> waitShares = new LinkedHashMap<>();
        results.forEach((p, m) -> {
            long total = 0;
            for (long v : m.intakeWaitHistogram) {
                total += v;
            }
            double[] share = new double[m.intakeWaitHistogram.length];
            for (int i = 0; i < share.length; i++) {
                share[i] = total == 0 ? 0 : 100.0 * m.intakeWaitHistogram[i] / total;
            }
            waitShares.put(p, share);
        });
        html.append("<h2>Wait to intake</h2><p><small>Share of the measured clients who started intake, by weeks waited "
                + "(last point: 52 weeks or more). The dashed line is the Treeknorm of 4 weeks.</small></p>");
        html.append(lineChart(waitShares, "weeks waited", "% of intakes", 0, 4));

        Map<String, double[]> beyond = new LinkedHashMap<>();
        results.forEach((p, m) -> beyond.put(p, toDouble(m.beyondNormByWeek, m.beyondNormByWeek.length - 1)));
        html.append("<h2>Clients waiting beyond the norm, over time</h2><p><small>Waiting more than 4 weeks without intake, "
                + "counted weekly from ").append(info.start()).append("; the dashed line marks the start of the measured year.</small></p>");
        html.append(lineChart(beyond, "weeks since start", "clients beyond norm", 0, weeks));

        Map<String, double[]> transfers = new LinkedHashMap<>();
        int months = (info.warmupDays() + info.measuredDays()) / 30 + 6;
        results.forEach((p, m) -> transfers.put(p, toDouble(m.transfersByMonth, Math.min(months, m.transfersByMonth.length))));
        html.append("<h2>Transfers per month</h2><p><small>Accepted transfers per calendar month from ")
                .append(info.start().toString(), 0, 7).append(".</small></p>");
        html.append(lineChart(transfers, "months since start", "transfers", 0, info.warmupDays() / 30));

        html.append("<h2>Parameters</h2><p><small>Every figure used, its value and its source; "
                + "\"assumption\" marks figures not taken from a source. See docs/simulation.md.</small></p>")
                .append(parametersTable);
        html.append("</body></html>\n");
        Files.writeString(dir.resolve("report.html"), html, StandardCharsets.UTF_8);
    }

    private static double[] toDouble(long[] values, int length) {
        double[] out = new double[Math.max(0, length)];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    /** A line chart in SVG, one line per policy, with a dashed vertical marker at {@code markX}. */
    static String lineChart(Map<String, double[]> series, String xLabel, String yLabel, double minY, int markX) {
        int width = 900;
        int height = 300;
        int left = 60;
        int bottom = 40;
        int top = 20;
        int right = 120;
        int n = series.values().stream().mapToInt(a -> a.length).max().orElse(1);
        double maxY = series.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1);
        maxY = maxY <= 0 ? 1 : niceCeiling(maxY);
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" aria-label=\"").append(esc(yLabel)).append(" by ").append(esc(xLabel)).append("\">");
        // axes and grid
        for (int g = 0; g <= 4; g++) {
            double y = top + plotH - plotH * g / 4;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>",
                    left, y, left + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    left - 5, y + 4, trim(minY + (maxY - minY) * g / 4)));
        }
        int step = Math.max(1, n / 10);
        for (int x = 0; x < n; x += step) {
            double px = left + plotW * x / Math.max(1, n - 1);
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>",
                    px, height - bottom + 15, x));
        }
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%.1f\" stroke=\"#000\"/><line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#000\"/>",
                left, top, left, top + plotH, left, top + plotH, left + plotW, top + plotH));
        if (markX > 0 && markX < n) {
            double px = left + plotW * markX / Math.max(1, n - 1);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#444\" stroke-dasharray=\"4 4\"/>",
                    px, top, px, top + plotH));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s</text>",
                left + plotW / 2, height - 5, esc(xLabel)));
        svg.append(String.format(Locale.ROOT,
                "<text x=\"14\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %.1f)\">%s</text>",
                top + plotH / 2, top + plotH / 2, esc(yLabel)));
        int k = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder points = new StringBuilder();
            double[] v = e.getValue();
            for (int x = 0; x < v.length; x++) {
                double px = left + plotW * x / Math.max(1, n - 1);
                double py = top + plotH - plotH * (v[x] - minY) / (maxY - minY);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                    .append(points.toString().trim()).append("\"/>");
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/><text x=\"%.1f\" y=\"%d\" font-size=\"12\">%s</text>",
                    left + plotW + 10, top + 10 + 18 * k, colour, left + plotW + 26, top + 14 + 18 * k, esc(e.getKey())));
            k++;
        }
        return svg.append("</svg>").toString();
    }

    private static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * magnitude >= v) {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
