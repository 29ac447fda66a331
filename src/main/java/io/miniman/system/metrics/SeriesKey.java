package io.miniman.system.metrics;

/** One stored series: a metric and what it is about (a core, a mount point, an interface; "" for the host). */
public record SeriesKey(Metric metric, String subject) {

    public static SeriesKey of(Metric metric) {
        return new SeriesKey(metric, "");
    }
}
