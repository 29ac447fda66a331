package io.miniman.docker;

import java.time.Instant;
import java.util.Map;

/**
 * One change the engine reported ({@code type} container, image, volume, network) or a change of the
 * connection itself ({@code type} "engine", action "up" or "down").
 */
public record DockerEvent(String type, String action, String id, Map<String, String> attributes, Instant time) {

    public static final String ENGINE = "engine";

    public String name() {
        return attributes.getOrDefault("name", id);
    }
}
