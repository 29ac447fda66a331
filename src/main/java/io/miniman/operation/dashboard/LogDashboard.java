package io.miniman.operation.dashboard;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import io.miniman.operation.dashboard.LogFigures.Bucket;
import io.miniman.operation.dashboard.LogFigures.CauseCount;
import io.miniman.operation.dashboard.LogFigures.NameDuration;
import io.miniman.operation.dashboard.LogFigures.SlowOperation;
import io.miniman.operation.dashboard.LogFigures.Totals;
import io.miniman.operation.dashboard.LogFigures.TypeRate;

/** Everything the Logs dashboard shows for a period ending now (the clock's now, so tests move it). */
@Service
public class LogDashboard {

    static final int TOP = 10;

    private final LogStatistics statistics;
    private final Clock clock;

    LogDashboard(LogStatistics statistics, Clock clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    public Figures figures(Period period) {
        Window window = period.endingAt(clock.instant());
        return new Figures(period, window, statistics.totals(window), statistics.buckets(window, period.bucket()),
                statistics.ratesByType(window), statistics.slowest(window, TOP), statistics.failuresByCause(window),
                statistics.durationsByName(window, TOP));
    }

    public record Figures(Period period, Window window, Totals totals, List<Bucket> buckets, List<TypeRate> rates,
            List<SlowOperation> slowest, List<CauseCount> causes, List<NameDuration> durations) {
    }
}
