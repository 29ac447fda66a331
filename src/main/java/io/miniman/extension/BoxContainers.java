package io.miniman.extension;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import io.miniman.docker.container.ContainerFilter;
import io.miniman.docker.container.ContainerService;

/** Reads the box's containers. Changing them stays with the console's own pages and API. */
@Service
@PreAuthorize("isAuthenticated()")
public class BoxContainers {

    private final ContainerService containers;

    BoxContainers(ContainerService containers) {
        this.containers = containers;
    }

    /** Every container, running or not; fails with the engine's reason when Docker is down. */
    public List<ContainerInfo> list() {
        return containers.list(ContainerFilter.ALL).stream()
                .map(c -> new ContainerInfo(c.id(), c.name(), c.image(), c.state(), c.status()))
                .toList();
    }
}
