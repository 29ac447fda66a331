package io.miniman.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import io.miniman.system.metrics.HistoryRange;
import io.miniman.system.metrics.Metric;
import io.miniman.system.metrics.MetricStore;
import io.miniman.system.metrics.MetricsHistory;
import io.miniman.system.metrics.MetricsSample;
import io.miniman.system.metrics.SeriesKey;

/**
 * The Resources page's history charts: 1 h, 24 h, 7 d or 90 d from the stored series, then continued by the
 * samples the one sampler pushes. A chart whose bucket spans several samples gets one averaged point per
 * completed bucket, so a 90-day chart does not scroll away its history with every 10-second sample.
 */
class ResourceHistoryCharts extends Div {

    /**
     * A chart: which metrics it draws, how a series is named and how a stored value is shown. An optional
     * chart is left out while nothing is stored for it (no thermal sensor, no radio); the others are drawn
     * empty and filled as the first samples come.
     */
    private record Spec(String id, String title, Supplier<ApexOptions> options, List<Metric> metrics,
            Function<SeriesKey, String> name, double divisor, boolean optional) {
    }

    private static final double KIB = 1024;
    private static final List<Spec> SPECS = List.of(
            new Spec("cpu-chart", "CPU", () -> ApexOptions.area().yRange(0, 100).unit(" %", 0), List.of(Metric.CPU),
                    key -> key.subject().isEmpty() ? "All cores" : "Core " + key.subject().replace("cpu", ""), 1, false),
            new Spec("memory-chart", "Memory", () -> ApexOptions.area().yRange(0, 100).unit(" %", 0).colors("#16a34a", "#ca8a04"),
                    List.of(Metric.MEMORY, Metric.SWAP), key -> key.metric() == Metric.MEMORY ? "Memory used" : "Swap used", 1, false),
            new Spec("load-chart", "Load (1 min)", () -> ApexOptions.line().unit("", 2), List.of(Metric.LOAD), key -> "Load", 1, false),
            new Spec("network-chart", "Network", () -> ApexOptions.line().unit(" KiB/s", 1),
                    List.of(Metric.NET_RECEIVED, Metric.NET_SENT),
                    key -> key.subject() + (key.metric() == Metric.NET_RECEIVED ? " in" : " out"), KIB, false),
            new Spec("disk-chart", "Disk used", () -> ApexOptions.line().yRange(0, 100).unit(" %", 1), List.of(Metric.DISK),
                    SeriesKey::subject, 1, false),
            new Spec("temperature-chart", "Temperature", () -> ApexOptions.line().unit(" °C", 1), List.of(Metric.TEMPERATURE),
                    SeriesKey::subject, 1, true),
            new Spec("clients-chart", "WiFi clients and containers", () -> ApexOptions.line().unit("", 0),
                    List.of(Metric.WIFI_CLIENTS, Metric.CONTAINERS),
                    key -> key.metric() == Metric.WIFI_CLIENTS ? "WiFi clients" : "Running containers", 1, true));

    private final MetricsHistory history;
    private final RadioButtonGroup<HistoryRange> range = new RadioButtonGroup<>();
    private final Div charts = new Div();
    private final List<Shown> shown = new ArrayList<>();

    /** A chart on screen, its series in order, and the bucket being filled by live samples. */
    private static final class Shown {
        final ApexChart chart;
        final Spec spec;
        final List<SeriesKey> keys;
        final LiveBucket live;

        Shown(ApexChart chart, Spec spec, List<SeriesKey> keys, LiveBucket live) {
            this.chart = chart;
            this.spec = spec;
            this.keys = keys;
            this.live = live;
        }
    }

    ResourceHistoryCharts(MetricsHistory history) {
        this.history = history;
        range.setLabel("History");
        range.setItems(HistoryRange.values());
        range.setItemLabelGenerator(HistoryRange::label);
        range.setValue(HistoryRange.HOUR);
        range.addValueChangeListener(event -> draw(event.getValue()));
        charts.addClassName("miniman-charts");
        add(range, charts);
        draw(HistoryRange.HOUR);
        LiveUpdates.whileAttached(this, ui -> history.subscribe(sample -> ui.access(() -> append(sample))));
    }

    HistoryRange range() {
        return range.getValue();
    }

    private void draw(HistoryRange selected) {
        charts.removeAll();
        shown.clear();
        for (Spec spec : SPECS) {
            List<SeriesKey> keys = new ArrayList<>();
            ApexOptions options = spec.options().get().title(spec.title()).datetimeX().maxPoints(selected.points() + 1);
            for (Metric metric : spec.metrics()) {
                for (Map.Entry<String, List<MetricStore.Point>> series : history.read(metric, selected).entrySet()) {
                    SeriesKey key = new SeriesKey(metric, series.getKey());
                    keys.add(key);
                    options.series(spec.name().apply(key), series.getValue().stream()
                            .map(p -> new ApexOptions.Point(p.at().toEpochMilli(), round(p.value() / spec.divisor())))
                            .toList());
                }
            }
            if (keys.isEmpty() && spec.optional()) {
                continue;
            }
            ApexChart chart = new ApexChart(options);
            chart.setId(spec.id());
            charts.add(chart);
            shown.add(new Shown(chart, spec, keys, new LiveBucket(selected.bucket().toSeconds(), keys.size())));
        }
    }

    private void append(MetricsSample sample) {
        // a series that was not stored when the charts were drawn (the first CPU rates after a start, an
        // interface that came up): the sample is stored already, so drawing again from the store shows it
        if (sample.values().keySet().stream().anyMatch(this::isNew)) {
            draw(range.getValue());
            return;
        }
        long second = sample.at().getEpochSecond();
        for (Shown s : shown) {
            Map<Integer, Double> values = new HashMap<>();
            for (int i = 0; i < s.keys.size(); i++) {
                Double value = sample.values().get(s.keys.get(i));
                if (value != null) {
                    values.put(i, value / s.spec.divisor());
                }
            }
            s.live.add(second, values, (series, bucketStart, value) ->
                    s.chart.appendPoint(series, bucketStart * 1000, round(value)));
        }
    }

    private boolean isNew(SeriesKey key) {
        return SPECS.stream().anyMatch(spec -> spec.metrics().contains(key.metric()))
                && shown.stream().noneMatch(s -> s.keys.contains(key));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The current bucket's sums per series; emits the averages when a sample falls into the next bucket. */
    static final class LiveBucket {

        interface Sink {
            void point(int series, long bucketStartSecond, double value);
        }

        private final long bucketSeconds;
        private final double[] sums;
        private final int[] counts;
        private long current = -1;

        LiveBucket(long bucketSeconds, int series) {
            this.bucketSeconds = bucketSeconds;
            this.sums = new double[series];
            this.counts = new int[series];
        }

        void add(long second, Map<Integer, Double> values, Sink sink) {
            long start = second / bucketSeconds * bucketSeconds;
            if (bucketSeconds * 1000 <= MetricsHistory.interval().toMillis()) {
                values.forEach((series, value) -> sink.point(series, start, value));
                return;
            }
            if (current >= 0 && start != current) {
                for (int i = 0; i < sums.length; i++) {
                    if (counts[i] > 0) {
                        sink.point(i, current, sums[i] / counts[i]);
                    }
                    sums[i] = 0;
                    counts[i] = 0;
                }
            }
            current = start;
            values.forEach((series, value) -> {
                sums[series] += value;
                counts[series]++;
            });
        }
    }
}
