package io.miniman.docker.network;

import java.util.Map;

import io.miniman.docker.validation.DockerPatterns;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A bridge network to create; subnet, gateway and IP range are optional (empty: the engine picks). */
public record NetworkSpec(
        @NotBlank(message = "A name is required")
        @Pattern(regexp = DockerPatterns.OPTIONAL_NAME, message = DockerPatterns.NAME_MESSAGE) String name,
        @Pattern(regexp = "|" + CIDR, message = "is not an IPv4 CIDR like 172.30.0.0/24") String subnet,
        @Pattern(regexp = "|" + IPV4, message = "is not an IPv4 address") String gateway,
        @Pattern(regexp = "|" + CIDR, message = "is not an IPv4 CIDR like 172.30.0.128/25") String ipRange,
        boolean internal,
        Map<String, String> labels) {

    static final String IPV4 = "(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}";
    static final String CIDR = IPV4 + "/(3[0-2]|[12]?\\d)";

    public NetworkSpec {
        name = name == null ? "" : name.trim();
        subnet = subnet == null ? "" : subnet.trim();
        gateway = gateway == null ? "" : gateway.trim();
        ipRange = ipRange == null ? "" : ipRange.trim();
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** Reported as the property "subnetGiven": the engine needs the subnet a gateway or range belongs to. */
    @AssertTrue(message = "a gateway or IP range needs a subnet")
    public boolean isSubnetGiven() {
        return !subnet.isEmpty() || (gateway.isEmpty() && ipRange.isEmpty());
    }

    public static boolean validIpv4(String address) {
        return address != null && address.matches(IPV4);
    }
}
