package io.miniman.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

import io.miniman.security.Roles;
import io.miniman.system.metrics.HistoryRange;
import io.miniman.system.metrics.Metric;
import io.miniman.system.metrics.MetricStore;
import io.miniman.system.metrics.MetricsSample;
import io.miniman.system.metrics.SeriesKey;
import io.miniman.testsupport.KaribuTest;

class ResourcesViewTest extends KaribuTest {

    @Autowired
    MetricStore store;
    @Autowired
    Clock clock;

    @Test
    void showsTheStoredHistory() {
        login(Roles.VIEWER);
        UI.getCurrent().navigate(ResourcesView.class);
        // the one sampler stored a sample at start: memory and load are charted from the store
        assertThat(_get(ApexChart.class, spec -> spec.withId("memory-chart")).getOptions().series())
                .extracting(ApexOptions.Series::name).startsWith("Memory used");
        assertThat(_get(ApexChart.class, spec -> spec.withId("load-chart")).getOptions().type())
                .isEqualTo(ApexOptions.Type.LINE);
    }

    /** A user who comes back after a day picks 24 h and sees what was stored yesterday. */
    @Test
    @SuppressWarnings("unchecked")
    void theRangesReachBackIntoTheStore() {
        Instant yesterday = clock.instant().minus(Duration.ofHours(20));
        store.append(new MetricsSample(yesterday, Map.of(new SeriesKey(Metric.DISK, "/dashboard-test"), 42.5)));
        login(Roles.VIEWER);
        UI.getCurrent().navigate(ResourcesView.class);
        assertThat(diskSeries()).doesNotContain("/dashboard-test");

        RadioButtonGroup<HistoryRange> range = _get(RadioButtonGroup.class, spec -> spec.withLabel("History"));
        range.setValue(HistoryRange.DAY);
        ApexOptions.Series stored = _get(ApexChart.class, spec -> spec.withId("disk-chart")).getOptions().series().stream()
                .filter(s -> s.name().equals("/dashboard-test")).findFirst().orElseThrow();
        long bucket = HistoryRange.DAY.bucket().toMillis();
        assertThat(stored.points()).containsExactly(
                new ApexOptions.Point(yesterday.toEpochMilli() / 1000 * 1000 / bucket * bucket, 42.5));
        assertThat(_get(ApexChart.class, spec -> spec.withId("disk-chart")).getOptions().maxPoints())
                .isEqualTo(HistoryRange.DAY.points() + 1);
    }

    private static java.util.List<String> diskSeries() {
        return _find(ApexChart.class, spec -> spec.withId("disk-chart")).stream()
                .flatMap(chart -> chart.getOptions().series().stream()).map(ApexOptions.Series::name).toList();
    }
}
