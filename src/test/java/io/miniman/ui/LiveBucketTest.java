package io.miniman.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LiveBucketTest {

    private record Emitted(int series, long start, double value) {
    }

    private final List<Emitted> emitted = new ArrayList<>();

    @Test
    void aCoarseBucketEmitsItsAverageOnceTheNextBucketBegins() {
        ResourceHistoryCharts.LiveBucket bucket = new ResourceHistoryCharts.LiveBucket(240, 2);
        for (long second = 2400; second < 2640; second += 10) {
            bucket.add(second, Map.of(0, (double) (second - 2400), 1, 5.0), (s, start, v) -> emitted.add(new Emitted(s, start, v)));
        }
        assertThat(emitted).isEmpty();
        bucket.add(2640, Map.of(0, 1000.0), (s, start, v) -> emitted.add(new Emitted(s, start, v)));
        // 0, 10, ..., 230 average 115
        assertThat(emitted).containsExactly(new Emitted(0, 2400, 115.0), new Emitted(1, 2400, 5.0));
    }

    @Test
    void aBucketOfOneSampleIntervalAppendsEachSampleAtOnce() {
        ResourceHistoryCharts.LiveBucket bucket = new ResourceHistoryCharts.LiveBucket(10, 1);
        bucket.add(1234, Map.of(0, 7.0), (s, start, v) -> emitted.add(new Emitted(s, start, v)));
        assertThat(emitted).containsExactly(new Emitted(0, 1230, 7.0));
    }
}
