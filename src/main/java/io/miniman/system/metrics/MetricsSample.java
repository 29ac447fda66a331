package io.miniman.system.metrics;

import java.time.Instant;
import java.util.Map;

/** Everything one 10-second sample measured, in each metric's own unit (not the stored scale). */
public record MetricsSample(Instant at, Map<SeriesKey, Double> values) {

    public MetricsSample {
        values = Map.copyOf(values);
    }
}
