package io.miniman.system.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import io.miniman.Listeners;
import io.miniman.Subscription;
import io.miniman.config.MinimanProperties;
import io.miniman.docker.DockerEngine;
import io.miniman.docker.container.ContainerFilter;
import io.miniman.docker.container.ContainerService;
import io.miniman.network.status.ClientService;
import io.miniman.system.ProcReader;

/**
 * The resource history: one sampler for the whole console stores a sample every 10 seconds and pushes it
 * to the open dashboards; charts read the stored series back, averaged per bucket in SQL.
 */
@Service
public class MetricsHistory {

    static final long INTERVAL_MILLIS = 10_000;
    /**
     * The station list comes from hostapd through sudo and the root helper, and sudo logs every call: once
     * a minute keeps that to 1440 lines a day instead of 8640, and a minute is the history's resolution
     * after the first day anyway.
     */
    static final int WIFI_EVERY = 6;
    private static final Logger log = LoggerFactory.getLogger(MetricsHistory.class);

    private final MetricStore store;
    private final HostSampler host;
    private final ClientService clients;
    private final DockerEngine docker;
    private final ContainerService containers;
    private final Clock clock;
    private final Listeners<MetricsSample> listeners = new Listeners<>("resource history");
    private int samples;

    MetricsHistory(MetricStore store, MinimanProperties properties, MetricsProperties metrics, ClientService clients,
            DockerEngine docker, ContainerService containers, Clock clock) {
        this.store = store;
        this.host = new HostSampler(new ProcReader(properties.host().proc()), new ThermalZones(metrics.sys()));
        this.clients = clients;
        this.docker = docker;
        this.containers = containers;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 0, fixedRate = INTERVAL_MILLIS)
    void sampleAndStore() {
        try {
            MetricsSample sample = sample();
            store.append(sample);
            listeners.publish(sample);
        } catch (RuntimeException e) {
            log.warn("resource sample failed: {}", e.toString());
        }
    }

    synchronized MetricsSample sample() {
        Instant at = clock.instant();
        Map<SeriesKey, Double> values = new LinkedHashMap<>(host.sample(at));
        if (samples++ % WIFI_EVERY == 0) {
            wifiClients().ifPresent(n -> values.put(SeriesKey.of(Metric.WIFI_CLIENTS), (double) n));
        }
        runningContainers().ifPresent(n -> values.put(SeriesKey.of(Metric.CONTAINERS), (double) n));
        return new MetricsSample(at, values);
    }

    /** Stations associated now, by hostapd's own list; nothing where it cannot be asked (no helper, no radio). */
    private OptionalInt wifiClients() {
        ClientService.Clients list = clients.list();
        return list.stationListProblem().isPresent() ? OptionalInt.empty()
                : OptionalInt.of((int) list.clients().stream().filter(c -> c.associated()).count());
    }

    private OptionalInt runningContainers() {
        if (!docker.state().up()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(containers.list(new ContainerFilter(Set.of("running"), "")).size());
        } catch (RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * A metric's series over the range, subject by subject, about {@link HistoryRange#points()} points each.
     * A bucket longer than the sample interval ends the read at the current bucket's start: that bucket
     * is still filling, and the view completes it from the live samples.
     */
    public Map<String, List<MetricStore.Point>> read(Metric metric, HistoryRange range) {
        long bucket = range.bucket().toSeconds();
        long now = clock.instant().getEpochSecond();
        long current = now / bucket * bucket;
        long to = bucket * 1000 <= INTERVAL_MILLIS ? current + bucket : current;
        return store.read(metric, Instant.ofEpochSecond(now - range.span().toSeconds()), Instant.ofEpochSecond(to), bucket);
    }

    /** The sample interval: a chart whose bucket is no longer than this appends each live sample as it comes. */
    public static java.time.Duration interval() {
        return java.time.Duration.ofMillis(INTERVAL_MILLIS);
    }

    public Subscription subscribe(Consumer<MetricsSample> listener) {
        return listeners.add(listener);
    }
}
