package io.miniman.system.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.miniman.testsupport.MinimanSpringTest;

/** The one sampler, on this machine's own /proc. */
@MinimanSpringTest
class MetricsHistoryTest {

    @Autowired
    MetricsHistory history;

    @Test
    void aSampleHasEveryCoreMemoryLoadAndTheRootDisk() throws IOException {
        history.sample();
        MetricsSample sample = history.sample();
        long cores = Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+ .*")).count();
        Set<String> cpus = sample.values().keySet().stream().filter(k -> k.metric() == Metric.CPU)
                .map(SeriesKey::subject).collect(Collectors.toSet());
        assertThat(cpus).hasSize((int) cores + 1).contains("", "cpu0");
        assertThat(sample.values()).containsKeys(SeriesKey.of(Metric.MEMORY), SeriesKey.of(Metric.LOAD),
                new SeriesKey(Metric.DISK, "/"));
        assertThat(sample.values().get(SeriesKey.of(Metric.MEMORY))).isBetween(0.0, 100.0);
        assertThat(sample.values().keySet()).noneMatch(k -> k.subject().equals("lo") || k.subject().startsWith("veth"));
    }
}
