package io.miniman.extension;

import java.util.function.Consumer;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import com.vaadin.flow.component.Component;

import io.miniman.system.HostMetricsService;
import io.miniman.system.HostSnapshot;

/** Reads the box's CPU, memory, disk and load: now, or live while a component is on screen. */
@Service
@PreAuthorize("isAuthenticated()")
public class HostFigures {

    private final HostMetricsService metrics;

    HostFigures(HostMetricsService metrics) {
        this.metrics = metrics;
    }

    public HostReading now() {
        return reading(metrics.read());
    }

    /** Each new sample (every few seconds) while {@code owner} is attached; nothing is kept after. */
    public void follow(Component owner, Consumer<HostReading> update) {
        Live.<HostSnapshot>follow(owner, metrics::subscribe, snapshot -> update.accept(reading(snapshot)));
    }

    private static HostReading reading(HostSnapshot s) {
        return new HostReading(s.at(), s.hostname(), s.uptime(), s.load1(), s.cpuPercent(), s.memoryUsedPercent(),
                s.memoryTotalBytes(), s.diskUsedPercent(), s.diskFreeBytes());
    }
}
