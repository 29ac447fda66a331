package io.miniman.system;

import java.time.Duration;
import java.time.Instant;

/** The host's figures at one moment, as the dashboard shows them. cpuPercent is -1 before a second sample exists. */
public record HostSnapshot(Instant at, String hostname, Duration uptime, double load1, double load5, double load15,
        double cpuPercent, long memoryTotalBytes, long memoryAvailableBytes, String diskPath, long diskTotalBytes,
        long diskFreeBytes) {

    public double memoryUsedPercent() {
        return memoryTotalBytes == 0 ? 0 : 100.0 * (memoryTotalBytes - memoryAvailableBytes) / memoryTotalBytes;
    }

    public double diskUsedPercent() {
        return diskTotalBytes == 0 ? 0 : 100.0 * (diskTotalBytes - diskFreeBytes) / diskTotalBytes;
    }
}
