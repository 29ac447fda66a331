package io.miniman.operation.report;

import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.miniman.operation.export.Csv;

/** The report as CSV: a "section" column names the table each record belongs to, so one file parses as one table. */
final class ReportCsv {

    private ReportCsv() {
    }

    static void write(PeriodReport report, ZoneId zone, Writer out) {
        DateTimeFormatter time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        Csv csv = new Csv(out);
        csv.record(List.of("section", "name", "target", "count", "failed", "percent", "value", "time"));
        var t = report.totals();
        csv.record(List.of("period", report.period().title(), "", t.total(), t.failed(), "",
                time.format(report.period().window().from()) + "/" + time.format(report.period().window().to()), ""));
        for (var rate : report.rates()) {
            csv.record(List.of("failure rate by type", rate.type().label(), "", rate.total(), rate.failed(),
                    percent(rate.failurePercent()), "", ""));
        }
        for (var failing : report.topFailing()) {
            csv.record(List.of("top failing", failing.name(), nullToEmpty(failing.target()), failing.failures(), failing.failures(),
                    "", nullToEmpty(failing.lastError()), time.format(failing.last())));
        }
        for (var slow : report.slowest()) {
            csv.record(List.of("slowest", slow.name(), nullToEmpty(slow.target()), 1, "", "", slow.took().toMillis() + " ms",
                    time.format(slow.start())));
        }
        for (var hour : report.busiestHours()) {
            csv.record(List.of("busiest hour", "", "", hour.count(), "", "", "", time.format(hour.hour())));
        }
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
