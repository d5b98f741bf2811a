package nl.transfertafel.harness.figures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The run's HTML report: the figures, the latency percentiles, the faults and the invariant findings. */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static Path write(Path directory, Map<String, String> figures, Map<String, Histogram> latencies,
            List<String> faults, List<String> findings, List<String> notes) throws IOException {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Transfertafel cluster run</title>
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;
                padding:.3em .6em;text-align:right}th{background:#eee}td:first-child{text-align:left}</style></head><body>
                <h1>Transfertafel: load and fault run</h1><h2>Figures</h2><table><tr><th>figure</th><th>value</th></tr>
                """);
        figures.forEach((k, v) -> html.append("<tr><td>").append(escape(k)).append("</td><td>").append(escape(v)).append("</td></tr>\n"));
        html.append("</table><h2>Latency percentiles (ms)</h2><table><tr><th>series</th><th>count</th><th>p50</th>"
                + "<th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr>\n");
        latencies.forEach((name, h) -> html.append("<tr><td>").append(escape(name)).append("</td><td>")
                .append(h.getTotalCount()).append("</td><td>").append(h.getValueAtPercentile(50)).append("</td><td>")
                .append(h.getValueAtPercentile(90)).append("</td><td>").append(h.getValueAtPercentile(99)).append("</td><td>")
                .append(h.getValueAtPercentile(99.9)).append("</td><td>").append(h.getMaxValue()).append("</td></tr>\n"));
        html.append("</table>");
        list(html, "Faults", faults);
        list(html, "Invariant findings (examples)", findings.isEmpty() ? List.of("none: every invariant holds") : findings);
        list(html, "Notes", notes);
        html.append("</body></html>\n");
        Files.createDirectories(directory);
        Path file = directory.resolve("index.html");
        Files.writeString(file, html);
        return file;
    }

    private static void list(StringBuilder html, String title, List<String> items) {
        html.append("<h2>").append(escape(title)).append("</h2><ul>");
        items.forEach(i -> html.append("<li>").append(escape(i)).append("</li>"));
        html.append("</ul>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
