package io.miniman.docker;

/** What the engine page shows. */
public record EngineInfo(String version, String apiVersion, String operatingSystem, String kernel,
                         String architecture, String storageDriver, int cpus, long memoryBytes, DiskUsage diskUsage) {
}
