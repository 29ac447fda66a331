package io.miniman.system.metrics;

import io.miniman.testsupport.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsRetentionTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final SeriesKey CPU = SeriesKey.of(Metric.CPU);
    private static final SeriesKey RX = new SeriesKey(Metric.NET_RECEIVED, "eth0");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(START);

    private static final Duration STEP = Duration.ofSeconds(30);

    /** CPU is 0 % then 50 % within each minute, so every minute averages 25 %; eth0 counts the hour of day. */
    private static MetricsSample sampleAt(Instant at) {
        double cpu = (at.getEpochSecond() % 60) / 30 * 50.0;
        double rx = at.getEpochSecond() / 3600 % 24;
        return new MetricsSample(at, Map.of(CPU, cpu, RX, rx));
    }

    @Test
    void samplesBecomeMinuteAveragesAfterADayHourAveragesAfterAWeekAndGoAfterTheRetention() {
        MetricStore store = ScratchMetricStore.open(dir.resolve("metrics.db"));
        MetricsRetention retention = new MetricsRetention(store, new MetricsProperties(Path.of("/sys"), Duration.ofDays(90)), clock);
        // 8 days of samples (every 30 s rather than 10 s, to keep the test short), the upkeep every 10 minutes
        Instant end = START.plus(Duration.ofDays(8));
        while (clock.instant().isBefore(end)) {
            store.append(sampleAt(clock.instant()));
            clock.advance(STEP);
            if (clock.instant().getEpochSecond() % 600 == 0) {
                retention.run();
            }
        }
        retention.run();

        Map<Integer, Long> tiers = store.rowsPerTier();
        // raw: the last 24 h (2880 samples per series); minutes: days 1..7 back (6 * 1440); hours: the first day
        assertThat(tiers.get(MetricStore.RAW)).isEqualTo(2 * 2880L);
        assertThat(tiers.get(MetricStore.MINUTE)).isEqualTo(2 * 6 * 1440L);
        assertThat(tiers.get(MetricStore.HOUR)).isEqualTo(2 * 24L);

        // every stored CPU figure, whatever its tier, is the 25 % average, never a partial bucket
        Map<String, List<MetricStore.Point>> cpu = store.read(Metric.CPU, START, end, 3600);
        assertThat(cpu.get("")).hasSize(8 * 24).allSatisfy(p -> assertThat(p.value()).isCloseTo(25.0, within(0.01)));
        // the hour rows of the first day keep the hour-of-day pattern of eth0
        List<MetricStore.Point> firstDay = store.read(Metric.NET_RECEIVED, START, START.plus(Duration.ofDays(1)), 3600).get("eth0");
        assertThat(firstDay).hasSize(24);
        assertThat(firstDay.get(13).value()).isEqualTo(13.0);
        assertThat(firstDay.get(13).at()).isEqualTo(START.plus(Duration.ofHours(13)));

        // nothing sampled for 90 days: everything is older than the retention, and the series are gone
        clock.advance(Duration.ofDays(90));
        retention.run();
        assertThat(store.rowsPerTier()).isEmpty();
        assertThat(store.read(Metric.CPU, START, clock.instant(), 60)).isEmpty();
        // a new sample after that gets its series back
        store.append(sampleAt(clock.instant()));
        assertThat(store.read(Metric.CPU, clock.instant(), clock.instant().plusSeconds(10), 10).get("")).hasSize(1);
    }

    @Test
    void aReadAveragesPerBucketInSqlAndKeepsSubjectsApart() {
        MetricStore store = ScratchMetricStore.open(dir.resolve("read.db"));
        for (int i = 0; i < 12; i++) {
            Instant at = START.plusSeconds(10L * i);
            store.append(new MetricsSample(at, Map.of(new SeriesKey(Metric.DISK, "/"), 10.0 + i,
                    new SeriesKey(Metric.DISK, "/boot"), 50.0)));
        }
        Map<String, List<MetricStore.Point>> disks = store.read(Metric.DISK, START, START.plusSeconds(120), 60);
        assertThat(disks.keySet()).containsExactly("/", "/boot");
        // 10..15 then 16..21, stored to a tenth of a percent
        assertThat(disks.get("/")).extracting(MetricStore.Point::value).containsExactly(12.5, 18.5);
        assertThat(disks.get("/boot")).extracting(MetricStore.Point::value).containsExactly(50.0, 50.0);
    }

    @Test
    void aCutoffInsideABucketIsRefused() {
        MetricStore store = ScratchMetricStore.open(dir.resolve("cut.db"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.downsample(0, 1, 60, START.plusSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boundary");
    }
}
