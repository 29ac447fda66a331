package io.miniman.operation.report;

import java.time.Instant;
import java.util.List;

import io.miniman.operation.dashboard.LogFigures.FailingOperation;
import io.miniman.operation.dashboard.LogFigures.HourCount;
import io.miniman.operation.dashboard.LogFigures.SlowOperation;
import io.miniman.operation.dashboard.LogFigures.Totals;
import io.miniman.operation.dashboard.LogFigures.TypeRate;

/** A period's figures, the same for the HTML page, the CSV and the e-mail. */
public record PeriodReport(ReportPeriod period, Instant generated, String host, Totals totals, List<TypeRate> rates,
        List<FailingOperation> topFailing, List<SlowOperation> slowest, List<HourCount> busiestHours) {
}
