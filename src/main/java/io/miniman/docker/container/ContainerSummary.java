package io.miniman.docker.container;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A row of the containers grid. {@code state} is the engine's: created, running, paused, restarting, exited, dead. */
public record ContainerSummary(String id, String name, String image, String state, String status, String health,
                               List<PortMapping> ports, Instant created, Map<String, String> labels) {


    public boolean running() {
        return "running".equals(state);
    }

    public boolean paused() {
        return "paused".equals(state);
    }
}
