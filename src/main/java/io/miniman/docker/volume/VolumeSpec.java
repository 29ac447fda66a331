package io.miniman.docker.volume;

import java.util.Map;

/** A volume to create; an empty name lets the engine choose one. */
public record VolumeSpec(String name, String driver, Map<String, String> options, Map<String, String> labels) {

    public VolumeSpec {
        name = name == null ? "" : name.trim();
        driver = driver == null || driver.isBlank() ? "local" : driver.trim();
        options = options == null ? Map.of() : Map.copyOf(options);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
