package io.miniman.operation.report;

import java.io.StringWriter;
import java.time.Clock;
import java.time.ZoneId;

import org.springframework.stereotype.Service;

import io.miniman.operation.dashboard.LogStatistics;
import io.miniman.operation.dashboard.Window;

/**
 * Period reports of the operation log: figures by SQL aggregation, rendered as a printable HTML page or
 * as CSV. {@link #html} and {@link #csv} are what a scheduled report sends (the mail channel attaches
 * or inlines them).
 */
@Service
public class OperationReports {

    static final int TOP = 10;

    private final LogStatistics statistics;
    private final Clock clock;
    private final String host;

    OperationReports(LogStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
        this.host = hostName();
    }

    public PeriodReport report(ReportPeriod period) {
        Window window = period.window();
        return new PeriodReport(period, clock.instant(), host, statistics.totals(window), statistics.ratesByType(window),
                statistics.topFailing(window, TOP), statistics.slowest(window, TOP), statistics.busiestHours(window, 5));
    }

    /** A whole HTML page (with a print stylesheet) for the period. */
    public String html(ReportPeriod period) {
        return ReportHtml.render(report(period), ZoneId.systemDefault());
    }

    /** The period's figures as RFC 4180 CSV, one section per table. */
    public String csv(ReportPeriod period) {
        StringWriter out = new StringWriter();
        ReportCsv.write(report(period), ZoneId.systemDefault(), out);
        return out.toString();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "miniman";
        }
    }
}
