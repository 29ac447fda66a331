package io.miniman.system;

import org.springframework.stereotype.Component;

import io.miniman.operation.pattern.DiskLevel;

/** The data disk's level as the dashboard reads it, for the pattern rules. */
@Component
class DataDiskLevel implements DiskLevel {

    private final HostMetricsService host;

    DataDiskLevel(HostMetricsService host) {
        this.host = host;
    }

    @Override
    public double usedPercent() {
        return host.read().diskUsedPercent();
    }
}
