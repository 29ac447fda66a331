package io.miniman.docker.network;

import java.util.List;
import java.util.Map;

/** A row of the networks grid, with the containers attached to it. */
public record NetworkSummary(String id, String name, String driver, String scope, List<Subnet> subnets, boolean internal,
                             List<Attachment> containers, Map<String, String> labels) {

    public record Subnet(String subnet, String gateway, String ipRange) {
    }

    public record Attachment(String container, String ipv4Address) {
    }

    /** The engine's own networks cannot be removed. */
    public boolean predefined() {
        return List.of("bridge", "host", "none").contains(name);
    }
}
