package io.miniman.system.metrics;

import io.miniman.testsupport.MovableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.miniman.system.ProcReader;

/**
 * Not a test: prints the resource history's figures.
 * <ol>
 * <li>The store's size after 90 days, generated with a movable clock on a Pi-like box's 19 series (CPU total and
 * 4 cores, load, memory, swap, 2 disks, 1 temperature, 3 interfaces in and out, WiFi clients, containers),
 * with the upkeep every 10 simulated minutes as it runs on the box. Samples come every 10 s for the last 8 days;
 * before that one per 10 minutes, as those days end as hour averages whatever fed them (it keeps the run short).</li>
 * <li>The sampler's CPU cost: reading this machine's /proc and /sys and storing the sample, per sample and as a
 * share of one core at one sample per 10 s (the WiFi station list and the Docker count are other processes'
 * work and are not in it).</li>
 * </ol>
 *   ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.miniman.system.metrics.MetricStoreBenchmark
 */
public final class MetricStoreBenchmark {

    private MetricStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("metric-bench");
        size(dir.resolve("size.db"));
        cpu(dir.resolve("cpu.db"));
    }

    private static void size(Path file) throws Exception {
        Instant end = Instant.parse("2026-06-01T00:00:00Z");
        MovableClock clock = new MovableClock(end.minus(Duration.ofDays(90)));
        MetricStore store = ScratchMetricStore.open(file);
        MetricsRetention retention = new MetricsRetention(store, new MetricsProperties(Path.of("/sys"), Duration.ofDays(90)), clock);
        Random random = new Random(1);
        Instant dense = end.minus(Duration.ofDays(8));
        long started = System.nanoTime();
        while (clock.instant().isBefore(end)) {
            store.append(new MetricsSample(clock.instant(), piLike(random)));
            clock.advance(clock.instant().isBefore(dense) ? Duration.ofMinutes(10) : Duration.ofSeconds(10));
            if (clock.instant().getEpochSecond() % 600 == 0) {
                retention.run();
            }
        }
        retention.run();
        long bytes = Files.size(file) + sizeOrZero(Path.of(file + "-wal"));
        System.out.printf(Locale.ROOT, "metric store after 90 simulated days: %.2f MB on disk (%d bytes, wal included), rows per tier %s, generated in %.0f s%n",
                bytes / 1e6, bytes, store.rowsPerTier(), (System.nanoTime() - started) / 1e9);
    }

    private static Map<SeriesKey, Double> piLike(Random random) {
        Map<SeriesKey, Double> values = new LinkedHashMap<>();
        values.put(SeriesKey.of(Metric.CPU), random.nextDouble() * 30);
        for (int core = 0; core < 4; core++) {
            values.put(new SeriesKey(Metric.CPU, "cpu" + core), random.nextDouble() * 40);
        }
        values.put(SeriesKey.of(Metric.LOAD), random.nextDouble() * 2);
        values.put(SeriesKey.of(Metric.MEMORY), 40 + random.nextDouble() * 30);
        values.put(SeriesKey.of(Metric.SWAP), random.nextDouble() * 10);
        values.put(new SeriesKey(Metric.DISK, "/"), 30 + random.nextDouble());
        values.put(new SeriesKey(Metric.DISK, "/boot/firmware"), 12.0);
        values.put(new SeriesKey(Metric.TEMPERATURE, "cpu-thermal"), 45 + random.nextDouble() * 15);
        for (String iface : new String[] {"eth0", "wlan0", "docker0"}) {
            values.put(new SeriesKey(Metric.NET_RECEIVED, iface), random.nextDouble() * 200_000);
            values.put(new SeriesKey(Metric.NET_SENT, iface), random.nextDouble() * 50_000);
        }
        values.put(SeriesKey.of(Metric.WIFI_CLIENTS), (double) random.nextInt(6));
        values.put(SeriesKey.of(Metric.CONTAINERS), (double) random.nextInt(4));
        return values;
    }

    private static void cpu(Path file) throws Exception {
        MetricStore store = ScratchMetricStore.open(file);
        HostSampler sampler = new HostSampler(new ProcReader(Path.of("/proc")), new ThermalZones(Path.of("/sys")));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Instant at = Instant.now();
        // warm up: JIT, the series ids, SQLite's page cache
        for (int i = 0; i < 200; i++) {
            at = at.plusSeconds(10);
            store.append(new MetricsSample(at, sampler.sample(at)));
        }
        int rounds = 500;
        long cpuBefore = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            at = at.plusSeconds(10);
            store.append(new MetricsSample(at, sampler.sample(at)));
        }
        double perSampleMs = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e6 / rounds;
        System.out.printf(Locale.ROOT, "sampler: %.2f ms of CPU per sample (read /proc, /sys, store %d series); %.3f %% of one core at one sample per 10 s%n",
                perSampleMs, sampler.sample(at.plusSeconds(10)).size(), perSampleMs / 10_000 * 100);
    }

    private static long sizeOrZero(Path path) throws Exception {
        return Files.exists(path) ? Files.size(path) : 0;
    }
}
