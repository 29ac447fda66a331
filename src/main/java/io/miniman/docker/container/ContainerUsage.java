package io.miniman.docker.container;

/** CPU and memory of a running container, as the grid shows them; {@code cpuPercent} is NaN until a second reading. */
public record ContainerUsage(double cpuPercent, long memoryBytes, long memoryLimitBytes) {
}
