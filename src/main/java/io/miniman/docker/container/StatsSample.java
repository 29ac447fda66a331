package io.miniman.docker.container;

import java.time.Instant;

/** One reading of a running container, as {@code docker stats} computes it. */
public record StatsSample(Instant time, double cpuPercent, long memoryBytes, long memoryLimitBytes,
                          long networkRxBytes, long networkTxBytes, long blockReadBytes, long blockWriteBytes) {
}
