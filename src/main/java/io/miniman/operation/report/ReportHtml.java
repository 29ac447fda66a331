package io.miniman.operation.report;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The report as one self-contained HTML page: no scripts, no external files (it is also an e-mail body),
 * and a print stylesheet that drops the colours and keeps each table on one page where it fits.
 */
final class ReportHtml {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1f2937;max-width:60rem}
            h1{font-size:1.4rem;margin:0}h2{font-size:1.1rem;margin-top:1.5rem;border-bottom:1px solid #d1d5db}
            .meta{color:#6b7280;margin:.25rem 0 1rem}
            .cards{display:flex;flex-wrap:wrap;gap:.75rem}.card{border:1px solid #d1d5db;border-radius:6px;padding:.5rem .75rem}
            .card b{display:block;font-size:1.3rem}
            table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e5e7eb;vertical-align:top}
            td.n{text-align:right;white-space:nowrap}.bad{color:#b91c1c}.error{font-family:monospace;font-size:.8rem;word-break:break-word}
            @media print{body{margin:0;max-width:none;color:#000}.bad{color:#000;font-weight:bold}
            h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}.card{border-color:#000}
            @page{margin:1.5cm;size:A4}}
            """;

    private ReportHtml() {
    }

    static String render(PeriodReport report, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH).withZone(zone);
        StringBuilder html = new StringBuilder(8192);
        String title = "Operations report: " + report.period().title();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(htmlEscape(title))
                .append("</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>").append(STYLE)
                .append("</style></head><body><h1>").append(htmlEscape(title)).append("</h1><p class=\"meta\">")
                .append(htmlEscape(report.host())).append(" · ").append(time.format(report.period().window().from())).append(" to ")
                .append(time.format(report.period().window().to())).append(" · generated ").append(time.format(report.generated()))
                .append("</p>");
        var t = report.totals();
        html.append("<div class=\"cards\">").append(card("Operations", String.valueOf(t.total())))
                .append(card("Completed", String.valueOf(t.completed()))).append(card("Failed", String.valueOf(t.failed())))
                .append(card("Failure rate", ReportCsv.percent(t.completed() + t.failed() == 0 ? 0
                        : 100.0 * t.failed() / (t.completed() + t.failed())) + " %"))
                .append("</div>");

        table(html, "Failure rate by type", List.of("Type", "Operations", "Failed", "Failure rate"), report.rates(),
                r -> List.of(r.type().label(), num(r.total()), num(r.failed()), num(ReportCsv.percent(r.failurePercent()) + " %")));
        table(html, "Top failing operations", List.of("Operation", "Target", "Failures", "Last failure", "Last error"),
                report.topFailing(), f -> List.of(esc(f.name()), esc(f.target()), num(f.failures()), time.format(f.last()),
                        "<span class=\"error\">" + esc(f.lastError()) + "</span>"));
        table(html, "Slowest operations", List.of("Operation", "Target", "Took", "Started"), report.slowest(),
                s -> List.of(esc(s.name()), esc(s.target()), num(duration(s.took())), time.format(s.start())));
        table(html, "Busiest hours", List.of("Hour", "Operations"), report.busiestHours(),
                h -> List.of(time.format(h.hour()), num(h.count())));
        return html.append("</body></html>").toString();
    }

    private static <T> void table(StringBuilder html, String heading, List<String> headers, List<T> rows,
            Function<T, List<String>> cells) {
        html.append("<h2>").append(htmlEscape(heading)).append("</h2>");
        if (rows.isEmpty()) {
            html.append("<p>None in this period.</p>");
            return;
        }
        html.append("<table><thead><tr>");
        headers.forEach(h -> html.append("<th>").append(htmlEscape(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (T row : rows) {
            html.append("<tr>");
            // cells come escaped (esc, num); a cell that is already a <td> keeps its own attributes
            cells.apply(row).forEach(cell -> html.append(cell.startsWith("<td") ? cell : "<td>" + cell + "</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static String card(String label, String value) {
        return "<div class=\"card\">" + htmlEscape(label) + "<b>" + htmlEscape(value) + "</b></div>";
    }

    private static String num(Object value) {
        return "<td class=\"n\">" + htmlEscape(String.valueOf(value)) + "</td>";
    }

    private static String esc(String text) {
        return text == null ? "" : htmlEscape(text);
    }

    static String duration(Duration d) {
        long seconds = d.toSeconds();
        return seconds < 60 ? String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0)
                : seconds < 3600 ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
                : d.toHours() + " h " + d.toMinutesPart() + " min";
    }

}
