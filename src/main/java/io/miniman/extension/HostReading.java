package io.miniman.extension;

import java.time.Duration;
import java.time.Instant;

/** The box's figures at one moment. cpuPercent is -1 until a second sample exists. */
public record HostReading(Instant at, String hostName, Duration uptime, double load1, double cpuPercent,
        double memoryUsedPercent, long memoryTotalBytes, double diskUsedPercent, long diskFreeBytes) {
}
